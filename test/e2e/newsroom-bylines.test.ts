import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role, User } from '../../src/accounts/index.ts';
import { findAuthorIdForUser } from '../../src/authors/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// Staff choose the author profile they write under on their account page (/admin/account): only one
// nobody else holds, or a new one made from their name.

let gazette: TestGazette;
let owner: { user: User; sessionToken: string };

before(async () => {
  gazette = await buildTestApp();
  owner = await createTestOwner(gazette);
});
after(() => gazette.close());

async function memberBrowser(role: Exclude<Role, 'owner'>, name: string): Promise<{ user: User; browser: FormClient }> {
  const member = await addTestMember(gazette, owner.user, role, name);
  const browser = new FormClient(gazette.app);
  browser.setCookie('gazette_session', member.sessionToken);
  assert.equal((await browser.get('/admin/account')).statusCode, 200);
  return { user: member.user, browser };
}

async function demoAuthorId(slug: string): Promise<number> {
  return (await gazette.database.db.selectFrom('authors').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

async function auditSubjects(action: string): Promise<string[]> {
  return (await gazette.database.db.selectFrom('audit_log').select('subject').where('action', '=', action).orderBy('id').execute()).map((row) => row.subject);
}

function bylineSelect(html: string): string {
  return /<select id="field-author" name="author"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? assert.fail('the account page has no byline select');
}

describe('choosing a byline on the account page', () => {
  let amara: number;
  let contributor: { user: User; browser: FormClient };
  let author: { user: User; browser: FormClient };

  before(async () => {
    amara = await demoAuthorId('amara-okafor');
    contributor = await memberBrowser('contributor', 'Byline contributor');
    author = await memberBrowser('author', 'Byline author');
  });

  test('the page offers every free profile, "— None —" and a byline made from the name', async () => {
    const page = await contributor.browser.get('/admin/account');
    assert.match(page.body, /<h2 id="byline-heading">Your byline<\/h2>/);
    const select = bylineSelect(page.body);
    assert.match(select, /<option value="" selected="">— None —<\/option>/);
    assert.match(select, new RegExp(`<option value="${amara}">Amara Okafor</option>`));
    assert.match(page.body, /action="\/admin\/account\/byline\/new"><input type="hidden" name="_csrf"/);
    assert.match(page.body, /Create a byline from my name \(Byline contributor\)/);
  });

  test('a contributor links themselves to a free profile; it is audited and shown to admins on the team page', async () => {
    const linked = await contributor.browser.post('/admin/account/byline', { author: String(amara) });
    assert.equal(linked.statusCode, 200);
    assert.match(linked.body, /role="status">Your byline is now Amara Okafor\./);
    assert.match(bylineSelect(linked.body), new RegExp(`<option value="${amara}" selected="">Amara Okafor</option>`));
    assert.doesNotMatch(linked.body, /Create a byline from my name/, 'someone with a byline is not offered a second');
    assert.equal(await findAuthorIdForUser(gazette.database.db, contributor.user.id), amara);
    assert.deepEqual(await auditSubjects('account.byline-linked'), [`byline.contributor@example.org → Amara Okafor (author ${amara})`]);

    const team = await gazette.app.inject({ url: '/admin/team', headers: { cookie: `gazette_session=${owner.sessionToken}` } });
    assert.match(team.body, /<th[^>]*>Byline<\/th>/);
    assert.match(team.body, /Byline contributor<\/td><td>byline\.contributor@example\.org<\/td><td>[\s\S]*?<\/td><td>Amara Okafor<\/td>/);
    assert.match(team.body, /Mina Park<strong class="badge">You<\/strong><\/td><td>mina@example\.org<\/td><td>[\s\S]*?<\/td><td>—<\/td>/);
  });

  test("someone else's profile is neither offered nor taken: the refusal names who holds it", async () => {
    const page = await author.browser.get('/admin/account');
    assert.doesNotMatch(bylineSelect(page.body), /Amara Okafor/);
    const refused = await author.browser.post('/admin/account/byline', { author: String(amara) });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /role="alert">The byline Amara Okafor already belongs to Byline contributor\./);
    assert.equal(await findAuthorIdForUser(gazette.database.db, author.user.id), undefined);
    assert.equal(await findAuthorIdForUser(gazette.database.db, contributor.user.id), amara);
  });

  test('a value that is not a listed profile is refused with a message, not an error page', async () => {
    const junk = await author.browser.post('/admin/account/byline', { author: '1 or 1=1' });
    assert.equal(junk.statusCode, 422);
    assert.match(junk.body, /Choose a byline from the list\./);
    const missing = await author.browser.post('/admin/account/byline', { author: '999999' });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /There is no such author\./);
  });

  test('"— None —" unlinks, is audited, and frees the profile for others', async () => {
    const unlinked = await contributor.browser.post('/admin/account/byline', { author: '' });
    assert.equal(unlinked.statusCode, 200);
    assert.match(unlinked.body, /You have no byline now/);
    assert.equal(await findAuthorIdForUser(gazette.database.db, contributor.user.id), undefined);
    assert.deepEqual(await auditSubjects('account.byline-unlinked'), [`byline.contributor@example.org ✕ Amara Okafor (author ${amara})`]);
    assert.match(bylineSelect((await author.browser.get('/admin/account')).body), /Amara Okafor/);
  });

  test('a byline made from the name is created, linked and published at its own address', async () => {
    const created = await author.browser.post('/admin/account/byline/new', {});
    assert.equal(created.statusCode, 200);
    assert.match(created.body, /Your byline Byline author was created\./);
    const id = await findAuthorIdForUser(gazette.database.db, author.user.id);
    assert.ok(id !== undefined);
    assert.match(bylineSelect(created.body), new RegExp(`<option value="${id}" selected="">Byline author</option>`));
    assert.equal((await gazette.app.inject({ url: '/author/byline-author' })).statusCode, 200);
    assert.equal((await author.browser.post('/admin/account/byline/new', {})).statusCode, 409, 'a second one is refused');
    assert.equal((await auditSubjects('account.byline-created')).length, 1);
  });

  test('changing a byline needs the CSRF token of the page', async () => {
    const forged = await contributor.browser.post('/admin/account/byline', { author: String(amara), _csrf: 'forged' });
    assert.equal(forged.statusCode, 403);
    const bare = await gazette.app.inject({
      method: 'POST',
      url: '/admin/account/byline/new',
      payload: '',
      headers: { cookie: contributor.browser.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(bare.statusCode, 403);
    assert.equal(await findAuthorIdForUser(gazette.database.db, contributor.user.id), undefined, 'nothing was linked or created');
  });
});

describe('hostile names', () => {
  async function renamed(name: string, as: string): Promise<{ user: User; browser: FormClient }> {
    const member = await memberBrowser('author', as);
    await gazette.database.db.updateTable('users').set({ name }).where('id', '=', member.user.id).execute();
    await member.browser.get('/admin/account');
    return member;
  }

  test('markup in a name is shown as text on the account page, the author page and the team page', async () => {
    const { user, browser } = await renamed('<img src=x onerror=alert(1)>', 'Markup author');
    const page = await browser.get('/admin/account');
    assert.doesNotMatch(page.body, /<img src=x/);
    assert.match(page.body, /Create a byline from my name \(&lt;img src=x onerror=alert\(1\)&gt;\)/);
    const created = await browser.post('/admin/account/byline/new', {});
    assert.equal(created.statusCode, 200);
    assert.doesNotMatch(created.body, /<img src=x/);
    const slug = (await gazette.database.db.selectFrom('authors').select('slug').where('user_id', '=', user.id).executeTakeFirstOrThrow()).slug;
    assert.equal(slug, 'img-src-x-onerror-alert-1');
    const authorPage = await gazette.app.inject({ url: `/author/${slug}` });
    assert.equal(authorPage.statusCode, 200);
    assert.doesNotMatch(authorPage.body, /<img src=x/);
    const team = await gazette.app.inject({ url: '/admin/team', headers: { cookie: `gazette_session=${owner.sessionToken}` } });
    assert.doesNotMatch(team.body, /<img src=x/);
    assert.match(team.body, /<td>&lt;img src=x onerror=alert\(1\)&gt;<\/td>/);
  });

  test('a name of only symbols still gets a readable address, not "untitled"', async () => {
    const { user, browser } = await renamed('★ ★ ★', 'Symbol author');
    assert.equal((await browser.post('/admin/account/byline/new', {})).statusCode, 200);
    const slug = (await gazette.database.db.selectFrom('authors').select('slug').where('user_id', '=', user.id).executeTakeFirstOrThrow()).slug;
    assert.equal(slug, `author-${user.id}`);
    assert.equal((await gazette.app.inject({ url: `/author/${slug}` })).statusCode, 200);
  });
});
