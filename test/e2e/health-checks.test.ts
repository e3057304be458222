import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { DEFAULT_MIGRATION_TABLE, sql } from 'kysely';
import { knownMigrationNames } from '../../src/db/migrate.ts';
import { ValidationError } from '../../src/errors.ts';
import { createSection } from '../../src/sections/index.ts';
import { createTestDatabase, forEachDialect } from '../helpers/databases.ts';
import { fetchOpenApiDocument } from '../helpers/openapi.ts';
import { buildTestApp } from '../helpers/test-app.ts';

// What a load balancer sees: /healthz while the process answers, /readyz while it can serve.

function assertUncached(response: LightMyRequestResponse, url: string): void {
  assert.equal(response.headers['cache-control'], 'no-store', url);
  assert.equal(response.headers['x-cache'], undefined, `${url} is not a page from the page cache`);
}

function assertNotReady(response: LightMyRequestResponse, body: Record<string, unknown>): void {
  assert.equal(response.statusCode, 503);
  assert.deepEqual(response.json(), { status: 'not-ready', ...body });
  assert.equal(response.headers['retry-after'], '5');
  assertUncached(response, '/readyz');
}

forEachDialect('health checks', (dialect) => {
  test('/healthz and /readyz answer 200, uncached, as often as asked, and are not in the OpenAPI document', async (t) => {
    const gazette = await buildTestApp({ dialect, seed: false });
    t.after(() => gazette.close());
    for (const [url, status] of [
      ['/healthz', 'ok'],
      ['/readyz', 'ready'],
    ] as const) {
      // More than any rate limit lets one address send in a minute.
      for (let n = 0; n < 150; n++) {
        const response = await gazette.app.inject({ url, remoteAddress: '203.0.113.9' });
        assert.equal(response.statusCode, 200, `${url} #${n}`);
        assert.deepEqual(response.json(), { status }, url);
        assertUncached(response, url);
      }
      assert.equal((await gazette.app.inject({ method: 'HEAD', url })).statusCode, 200, `HEAD ${url}`);
    }
    const document = JSON.stringify(await fetchOpenApiDocument(gazette.app));
    assert.doesNotMatch(document, /healthz|readyz/);
  });

  test('/readyz answers 503 once the database is gone, while /healthz still answers 200', async (t) => {
    const database = await createTestDatabase(dialect);
    const gazette = await buildTestApp({ database });
    t.after(() => gazette.close());
    assert.equal((await gazette.app.inject({ url: '/readyz' })).statusCode, 200);
    await database.destroy();
    assertNotReady(await gazette.app.inject({ url: '/readyz' }), { reason: 'database-unreachable' });
    const live = await gazette.app.inject({ url: '/healthz' });
    assert.deepEqual([live.statusCode, live.json()], [200, { status: 'ok' }]);
  });

  test('/readyz answers 503 while the database lacks a migration the code knows, and 200 once it is there', async (t) => {
    const database = await createTestDatabase(dialect);
    t.after(() => database.destroy());
    // As a database migrated by the code before its last migration looks: Kysely's record of it gone.
    const last = knownMigrationNames.at(-1)!;
    const table = sql.table(DEFAULT_MIGRATION_TABLE);
    const { rows } = await sql<{ timestamp: string }>`select timestamp from ${table} where name = ${last}`.execute(database.db);
    assert.equal(rows.length, 1, `${last} was recorded`);
    await sql`delete from ${table} where name = ${last}`.execute(database.db);
    const gazette = await buildTestApp({ database });
    t.after(() => gazette.close());

    assertNotReady(await gazette.app.inject({ url: '/readyz' }), { reason: 'migrations-pending', pendingMigrations: 1 });
    assert.equal((await gazette.app.inject({ url: '/healthz' })).statusCode, 200);
    await sql`insert into ${table} (name, timestamp) values (${last}, ${rows[0]!.timestamp})`.execute(database.db);
    const ready = await gazette.app.inject({ url: '/readyz' });
    assert.deepEqual([ready.statusCode, ready.json()], [200, { status: 'ready' }]);
  });

  test('a section may not be called healthz or readyz: its page could never be reached', async (t) => {
    const gazette = await buildTestApp({ dialect, seed: false });
    t.after(() => gazette.close());
    for (const input of [{ name: 'Healthz' }, { name: 'Ready', slug: 'readyz' }]) {
      await assert.rejects(createSection(gazette.database.db, input), (error: unknown) => {
        assert.ok(error instanceof ValidationError, String(error));
        assert.match(error.fields.slug ?? '', /used by the site itself/, input.name);
        return true;
      });
    }
  });
});
