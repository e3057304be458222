import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addMember } from '../../src/accounts/index.ts';
import { ValidationError } from '../../src/errors.ts';
import { FormClient } from '../helpers/form-client.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// `npx gazette users add` (src/cli/users.ts) adds a member through accounts' addMember: with a password
// set at once, or with a one-time link to the newsroom's own "choose a new password" page. The command
// itself is run in test/e2e/command-line.test.ts.

const commandLine = { ip: 'command line', userAgent: 'npx gazette' };

describe('a member added at the command line', () => {
  let gazette: TestGazette;
  const deps = () => ({ db: gazette.database.db, clock: { now: () => new Date('2026-11-27T12:00:00Z') } });

  before(async () => {
    gazette = await buildTestApp();
  });
  after(() => gazette.close());

  test('without a password: a one-time link to choose one, which signs them in with their role', async () => {
    const added = await addMember(deps(), { email: 'Mina@Example.org', name: ' Mina Park ', role: 'editor' }, commandLine);
    assert.deepEqual(
      { email: added.user.email, name: added.user.name, role: added.user.role },
      { email: 'mina@example.org', name: 'Mina Park', role: 'editor' },
    );
    assert.ok(added.setPasswordToken);

    const browser = new FormClient(gazette.app);
    await browser.get('/admin/login');
    const refused = await browser.post('/admin/login', { email: 'mina@example.org', password: '!unset' });
    assert.equal(refused.statusCode, 401, 'no password signs in before one is chosen');

    const page = await browser.get(`/admin/reset/new?token=${added.setPasswordToken}`);
    assert.equal(page.statusCode, 200);
    const chosen = await browser.post(`/admin/reset/new?token=${added.setPasswordToken}`, {
      password: 'quayside lantern maple ninety',
      passwordAgain: 'quayside lantern maple ninety',
    });
    assert.equal(chosen.statusCode, 303);
    const team = await browser.get('/admin');
    assert.equal(team.statusCode, 200);
    assert.match(team.body, /<span class="admin-bar__who">Mina Park · editor<\/span>/, 'signed in as the editor added');

    const spent = await new FormClient(gazette.app).get(`/admin/reset/new?token=${added.setPasswordToken}`);
    assert.equal(spent.statusCode, 404, 'the link works once');
    const later = new FormClient(gazette.app);
    await later.get('/admin/login');
    const again = await later.post('/admin/login', { email: 'mina@example.org', password: 'quayside lantern maple ninety' });
    assert.equal(again.statusCode, 303);
  });

  test('with a password: signs in with it at once, and no link is made', async () => {
    const added = await addMember(
      deps(),
      { email: 'ana@example.org', name: 'Ana Costa', role: 'author', password: 'harbour violet compass ninety' },
      commandLine,
    );
    assert.equal(added.setPasswordToken, undefined);
    const browser = new FormClient(gazette.app);
    await browser.get('/admin/login');
    assert.equal((await browser.post('/admin/login', { email: 'ana@example.org', password: 'harbour violet compass ninety' })).statusCode, 303);
  });

  test('a made-up role, a taken email, a weak password or a bad address is refused with each field’s reason', async () => {
    const refusal = async (input: Parameters<typeof addMember>[1]) => {
      const error = await addMember(deps(), input, commandLine).then(
        () => assert.fail('accepted'),
        (thrown: unknown) => thrown,
      );
      assert.ok(error instanceof ValidationError);
      return error.fields;
    };
    assert.deepEqual(await refusal({ email: 'x@example.org', name: 'X', role: 'boss' }), { role: 'Choose one of the roles in the list.' });
    assert.deepEqual(await refusal({ email: 'ana@example.org', name: 'Ana Again', role: 'editor' }), {
      email: 'An account with this email address already exists.',
    });
    assert.match((await refusal({ email: 'y@example.org', name: 'Y', role: 'editor', password: 'short' })).password ?? '', /at least 12 characters/);
    assert.match((await refusal({ email: 'not an address', name: 'Z', role: 'editor' })).email ?? '', /name@example\.org/);
  });

  test('the audit log says the account came from the command line', async () => {
    const entry = await gazette.database.db.selectFrom('audit_log').selectAll().where('subject', 'like', 'mina@example.org%').executeTakeFirstOrThrow();
    assert.equal(entry.action, 'account.created');
    assert.equal(entry.subject, 'mina@example.org (editor) via the command line');
    assert.equal(entry.actor_user_id, null);
  });
});
