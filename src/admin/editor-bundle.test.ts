import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadEditorBundle } from './editor-bundle.ts';

test('two loads at once with nothing cached both get the bundle (a second build must not wait for ever on a stopped esbuild)', async (t) => {
  const cacheDir = await mkdtemp(join(tmpdir(), 'gazette-editor-bundle-'));
  t.after(() => rm(cacheDir, { recursive: true, force: true }));
  const [first, second] = await Promise.all([loadEditorBundle(cacheDir), loadEditorBundle(cacheDir)]);
  assert.ok(first.body.length > 10_000);
  assert.deepEqual(second.body, first.body);
  const files = await readdir(cacheDir);
  assert.equal(files.filter((file) => /^admin-editor-[0-9a-f]{16}\.js$/.test(file)).length, 1, 'one cached bundle');
});

test('the cache key does not depend on where the checkout lives', async (t) => {
  const cacheDir = await mkdtemp(join(tmpdir(), 'gazette-editor-bundle-'));
  t.after(() => rm(cacheDir, { recursive: true, force: true }));
  await loadEditorBundle(cacheDir);
  const inputs = JSON.parse((await import('node:fs')).readFileSync(join(cacheDir, 'admin-editor.inputs.json'), 'utf8')) as string[];
  assert.ok(
    inputs.every((input) => !input.startsWith('/')),
    'inputs are listed relative to the repository',
  );
});
