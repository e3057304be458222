import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { authenticateApiToken } from '../../src/accounts/index.ts';
import { connectDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { insertTestUser } from '../helpers/databases.ts';

// `npx gazette tokens create` (src/cli/tokens.ts) makes a personal access token for a member named by
// email, through accounts' createApiTokenForEmail, and prints it alone on its last line. Run here as
// `npx gazette` runs it, against the SQLite database of a data folder of its own, which the test then
// opens to check the token works as that member and the audit log says where it came from.

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('a token made at the command line', () => {
  let dataDir: string;
  let database: DatabaseHandle;
  let mina: number;

  /** bin/gazette.js, as package.json's "bin" runs it, without npx's lookup. */
  function gazette(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = execFile(
        process.execPath,
        [join(root, 'bin/gazette.js'), ...args],
        { cwd: root, env: { ...process.env, GAZETTE_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development' }, timeout: 60_000 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin?.end();
    });
  }

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gazette-tokens-'));
    database = connectDatabase({ sqliteFile: join(dataDir, 'gazette.sqlite') });
    await migrateToLatest(database.db);
    mina = await insertTestUser(database.db, { email: 'mina@example.org', name: 'Mina Park', role: 'editor' }, new Date());
  });
  after(async () => {
    await database.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('prints what it did and the token alone on its last line; the token acts as the member until the end of the day given', async () => {
    const made = await gazette('tokens', 'create', '--email', 'Mina@Example.org', '--name', 'Wire importer', '--expires', '2099-01-31');
    assert.equal(made.code, 0, made.stderr);
    assert.match(
      made.stdout,
      /^Created the API token "Wire importer" for Mina Park <mina@example\.org> \(editor\); it stops working at 2099-02-01T00:00:00\.000Z \(the end of 2099-01-31, UTC\)\.$/m,
    );
    const lines = made.stdout.trim().split('\n');
    const secret = lines.at(-1)!;
    assert.match(secret, /^gzt_[A-Za-z0-9_-]{43}$/, 'the token, alone on the last line');

    const deps = { db: database.db, clock: { now: () => new Date() } };
    const caller = await authenticateApiToken(deps, secret);
    assert.deepEqual(caller?.user, { id: mina, email: 'mina@example.org', name: 'Mina Park', role: 'editor' });
    assert.equal(caller?.token.name, 'Wire importer');
    assert.equal(await authenticateApiToken({ ...deps, clock: { now: () => new Date('2099-02-01T00:00:00Z') } }, secret), undefined, 'expired after that day');

    const entry = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'token.created').executeTakeFirstOrThrow();
    assert.equal(entry.subject, '"Wire importer" for mina@example.org, expires 2099-02-01T00:00:00.000Z via the command line');
    assert.equal(entry.actor_user_id, null, 'made by whoever ran the command');
    assert.equal(entry.ip, 'command line');
  });

  test('an unknown email, a bad name or a past expiry is exit code 1 with each reason, and makes nothing', async () => {
    const count = async () => (await database.db.selectFrom('api_tokens').select('id').execute()).length;
    const before = await count();
    const refused = await gazette('tokens', 'create', '--email', 'nobody@example.org', '--name', 'tab\there', '--expires', '2001-01-01');
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr.trim(),
      'gazette: The token has errors. --email: There is no such team member. --name: The name cannot contain control characters. --expires: Choose an expiry date from today on.',
    );
    assert.equal(refused.stdout, '');
    const missing = await gazette('tokens', 'create', '--name', 'No email');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^gazette: Give --email: npx gazette tokens create --email E --name N \[--expires YYYY-MM-DD\]$/m);
    assert.equal(await count(), before);
  });
});
