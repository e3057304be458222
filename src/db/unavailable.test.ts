import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { freePort } from '../../test/helpers/server-process.ts';
import { connectDatabase } from './connect.ts';
import { isDatabaseUnavailable, waitForDatabase } from './unavailable.ts';

const postgresUrl = process.env.GAZETTE_TEST_PG_URL;

test('errors of an unreachable database are told from a query the database refused', async () => {
  const sqlite = connectDatabase({ sqliteFile: ':memory:' });
  const refused = await sql`select * from nowhere`.execute(sqlite.db).catch((error: unknown) => error);
  assert.equal(isDatabaseUnavailable(refused), false, 'a missing table is a bug, not an outage');
  await sqlite.destroy();
  assert.equal(isDatabaseUnavailable(new Error('Connection terminated unexpectedly')), true);
  assert.equal(
    isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable')),
    true,
    'the next statement of a transaction whose connection broke',
  );
  assert.equal(isDatabaseUnavailable(new Error('Client was closed and is not queryable')), true);
  assert.equal(isDatabaseUnavailable(Object.assign(new Error('the database system is shutting down'), { code: '57P03' })), true);
  assert.equal(isDatabaseUnavailable(Object.assign(new Error('connection failure'), { code: '08006' })), true);
  assert.equal(isDatabaseUnavailable(new Error('wrapped', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) })), true);
  assert.equal(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' })), false);
  assert.equal(isDatabaseUnavailable('ECONNREFUSED'), false);
});

describe('on PostgreSQL', { skip: postgresUrl ? false : 'GAZETTE_TEST_PG_URL is not set' }, () => {
  test('a server nobody listens for is unavailable, and waiting for it gives up with that error', async () => {
    const nowhere = connectDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${await freePort()}/test` });
    const warnings: string[] = [];
    const started = Date.now();
    const error = await waitForDatabase(nowhere.db, { warn: (message) => warnings.push(message) }, { withinMs: 600, pauseMs: 100 }).catch(
      (caught: unknown) => caught,
    );
    assert.equal(isDatabaseUnavailable(error), true);
    assert.ok(Date.now() - started >= 500, 'it kept trying');
    assert.equal(warnings.length, 1, 'said once that it waits');
    assert.match(warnings[0]!, /not answering \(connect ECONNREFUSED/);
    await nowhere.destroy();
  });

  test('a database that answers is waited for not at all; a refused login is thrown at once', async () => {
    const database = connectDatabase({ databaseUrl: postgresUrl! });
    await waitForDatabase(database.db, { warn: () => assert.fail('no warning') });
    await database.destroy();
    const wrongDatabase = new URL(postgresUrl!);
    wrongDatabase.pathname = '/gazette_no_such_database';
    const refused = connectDatabase({ databaseUrl: wrongDatabase.href });
    const started = Date.now();
    const error = await waitForDatabase(refused.db, { warn: () => {} }).catch((caught: unknown) => caught);
    assert.match(String(error), /does not exist/);
    assert.ok(Date.now() - started < 1_000);
    await refused.destroy();
  });

  test('a transaction whose connection the server ends (a restart, a failover) fails as unavailable at its next statement', async () => {
    const database = connectDatabase({ databaseUrl: postgresUrl! });
    const other = connectDatabase({ databaseUrl: postgresUrl! });
    const error = await database.db
      .transaction()
      .execute(async (transaction) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(transaction);
        await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(other.db);
        await new Promise((resolve) => setTimeout(resolve, 100));
        await sql`select 1`.execute(transaction);
      })
      .catch((caught: unknown) => caught);
    assert.ok(error instanceof Error, 'the transaction failed');
    assert.equal(isDatabaseUnavailable(error), true, `answered as a moment's outage, not a bug: ${String(error)}`);
    await Promise.all([database.destroy(), other.destroy()]);
  });
});
