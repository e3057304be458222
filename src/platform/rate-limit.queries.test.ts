import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DatabaseHandle } from '../db/connect.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import { countHit, deleteEndedWindows } from './rate-limit.queries.ts';

const t0 = new Date('2026-12-01T09:00:00.000Z');
const secondsLater = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const minute = 60_000;

forEachDialect('rate-limit windows', (dialect) => {
  let database: DatabaseHandle;
  before(async () => {
    database = await createTestDatabase(dialect);
  });
  after(() => database.destroy());

  test('hits add up under their key until the window ends; the next hit opens a new window at one', async () => {
    assert.deepEqual(await countHit(database.db, 'a', t0, minute), { hits: 1, endsAt: secondsLater(60) });
    assert.deepEqual(await countHit(database.db, 'a', secondsLater(10), minute), { hits: 2, endsAt: secondsLater(60) }, 'the window keeps its end');
    assert.deepEqual(await countHit(database.db, 'b', secondsLater(10), minute), { hits: 1, endsAt: secondsLater(70) });
    assert.deepEqual(await countHit(database.db, 'a', secondsLater(59.999), minute), { hits: 3, endsAt: secondsLater(60) });
    assert.deepEqual(await countHit(database.db, 'a', secondsLater(60), minute), { hits: 1, endsAt: secondsLater(120) }, 'ended at its end');
    assert.deepEqual(await countHit(database.db, 'a', secondsLater(61), minute), { hits: 2, endsAt: secondsLater(120) });
  });

  test('hits sent at the same moment all count', async () => {
    const counts = await Promise.all(Array.from({ length: 12 }, () => countHit(database.db, 'burst', t0, minute)));
    assert.deepEqual(
      counts.map((count) => count.hits).sort((x, y) => x - y),
      Array.from({ length: 12 }, (_, index) => index + 1),
    );
  });

  test('sweeping drops the windows that have ended and keeps the open ones', async () => {
    await countHit(database.db, 'ended', t0, minute);
    await countHit(database.db, 'open', secondsLater(30), minute);
    assert.ok((await deleteEndedWindows(database.db, secondsLater(60))) >= 1);
    const keys = (await database.db.selectFrom('rate_limit_windows').select('key').execute()).map((row) => row.key);
    assert.ok(!keys.includes('ended'));
    assert.ok(keys.includes('open'));
    assert.equal((await countHit(database.db, 'open', secondsLater(61), minute)).hits, 2, 'an open window is untouched');
  });
});
