import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ContentChanges, contentTags } from './content-changes.ts';
import { KeptUntilListsChange } from './kept-until-lists-change.ts';

const now = new Date('2026-11-20T10:00:00.000Z');

test('getMany answers kept keys from memory and reads the rest in one call, each key once, in the order asked', async () => {
  const changes = new ContentChanges();
  const kept = new KeptUntilListsChange<string | undefined>(changes, { most: 10, forgets: (tag) => tag });
  const calls: string[][] = [];
  const read = (answer: Record<string, string>) => async (keys: string[]) => {
    calls.push(keys);
    return new Map(Object.entries(answer).filter(([key]) => keys.includes(key)));
  };
  assert.deepEqual(await kept.getMany(['a', 'b', 'a', 'x'], now, read({ a: 'A1', b: 'B1' }), undefined), ['A1', 'B1', 'A1', undefined]);
  assert.deepEqual(calls, [['a', 'b', 'x']]);
  assert.deepEqual(await kept.getMany(['b', 'c', 'a'], now, read({ a: 'A2', b: 'B2', c: 'C2' }), undefined), ['B1', 'C2', 'A1']);
  assert.deepEqual(calls.at(-1), ['c'], 'only what is not kept is read');

  changes.announce(['a']);
  assert.deepEqual(await kept.getMany(['a', 'b'], now, read({ a: 'A3', b: 'B3' }), undefined), ['A3', 'B1'], 'a forgotten key is read again');
  assert.deepEqual(await kept.getMany(['b'], new Date(now.getTime() + 60_000), read({ b: 'B4' }), undefined), ['B4'], 'too old: read again');
  changes.announce([contentTags.scope({ kind: 'all' })]);
  assert.deepEqual(await kept.getMany(['a', 'c'], now, read({ a: 'A5', c: 'C5' }), undefined), ['A5', 'C5'], 'a list change drops everything');
});

test('getMany keeps neither a failed read nor one a change was announced during', async () => {
  const changes = new ContentChanges();
  const kept = new KeptUntilListsChange<string>(changes, { most: 10, forgets: (tag) => tag });
  await assert.rejects(kept.getMany(['a'], now, async () => Promise.reject(new Error('down')), ''));
  assert.deepEqual(await kept.getMany(['a'], now, async () => new Map([['a', 'A1']]), ''), ['A1'], 'read again after the failure');

  const reading = kept.getMany(['b'], now, async () => new Map([['b', 'B-before']]), '');
  changes.announce(['b']);
  assert.deepEqual(await reading, ['B-before']);
  assert.deepEqual(await kept.getMany(['b'], now, async () => new Map([['b', 'B-after']]), ''), ['B-after']);
});
