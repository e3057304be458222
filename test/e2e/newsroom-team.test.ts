import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role, User } from '../../src/accounts/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

let gazette: TestGazette;
let owner: { user: User; sessionToken: string };
const members = new Map<Role, { user: User; sessionToken: string }>();

function getAs(role: Role, url: string) {
  return gazette.app.inject({ url, headers: { cookie: `gazette_session=${members.get(role)!.sessionToken}` } });
}

before(async () => {
  gazette = await buildTestApp();
  owner = await createTestOwner(gazette);
  members.set('owner', owner);
  for (const role of ['admin', 'editor', 'author', 'contributor'] as const) {
    members.set(role, await addTestMember(gazette, owner.user, role, `Test ${role}`));
  }
});
after(() => gazette.close());

describe('who may see what in the newsroom', () => {
  const matrix: [string, Record<Role, number>][] = [
    ['/admin', { owner: 200, admin: 200, editor: 200, author: 200, contributor: 200 }],
    ['/admin/account', { owner: 200, admin: 200, editor: 200, author: 200, contributor: 200 }],
    ['/admin/team', { owner: 200, admin: 200, editor: 403, author: 403, contributor: 403 }],
    ['/admin/audit', { owner: 200, admin: 200, editor: 403, author: 403, contributor: 403 }],
  ];
  for (const [url, expected] of matrix) {
    for (const [role, status] of Object.entries(expected) as [Role, number][]) {
      test(`${role} → ${url} is ${status}`, async () => {
        assert.equal((await getAs(role, url)).statusCode, status);
      });
    }
  }

  test('the navigation offers Team and Audit log only to those who may use them', async () => {
    assert.match((await getAs('admin', '/admin')).body, /href="\/admin\/team"/);
    assert.doesNotMatch((await getAs('editor', '/admin')).body, /href="\/admin\/team"/);
  });
});
// What each role may do to someone else's account or work. Edits of live articles (applied, or held for
// an editor's review) have their own matrix in test/security/contributor-edits.test.ts.
describe('who may act on others in the newsroom', () => {
  async function postAs(role: Role, url: string, fields: Record<string, string>) {
    const browser = new FormClient(gazette.app);
    browser.setCookie('gazette_session', members.get(role)!.sessionToken);
    await browser.get('/admin/account');
    return browser.post(url, fields);
  }
  const matrix: [string, string, Record<string, string>, Record<Role, number>][] = [
    // A reset link is a way into the account: only for members of a lower role.
    [
      'a reset link for a contributor',
      '/admin/team/reset-link',
      { email: 'test.contributor@example.org' },
      { owner: 200, admin: 200, editor: 403, author: 403, contributor: 403 },
    ],
    [
      'a reset link for an admin',
      '/admin/team/reset-link',
      { email: 'test.admin@example.org' },
      { owner: 200, admin: 403, editor: 403, author: 403, contributor: 403 },
    ],
    [
      'a reset link for the owner',
      '/admin/team/reset-link',
      { email: 'mina@example.org' },
      { owner: 403, admin: 403, editor: 403, author: 403, contributor: 403 },
    ],
    // Demo photo 1 is on published articles and has no recorded uploader: editors and up describe it.
    [
      'a new caption on a published photo',
      '/admin/media/1',
      { alt: 'Boats at the quay', caption: 'Described in the matrix.', credit: 'Gazette' },
      { owner: 303, admin: 303, editor: 303, author: 403, contributor: 403 },
    ],
  ];
  for (const [what, url, fields, expected] of matrix) {
    for (const [role, status] of Object.entries(expected) as [Role, number][]) {
      test(`${role} → ${what} is ${status}`, async () => {
        assert.equal(
          (await postAs(role, url, { ...fields, ...(url.startsWith('/admin/media') ? { caption: `${fields.caption} (${role})` } : {}) })).statusCode,
          status,
        );
      });
    }
  }
});

test('an invitation link lets a new member join with the role chosen for them, once', async () => {
  const browser = new FormClient(gazette.app);
  browser.setCookie('gazette_session', owner.sessionToken);
  await browser.get('/admin/team');
  const invited = await browser.post('/admin/team/invite', { email: 'New.Reporter@Example.org', role: 'author' });
  assert.equal(invited.statusCode, 200);
  assert.match(invited.body, /Sent to new\.reporter@example\.org/, 'mail goes to the address as stored, never as typed');
  const mail = gazette.sentMail.at(-1)!;
  assert.equal(mail.to, 'new.reporter@example.org');
  const link = /https:\/\/news\.example(\/admin\/invite\?token=[\w-]+)/.exec(mail.text)![1]!;

  const newcomer = new FormClient(gazette.app);
  const page = await newcomer.get(link);
  assert.match(page.body, /You are invited as new.reporter@example.org/);
  const weak = await newcomer.post(link, { name: 'Ana Costa', password: 'short', passwordAgain: 'short' });
  assert.equal(weak.statusCode, 422);
  assert.match(weak.body, /value="Ana Costa"/);
  const joined = await newcomer.post(link, { name: 'Ana Costa', password: 'quiet river lantern ninety', passwordAgain: 'quiet river lantern ninety' });
  assert.equal(joined.statusCode, 303);
  assert.match((await newcomer.get('/admin')).body, /Ana Costa · author/);
  assert.equal((await gazette.app.inject({ url: link })).statusCode, 404, 'the link is spent');
});

test('pending invitations are listed on the team page and can be withdrawn, which kills the link', async () => {
  const browser = new FormClient(gazette.app);
  browser.setCookie('gazette_session', owner.sessionToken);
  await browser.get('/admin/team');
  await browser.post('/admin/team/invite', { email: 'waiting@example.org', role: 'editor' });
  const link = /https:\/\/news\.example(\/admin\/invite\?token=[\w-]+)/.exec(gazette.sentMail.at(-1)!.text)![1]!;
  const team = (await browser.get('/admin/team')).body;
  assert.match(team, /<h2 id="invitations-heading">Waiting to join<\/h2>/);
  assert.match(team, /<td>waiting@example\.org<\/td><td>editor<\/td><td>Mina Park<\/td>/);
  assert.doesNotMatch(team, new RegExp(link.split('token=')[1]!), 'the link itself is never shown again');
  const hash = /name="invitation" value="([^"]+)"/.exec(team)![1]!;

  const withdrawn = await browser.post('/admin/team/invitations/withdraw', { invitation: hash });
  assert.equal(withdrawn.statusCode, 200);
  assert.match(withdrawn.body, /The invitation for waiting@example\.org was withdrawn: its link no longer works\./);
  assert.doesNotMatch(withdrawn.body, /<td>waiting@example\.org<\/td>/);
  assert.equal((await gazette.app.inject({ url: link })).statusCode, 404, 'the link is dead');
  const again = await browser.post('/admin/team/invitations/withdraw', { invitation: hash });
  assert.equal(again.statusCode, 404);
  assert.match(again.body, /That invitation was already used, withdrawn or has expired\./);
  const audited = await gazette.database.db.selectFrom('audit_log').select('subject').where('action', '=', 'invite.withdrawn').execute();
  assert.deepEqual(
    audited.map((entry) => entry.subject),
    ['waiting@example.org (editor)'],
  );

  // Withdrawing needs the team right and the CSRF token, like every change to the team.
  const asEditor = new FormClient(gazette.app);
  asEditor.setCookie('gazette_session', members.get('editor')!.sessionToken);
  assert.equal((await asEditor.post('/admin/team/invitations/withdraw', { invitation: hash, _csrf: '' })).statusCode, 403);
});

test('an invitation for someone already on the team, or with a made-up role, is refused with reasons', async () => {
  const browser = new FormClient(gazette.app);
  browser.setCookie('gazette_session', owner.sessionToken);
  await browser.get('/admin/team');
  const response = await browser.post('/admin/team/invite', { email: 'mina@example.org', role: 'superuser' });
  assert.equal(response.statusCode, 422);
  assert.match(response.body, /already uses this email address/);
  assert.match(response.body, /Choose one of the roles/);
});

test('role changes respect who may grant what, and keep one owner', async () => {
  const asAdmin = new FormClient(gazette.app);
  asAdmin.setCookie('gazette_session', members.get('admin')!.sessionToken);
  await asAdmin.get('/admin/team');
  const editorId = members.get('editor')!.user.id;
  assert.equal((await asAdmin.post(`/admin/team/${editorId}/role`, { role: 'owner' })).statusCode, 403, 'an admin cannot make owners');
  assert.equal((await asAdmin.post(`/admin/team/${owner.user.id}/role`, { role: 'author' })).statusCode, 403, 'an admin cannot demote owners');
  assert.equal((await asAdmin.post(`/admin/team/${members.get('admin')!.user.id}/role`, { role: 'owner' })).statusCode, 403, 'nor change their own role');
  const changed = await asAdmin.post(`/admin/team/${editorId}/role`, { role: 'author' });
  assert.equal(changed.statusCode, 200);
  assert.match(changed.body, /Test editor is now author/);
  await asAdmin.post(`/admin/team/${editorId}/role`, { role: 'editor' });

  const asEditor = new FormClient(gazette.app);
  asEditor.setCookie('gazette_session', members.get('editor')!.sessionToken);
  await asEditor.get('/admin');
  assert.equal((await asEditor.post(`/admin/team/${members.get('author')!.user.id}/role`, { role: 'editor' })).statusCode, 403);
  assert.equal((await asEditor.post('/admin/team/invite', { email: 'x@example.org', role: 'author' })).statusCode, 403);
});

test('a forgotten password: the same answer for anyone, a one-hour link for members, other sessions end', async () => {
  const before = gazette.sentMail.length;
  const stranger = new FormClient(gazette.app);
  await stranger.get('/admin/reset');
  const unknown = await stranger.post('/admin/reset', { email: 'nobody@example.org' });
  const known = await stranger.post('/admin/reset', { email: 'test.author@example.org' });
  assert.equal(unknown.statusCode, 200);
  assert.equal(known.statusCode, 200);
  assert.equal(unknown.body.replace(/value="[^"]*"/g, ''), known.body.replace(/value="[^"]*"/g, ''), 'no difference reveals who works here');
  assert.equal(gazette.sentMail.length, before + 1);
  const link = /https:\/\/news\.example(\/admin\/reset\/new\?token=[\w-]+)/.exec(gazette.sentMail.at(-1)!.text)![1]!;
  const reset = await stranger.post(link, { password: 'amber window orchard seven', passwordAgain: 'amber window orchard seven' });
  assert.equal(reset.statusCode, 303);
  assert.equal((await getAs('author', '/admin')).statusCode, 303, 'the old session was signed out');
  const signIn = new FormClient(gazette.app);
  await signIn.get('/admin/login');
  assert.equal((await signIn.post('/admin/login', { email: 'test.author@example.org', password: 'amber window orchard seven' })).statusCode, 303);
});

test('the audit log records sign-ins, invitations and role changes', async () => {
  const audit = (await getAs('owner', '/admin/audit')).body;
  for (const action of ['account.created', 'invite.created', 'role.changed', 'password.changed'])
    assert.match(audit, new RegExp(`<td>${action.replace('.', '\\.')}</td>`));
});
