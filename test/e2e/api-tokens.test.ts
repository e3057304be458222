import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { authenticateApiToken, type Role, type User } from '../../src/accounts/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

// Staff make personal access tokens for the Admin API on their account page (/admin/account): shown
// once, stored hashed, listed with their last use, revocable by their owner, and by the newsroom's
// owners whoever they belong to.

let gazette: TestGazette;
let owner: { user: User; browser: FormClient };

const secretPattern = /<code class="copy-link">(gzt_[A-Za-z0-9_-]{43})<\/code>/;
const deps = () => ({ db: gazette.database.db, clock: { now: () => testNow } });

async function browserFor(sessionToken: string): Promise<FormClient> {
  const browser = new FormClient(gazette.app);
  browser.setCookie('gazette_session', sessionToken);
  assert.equal((await browser.get('/admin/account')).statusCode, 200);
  return browser;
}

async function member(role: Exclude<Role, 'owner'>, name: string): Promise<{ user: User; browser: FormClient }> {
  const added = await addTestMember(gazette, owner.user, role, name);
  return { user: added.user, browser: await browserFor(added.sessionToken) };
}

/** Makes a token through the form; returns its secret (read from the page) and its id (from the list). */
async function createThroughPage(browser: FormClient, name: string, expiresAt = ''): Promise<{ secret: string; id: number }> {
  const page = await browser.post('/admin/account/tokens', { name, expiresAt });
  assert.equal(page.statusCode, 200, page.body);
  const secret = secretPattern.exec(page.body)?.[1] ?? assert.fail('the new token is not on the page');
  const caller = await authenticateApiToken(deps(), secret);
  return { secret, id: caller?.token.id ?? assert.fail('the token shown does not work') };
}

/** The "Your tokens" table, or the owner's "Everyone's tokens" one. */
function tokenTable(html: string, heading: 'Your tokens' | 'Everyone’s tokens'): string {
  const after = html.split(`<h3>${heading}</h3>`)[1] ?? assert.fail(`no ${heading} on the page`);
  return /^[\s\S]*?(<table[\s\S]*?<\/table>|<p>You have no tokens\.<\/p>)/.exec(after)?.[1] ?? '';
}

before(async () => {
  gazette = await buildTestApp();
  const created = await createTestOwner(gazette);
  owner = { user: created.user, browser: await browserFor(created.sessionToken) };
});
after(() => gazette.close());

describe('API tokens on the account page', () => {
  test('a member makes a token: shown once, in the answer to the form and never again, and it acts as them', async () => {
    const { browser, user } = await member('editor', 'Token editor');
    const page = await browser.get('/admin/account');
    assert.match(page.body, /<h2 id="api-tokens-heading">API tokens<\/h2>/);
    assert.match(page.body, /<form method="post" action="\/admin\/account\/tokens"[^>]*><input type="hidden" name="_csrf" value="[^"]+"/);
    assert.match(page.body, /<input id="field-expiresAt" name="expiresAt" type="date" min="2026-11-27"/);
    assert.match(tokenTable(page.body, 'Your tokens'), /You have no tokens\./);

    const made = await browser.post('/admin/account/tokens', { name: 'Wire importer', expiresAt: '' });
    assert.equal(made.statusCode, 200);
    assert.equal(made.headers.location, undefined, 'not a redirect');
    assert.equal(made.headers['cache-control'], 'no-store');
    assert.match(made.body, /The token “Wire importer” was created\. Copy it now: it will not be shown again\./);
    const secret = secretPattern.exec(made.body)?.[1] ?? assert.fail('no token shown');
    assert.equal(made.body.split(secret).length, 2, 'the token appears once on the page');

    const caller = await authenticateApiToken(deps(), secret);
    assert.deepEqual(caller?.user, user);
    assert.equal(caller?.token.name, 'Wire importer');

    const reloaded = await browser.get('/admin/account');
    assert.ok(!reloaded.body.includes(secret), 'a reload does not show it');
    assert.doesNotMatch(reloaded.body, /gzt_/);
    const listed = tokenTable(reloaded.body, 'Your tokens');
    assert.match(
      listed,
      /<td>Wire importer<\/td><td data-label="Created">27 November 2026(?:,| at) 12:00 GMT<\/td><td data-label="Last used">27 November 2026(?:,| at) 12:00 GMT<\/td><td data-label="Expires">Never<\/td>/,
      'last used just now',
    );
    assert.match(listed, new RegExp(`action="/admin/account/tokens/${caller?.token.id}/revoke" class="inline-form"><input type="hidden" name="_csrf"`));
    assert.doesNotMatch(reloaded.body, /Everyone’s tokens/, 'only owners see everyone’s');

    const audit = await gazette.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'token.created')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(audit.subject, `"Wire importer" for ${user.email}`);
    assert.equal(audit.actor_user_id, user.id);
  });

  test('an expiry day is kept and shown; the token stops at the end of it', async () => {
    const { browser } = await member('author', 'Expiring author');
    const { secret, id } = await createThroughPage(browser, 'Weekend script', '2026-11-30');
    const listed = tokenTable((await browser.get('/admin/account')).body, 'Your tokens');
    assert.match(
      listed,
      /<td>Weekend script<\/td><td data-label="Created">27 November 2026(?:,| at) 12:00 GMT<\/td><td data-label="Last used">27 November 2026(?:,| at) 12:00 GMT<\/td><td data-label="Expires">1 December 2026(?:,| at) 00:00 GMT<\/td>/,
    );
    assert.ok(await authenticateApiToken({ ...deps(), clock: { now: () => new Date('2026-11-30T23:59:00Z') } }, secret));
    assert.equal(await authenticateApiToken({ ...deps(), clock: { now: () => new Date('2026-12-01T00:00:00Z') } }, secret), undefined);
    gazette.setNow(new Date('2026-12-02T12:00:00Z'));
    try {
      const later = tokenTable((await browser.get('/admin/account')).body, 'Your tokens');
      assert.match(
        later,
        new RegExp(
          `1 December 2026(?:,| at) 00:00 GMT<strong class="badge badge--warning">Expired</strong></td><td><form method="post" action="/admin/account/tokens/${id}/revoke"`,
        ),
      );
    } finally {
      gazette.setNow(testNow);
    }
  });

  test('a member revokes their own token: it stops working at once and leaves the list', async () => {
    const { browser, user } = await member('contributor', 'Revoking contributor');
    const { secret, id } = await createThroughPage(browser, 'Laptop');
    const revoked = await browser.post(`/admin/account/tokens/${id}/revoke`, {});
    assert.equal(revoked.statusCode, 200);
    assert.match(revoked.body, /role="status">The token “Laptop” was revoked: it no longer works\./);
    assert.equal(await authenticateApiToken(deps(), secret), undefined);
    assert.match(tokenTable(revoked.body, 'Your tokens'), /You have no tokens\./);
    const again = await browser.post(`/admin/account/tokens/${id}/revoke`, {});
    assert.equal(again.statusCode, 404);
    assert.match(again.body, /role="alert">That token was already revoked, or does not exist\./);
    const audit = await gazette.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'token.revoked')
      .where('actor_user_id', '=', user.id)
      .execute();
    assert.deepEqual(
      audit.map((entry) => entry.subject),
      [`"Laptop" of ${user.email}`],
    );
  });

  test('an owner sees everyone’s tokens with their owners and revokes someone else’s; editors and admins cannot', async () => {
    const writer = await member('author', 'Owned author');
    const editor = await member('editor', 'Nosy editor');
    const admin = await member('admin', 'Nosy admin');
    const { secret, id } = await createThroughPage(writer.browser, 'Author’s script');

    for (const other of [editor, admin]) {
      const page = await other.browser.get('/admin/account');
      assert.doesNotMatch(page.body, /Author’s script/, `${other.user.name} does not see it`);
      const refused = await other.browser.post(`/admin/account/tokens/${id}/revoke`, {});
      assert.equal(refused.statusCode, 403, other.user.name);
      assert.match(refused.body, /role="alert">Only an owner can revoke someone else’s token\./);
    }
    assert.ok(await authenticateApiToken(deps(), secret), 'still works after the refusals');

    const ownerPage = await owner.browser.get('/admin/account');
    const everyone = tokenTable(ownerPage.body, 'Everyone’s tokens');
    assert.match(everyone, /<th scope="col">Owner<\/th>/);
    assert.match(everyone, /<td>Author’s script<\/td><td data-label="Owner">Owned author<\/td>/);
    assert.doesNotMatch(tokenTable(ownerPage.body, 'Your tokens'), /Author’s script/, 'not among the owner’s own');
    const revoked = await owner.browser.post(`/admin/account/tokens/${id}/revoke`, {});
    assert.equal(revoked.statusCode, 200);
    assert.match(revoked.body, /The token “Author’s script” was revoked/);
    assert.equal(await authenticateApiToken(deps(), secret), undefined);
    assert.doesNotMatch(tokenTable((await writer.browser.get('/admin/account')).body, 'Your tokens'), /Author’s script/);
    const audit = await gazette.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'token.revoked')
      .where('actor_user_id', '=', owner.user.id)
      .execute();
    assert.ok(audit.some((entry) => entry.subject === `"Author’s script" of ${writer.user.email}`));
  });

  test('without the form’s CSRF token nothing is made or revoked', async () => {
    const { browser, user } = await member('editor', 'Forged editor');
    const forged = await browser.post('/admin/account/tokens', { name: 'Forged', _csrf: '' });
    assert.equal(forged.statusCode, 403);
    assert.doesNotMatch(forged.body, /gzt_/);
    assert.equal((await gazette.database.db.selectFrom('api_tokens').select('id').where('user_id', '=', user.id).execute()).length, 0);

    const { secret, id } = await createThroughPage(browser, 'Real');
    assert.equal((await browser.post(`/admin/account/tokens/${id}/revoke`, { _csrf: 'not-the-token' })).statusCode, 403);
    assert.ok(await authenticateApiToken(deps(), secret));
    const stranger = new FormClient(gazette.app);
    assert.equal((await stranger.post(`/admin/account/tokens/${id}/revoke`, {})).statusCode, 401, 'another browser, not signed in');
    assert.ok(await authenticateApiToken(deps(), secret));
  });

  test('a hostile name is shown as text everywhere: the notice, the list, the revoke button and the owner’s list', async () => {
    const { browser } = await member('author', 'Hostile author');
    const hostile = '<img src=x onerror=alert(1)>"\'&amp;</td>';
    const made = await browser.post('/admin/account/tokens', { name: hostile });
    assert.equal(made.statusCode, 200);
    const escaped = '&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;amp;&lt;/td&gt;';
    for (const page of [made.body, (await owner.browser.get('/admin/account')).body]) {
      assert.ok(!page.includes('<img src=x'), 'never markup');
      assert.ok(page.includes(`<td>${escaped}</td>`), 'in the list');
      assert.ok(page.includes(`<span class="visually-hidden"> the token ${escaped}</span>`), 'in the revoke button');
    }
    assert.ok(made.body.includes(`The token “${escaped}” was created.`));
    const refused = await browser.post('/admin/account/tokens', { name: `${hostile}${'x'.repeat(100)}` });
    assert.equal(refused.statusCode, 422);
    assert.ok(refused.body.includes(`value="${escaped}${'x'.repeat(100)}"`), 'the typed name comes back escaped');
    assert.ok(!refused.body.includes('<img src=x'));
  });

  test('a bad name or expiry re-shows the form with what was typed and a message for each field; nothing is made', async () => {
    const { browser, user } = await member('editor', 'Careless editor');
    const empty = await browser.post('/admin/account/tokens', { name: '   ', expiresAt: '2026-11-26' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /<div class="error-summary" role="alert"/);
    assert.match(empty.body, /<p class="field__error" id="field-name-error">Give the token a name, such as the script or service that will use it\.<\/p>/);
    assert.match(empty.body, /<p class="field__error" id="field-expiresAt-error">Choose an expiry date from today on\.<\/p>/);
    assert.match(empty.body, /name="expiresAt" type="date" value="2026-11-26"/);

    const long = await browser.post('/admin/account/tokens', { name: 'n'.repeat(101), expiresAt: 'next week' });
    assert.equal(long.statusCode, 422);
    assert.match(long.body, /Keep the name to 100 characters or fewer\./);
    assert.match(long.body, new RegExp(`name="name" type="text" value="${'n'.repeat(101)}"`));
    assert.match(long.body, /Enter the expiry as a date like 2027-01-31, or leave it empty\./);
    assert.doesNotMatch(long.body, /next week/, 'what no date picker could hold is not put back in one');

    const control = await browser.post('/admin/account/tokens', { name: 'line\nbreak' });
    assert.equal(control.statusCode, 422);
    assert.match(control.body, /The name cannot contain control characters\./);

    assert.equal((await browser.post('/admin/account/tokens', { name: 'x'.repeat(1001) })).statusCode, 400, 'absurd input is refused outright');
    assert.equal((await browser.post('/admin/account/tokens/abc/revoke', {})).statusCode, 400);
    assert.equal((await browser.post('/admin/account/tokens/2000000000/revoke', {})).statusCode, 404);
    for (const page of [empty, long, control]) assert.doesNotMatch(page.body, /gzt_/);
    assert.equal((await gazette.database.db.selectFrom('api_tokens').select('id').where('user_id', '=', user.id).execute()).length, 0);
  });

  test('signed out, the form is refused', async () => {
    const stranger = new FormClient(gazette.app);
    await stranger.get('/admin/login');
    const refused = await stranger.post('/admin/account/tokens', { name: 'Sneaky' });
    assert.equal(refused.statusCode, 401);
    assert.equal((await gazette.database.db.selectFrom('api_tokens').select('id').where('name', '=', 'Sneaky').execute()).length, 0);
  });
});
