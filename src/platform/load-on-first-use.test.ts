import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commonJsExports, loadOnFirstUse } from './load-on-first-use.ts';

test('a module is loaded at its first use only, and once', async () => {
  let loads = 0;
  const library = loadOnFirstUse(async () => ({ loaded: ++loads }));
  assert.equal(loads, 0, 'nothing is loaded before it is asked for');
  const [first, second] = await Promise.all([library(), library()]);
  assert.equal(first, second);
  assert.equal(loads, 1);
});

test('a load that failed is tried again at the next use', async () => {
  let attempts = 0;
  const library = loadOnFirstUse(async () => {
    attempts += 1;
    if (attempts === 1) throw new Error('disk busy');
    return 'loaded';
  });
  await assert.rejects(library(), /disk busy/);
  assert.equal(await library(), 'loaded');
  assert.equal(attempts, 2);
});

test("a CommonJS package's exports are found whether they come named or as default", () => {
  const exports = { sidecar: () => 'parsed' };
  assert.equal(commonJsExports(exports, 'sidecar'), exports);
  assert.equal(commonJsExports({ default: exports } as unknown as typeof exports, 'sidecar'), exports);
});
