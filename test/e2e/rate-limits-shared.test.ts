import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { buildApp, type Gazette } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { commentOn } from '../helpers/comment-forms.ts';
import { demo } from '../helpers/comment-pages.ts';
import { forEachDialect, testDialects } from '../helpers/databases.ts';
import { FormClient } from '../helpers/form-client.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// Rate limits count once across every instance on one database, so N instances do not give an address
// N times its limit. On PostgreSQL that is the default; on SQLite it is chosen with
// GAZETTE_RATE_LIMIT_STORE=database (several workers on one machine). The second instance here is a
// second app on the same database.

const limits = { GAZETTE_COMMENTS_PER_MINUTE: '3', GAZETTE_CONTENT_API_PER_MINUTE: '4' };

interface Cluster {
  readonly a: TestGazette;
  /** Instance B, as a test gazette: the same database and clock as A, its own app (and its own memory). */
  readonly b: TestGazette;
  close(): Promise<void>;
}

async function startCluster(options: { dialect?: 'sqlite' | 'postgres'; env: Readonly<Record<string, string>> }): Promise<Cluster> {
  const a = await buildTestApp({ ...(options.dialect ? { dialect: options.dialect } : {}), env: options.env });
  const other: Gazette = await buildApp({
    config: loadConfig({ NODE_ENV: 'test', GAZETTE_DATA_DIR: a.dataDir, GAZETTE_PUBLIC_URL: 'https://news.example', ...options.env }),
    db: a.database.db,
    dialect: a.database.dialect,
    clock: a.site.clock,
    mailer: { send: async () => 'sent' },
  });
  return {
    a,
    b: { ...a, ...other },
    close: async () => {
      await other.app.close();
      await a.close();
    },
  };
}

function assertRefused(response: LightMyRequestResponse, instance: string): void {
  assert.equal(response.statusCode, 429, `${instance}: ${response.body.slice(0, 200)}`);
  const retryAfter = Number(response.headers['retry-after']);
  assert.ok(retryAfter >= 1 && retryAfter <= 60, `${instance}: Retry-After ${response.headers['retry-after']}`);
}

const contentApi = (gazette: TestGazette, remoteAddress: string) => gazette.app.inject({ url: '/api/v1/sections', remoteAddress });

forEachDialect('rate limits shared by two instances on one database', (dialect) => {
  let cluster: Cluster;
  before(async () => {
    // PostgreSQL shares by default; on SQLite it is chosen (several workers on one machine).
    cluster = await startCluster({ dialect, env: { ...limits, ...(dialect === 'sqlite' ? { GAZETTE_RATE_LIMIT_STORE: 'database' } : {}) } });
  });
  after(() => cluster.close());

  test('both instances count into the database', () => {
    assert.equal(cluster.a.app.rateLimitStores.kind, 'database');
    assert.equal(cluster.b.app.rateLimitStores.kind, 'database');
  });

  test('comments: three posts from one address in all, then 429 with Retry-After on either instance', async () => {
    const { a, b } = cluster;
    const from = { remoteAddress: '203.0.113.50' };
    const statuses = [];
    for (const [index, instance] of [a, b, a].entries()) {
      const response = await commentOn(
        instance,
        demo.busan,
        { name: 'Kim Ji-woo', email: `shared-${index}@example.com`, comment: `Shared limit, post ${index}.` },
        from,
      );
      statuses.push(response.statusCode);
    }
    assert.deepEqual(statuses, [303, 303, 303]);
    const refusedByB = await commentOn(b, demo.busan, { name: 'Kim Ji-woo', email: 'shared-3@example.com', comment: 'One too many, at B.' }, from);
    assertRefused(refusedByB, 'B');
    assert.ok(refusedByB.body.includes('One too many, at B.'), 'the refused form keeps the comment');
    assertRefused(await commentOn(a, demo.busan, { name: 'Kim Ji-woo', email: 'shared-4@example.com', comment: 'One too many, at A.' }, from), 'A');
    const stored = await a.database.db.selectFrom('comments').select('body').where('author_email', 'like', 'shared-%').execute();
    assert.equal(stored.length, 3);
  });

  test('comments: one email from many addresses is held to the same three, across instances', async () => {
    const { a, b } = cluster;
    const statuses = [];
    for (const [index, instance] of [b, a, b, a].entries()) {
      const response = await commentOn(
        instance,
        demo.nairobi,
        { name: 'Amina Yusuf', email: 'Amina.Yusuf@Example.com', comment: `Same email, post ${index}.` },
        { remoteAddress: `198.51.100.${60 + index}` },
      );
      statuses.push(response.statusCode);
    }
    assert.deepEqual(statuses, [303, 303, 303, 429]);
  });

  test('Content API: four requests from one address in all, then a 429 problem with Retry-After on either', async () => {
    const { a, b } = cluster;
    const address = '203.0.113.60';
    const statuses = [];
    for (const instance of [a, b, a, b]) statuses.push((await contentApi(instance, address)).statusCode);
    assert.deepEqual(statuses, [200, 200, 200, 200]);
    for (const [name, instance] of [
      ['A', a],
      ['B', b],
    ] as const) {
      const refused = await contentApi(instance, address);
      assertRefused(refused, name);
      assert.equal(refused.json<{ code: string }>().code, 'RATE_LIMITED');
    }
    assert.equal((await contentApi(b, '203.0.113.61')).statusCode, 200, 'another address goes on');
  });

  test('newsroom sign-in: ten attempts a minute from one address in all, then 429 on either', async () => {
    const address = '203.0.113.70';
    const browsers = [new FormClient(cluster.a.app, address), new FormClient(cluster.b.app, address)];
    for (const browser of browsers) await browser.get('/admin/login');
    const statuses = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      const browser = browsers[attempt % 2]!;
      statuses.push((await browser.post('/admin/login', { email: `nobody${attempt}@example.org`, password: 'not a real account' })).statusCode);
    }
    assert.deepEqual(statuses, Array(10).fill(401));
    for (const [index, browser] of browsers.entries()) {
      assertRefused(await browser.post('/admin/login', { email: 'nobody@example.org', password: 'x' }), index === 0 ? 'A' : 'B');
    }
  });
});

describe('rate limits kept in memory', () => {
  let cluster: Cluster;
  before(async () => {
    cluster = await startCluster({ env: { ...limits, GAZETTE_RATE_LIMIT_STORE: 'memory' } });
  });
  after(() => cluster.close());

  test('one process on SQLite counts in memory, as before', () => {
    assert.equal(cluster.a.app.rateLimitStores.kind, 'memory');
  });

  test('each instance counts alone, so the shared tests above would catch a store that is not shared', async () => {
    const address = '203.0.113.80';
    for (const instance of [cluster.a, cluster.b, cluster.a, cluster.b]) assert.equal((await contentApi(instance, address)).statusCode, 200);
    assert.equal((await contentApi(cluster.b, address)).statusCode, 200, 'B has counted only two');
    assert.equal((await contentApi(cluster.b, address)).statusCode, 200);
    assertRefused(await contentApi(cluster.b, address), 'B, past its own four');
    assert.equal(await cluster.a.database.db.selectFrom('rate_limit_windows').select('key').executeTakeFirst(), undefined, 'nothing in the table');
  });
});

if (testDialects.includes('postgres')) {
  describe('the rate-limit table on PostgreSQL', () => {
    test('is UNLOGGED: a hit writes no WAL', async () => {
      const gazette = await buildTestApp({ dialect: 'postgres', seed: false });
      after(() => gazette.close());
      const { rows } = await sql<{ relpersistence: string }>`select relpersistence from pg_class where oid = 'rate_limit_windows'::regclass`.execute(
        gazette.database.db,
      );
      assert.deepEqual(rows, [{ relpersistence: 'u' }]);
    });
  });
}
