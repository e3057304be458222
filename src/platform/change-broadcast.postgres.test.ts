import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyBaseLogger } from 'fastify';
import { broadcastChangesOverPostgres } from './change-broadcast.postgres.ts';
import { type ChangeOrigin, ContentChanges } from './content-changes.ts';

const postgresUrl = process.env.GAZETTE_TEST_PG_URL;
const silentLog = { warn: () => {} } as unknown as FastifyBaseLogger;

function nextChange(changes: ContentChanges, origin: ChangeOrigin): Promise<readonly string[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no change heard within 3 s')), 3000);
    const stop = changes.subscribe((tags, heardOrigin) => {
      if (heardOrigin !== origin) return;
      clearTimeout(timer);
      stop();
      resolve(tags);
    });
  });
}

test("two instances on one PostgreSQL database hear each other's changes, not their own", {
  skip: postgresUrl ? false : 'GAZETTE_TEST_PG_URL is not set',
}, async () => {
  const first = new ContentChanges();
  const second = new ContentChanges();
  const stopFirst = await broadcastChangesOverPostgres(first, postgresUrl!, silentLog);
  const stopSecond = await broadcastChangesOverPostgres(second, postgresUrl!, silentLog);
  try {
    const echoes: string[] = [];
    first.subscribe((tags, origin) => origin === 'remote' && echoes.push(...tags));
    const heard = nextChange(second, 'remote');
    first.announce(['article:7', 'scope:all']);
    assert.deepEqual(await heard, ['article:7', 'scope:all']);

    const tooMany = Array.from({ length: 2000 }, (_, i) => `article:${i}`);
    const heardBig = nextChange(second, 'remote');
    first.announce(tooMany);
    assert.deepEqual(await heardBig, ['*'], 'an oversized change becomes "drop everything"');
    assert.deepEqual(echoes, [], 'an instance does not hear its own changes back');
  } finally {
    await stopFirst();
    await stopSecond();
  }
});
