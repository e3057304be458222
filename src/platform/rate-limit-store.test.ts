import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';
import { connectDatabase, type DatabaseHandle } from '../db/connect.ts';
import { createTestDatabase } from '../../test/helpers/databases.ts';
import { DatabaseWindows, databaseStore, type HitCount, MemoryWindows } from './rate-limit-store.ts';

const t0 = Date.parse('2026-12-01T09:00:00.000Z');
const minute = 60_000;

/** A stand-in clock and a log that keeps its warnings. */
function harness(database: DatabaseHandle, timeoutMs?: number) {
  let now = t0;
  const warnings: string[] = [];
  const windows = new DatabaseWindows({
    db: database.db,
    log: { warn: (_object: unknown, message?: string) => warnings.push(String(message)) },
    now: () => now,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  return {
    windows,
    warnings,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

function hit(store: FastifyRateLimitStore, key: string, timeWindow = minute): Promise<HitCount> {
  return new Promise((resolve, reject) => store.incr(key, (error, result) => (error || !result ? reject(error) : resolve(result)), timeWindow, 5));
}

async function storedKeys(database: DatabaseHandle): Promise<string[]> {
  return (await database.db.selectFrom('rate_limit_windows').select('key').orderBy('key').execute()).map((row) => row.key);
}

describe('rate-limit windows in the database', () => {
  let database: DatabaseHandle;
  before(async () => {
    database = await createTestDatabase('sqlite');
  });
  after(() => database.destroy());

  test('counts hits with the time left in the window, as @fastify/rate-limit expects', async () => {
    const { windows, advance } = harness(database);
    assert.deepEqual(await windows.count('count:x', minute), { current: 1, ttl: minute });
    advance(15_000);
    assert.deepEqual(await windows.count('count:x', minute), { current: 2, ttl: 45_000 });
    advance(45_000);
    assert.deepEqual(await windows.count('count:x', minute), { current: 1, ttl: minute }, 'a new window');
  });

  test('a hostile, very long key is stored as its hash, and still counted as itself', async () => {
    const { windows } = harness(database);
    const long = `email:${'a'.repeat(100_000)}@example.com`;
    const other = `email:${'a'.repeat(100_000)}@example.org`;
    assert.equal((await windows.count(long, minute)).current, 1);
    assert.equal((await windows.count(long, minute)).current, 2);
    assert.equal((await windows.count(other, minute)).current, 1);
    const keys = await storedKeys(database);
    assert.ok(
      keys.every((key) => key.length <= 200),
      'no key over 200 characters is stored',
    );
    assert.equal(keys.filter((key) => key.startsWith('sha256:')).length, 2);
  });

  test('ended windows are swept a minute after the last sweep, on the back of a hit', async () => {
    const { windows, advance } = harness(database);
    await windows.count('sweep:old', minute);
    advance(59_000);
    await windows.count('sweep:trigger', minute);
    await windows.settled();
    assert.ok((await storedKeys(database)).includes('sweep:old'), 'too soon to sweep');
    advance(2_000);
    await windows.count('sweep:trigger', minute);
    await windows.settled();
    const keys = await storedKeys(database);
    assert.ok(!keys.includes('sweep:old'), 'the ended window is gone');
    assert.ok(keys.includes('sweep:trigger'), 'the open one stays');
  });

  test('each limit counts apart, and a route’s own limit apart from the rest of its limit', async () => {
    const { windows } = harness(database);
    const options = {} as FastifyRateLimitOptions;
    const Comments = databaseStore(windows, 'comments');
    const ContentApi = databaseStore(windows, 'content-api');
    const comments = new Comments(options);
    const contentApi = new ContentApi(options);
    const signIn = contentApi.child({ routeInfo: { method: 'POST', url: '/admin/login' } } as never);
    const limiter = comments.child({ routeInfo: {} } as never);
    assert.equal((await hit(comments, 'ip:192.0.2.1')).current, 1);
    assert.equal((await hit(limiter, 'ip:192.0.2.1')).current, 2, 'a createRateLimit limiter shares its limit’s keys');
    assert.equal((await hit(contentApi, 'ip:192.0.2.1')).current, 1);
    assert.equal((await hit(signIn, 'ip:192.0.2.1')).current, 1);
    assert.deepEqual(
      (await storedKeys(database)).filter((key) => key.endsWith('192.0.2.1')),
      ['comments:ip:192.0.2.1', 'content-api:POST /admin/login:ip:192.0.2.1', 'content-api:ip:192.0.2.1'],
    );
  });

  test('a rule the store does not follow is refused when the limit is made, not ignored', () => {
    const { windows } = harness(database);
    const Store = databaseStore(windows, 'strict');
    assert.throws(() => new Store({ continueExceeding: true } as FastifyRateLimitOptions), /continueExceeding/);
    assert.throws(() => new Store({} as FastifyRateLimitOptions).child({ exponentialBackoff: true, routeInfo: {} } as never), /exponentialBackoff/);
  });
});

describe('when the database cannot count, hits are counted in this process', () => {
  test('an unreachable database: limits go on in memory, with one warning a minute', async () => {
    const unreachable = connectDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:9/none', poolSize: 1 });
    after(() => unreachable.destroy());
    const { windows, warnings, advance } = harness(unreachable);
    const counts = [];
    for (let index = 0; index < 4; index++) counts.push((await windows.count('ip:198.51.100.1', minute)).current);
    assert.deepEqual(counts, [1, 2, 3, 4]);
    assert.equal(warnings.length, 1, 'warned once, not once a hit');
    assert.match(warnings[0]!, /memory/);
    advance(minute);
    assert.equal((await windows.count('ip:198.51.100.1', minute)).current, 1, 'memory windows end too');
    await windows.settled();
    assert.equal(warnings.length, 2, 'a minute later, warned again, once though the sweep failed too');
  });

  test('a database that does not answer: the hit waits no longer than the timeout', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const database = connectDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${port}/none`, poolSize: 1 });
    after(async () => {
      for (const socket of sockets) socket.destroy();
      silent.close();
      await database.destroy().catch(() => {});
    });
    const { windows, warnings } = harness(database, 150);
    const started = performance.now();
    assert.equal((await windows.count('ip:198.51.100.2', minute)).current, 1);
    assert.equal((await windows.count('ip:198.51.100.2', minute)).current, 2);
    assert.ok(performance.now() - started < 1_000, `took ${Math.round(performance.now() - started)} ms`);
    assert.equal(warnings.length, 1);
  });

  test('the memory fallback forgets its oldest keys past 10,000, so an attack cannot grow it without end', () => {
    const memory = new MemoryWindows();
    assert.equal(memory.count('first', minute, t0).current, 1);
    assert.equal(memory.count('first', minute, t0).current, 2);
    for (let index = 0; index < 10_000; index++) memory.count(`flood-${index}`, minute, t0);
    assert.equal(memory.count('first', minute, t0).current, 1, 'the oldest key was forgotten');
    assert.equal(memory.count('flood-9999', minute, t0).current, 2, 'the newest are kept');
  });
});
