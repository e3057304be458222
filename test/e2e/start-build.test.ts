import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { bundleState, sourcesVersion, stampBundle } from '../../scripts/sources-version.mjs';

// `npm start` builds dist/ only when the sources changed since it was last built (scripts/start-build.mjs);
// these tests give the same functions a small project of their own.
let root: string;
let outdir: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'gazette-sources-'));
  outdir = join(root, 'dist');
  await mkdir(join(root, 'src', 'articles'), { recursive: true });
  await writeFile(join(root, 'src', 'server.ts'), 'export {};\n');
  await writeFile(join(root, 'src', 'articles', 'article.ts'), 'export const a = 1;\n');
  await writeFile(join(root, 'package-lock.json'), '{}\n');
  await mkdir(outdir);
  await writeFile(join(outdir, 'server.mjs'), '// bundle\n');
});
after(() => rm(root, { recursive: true, force: true }));

test('a bundle stamped with the sources’ version is current until a source, or what builds it, changes', async () => {
  assert.equal(bundleState(root, outdir, 'server.mjs').current, false, 'never stamped');
  stampBundle(outdir, sourcesVersion(root));
  assert.deepEqual(bundleState(root, outdir, 'server.mjs'), { version: sourcesVersion(root), current: true });

  const changes: [string, () => Promise<unknown>][] = [
    ['a source edited', () => writeFile(join(root, 'src', 'articles', 'article.ts'), 'export const a = 2;\n')],
    ['a source touched', () => utimes(join(root, 'src', 'server.ts'), new Date(), new Date(Date.now() + 5_000))],
    ['a source added', () => writeFile(join(root, 'src', 'articles', 'new.ts'), 'export {};\n')],
    ['a source removed', () => rm(join(root, 'src', 'articles', 'new.ts'))],
    ['the dependencies changed', () => writeFile(join(root, 'package-lock.json'), '{"lockfileVersion":3}\n')],
  ];
  for (const [change, make] of changes) {
    await make();
    assert.equal(bundleState(root, outdir, 'server.mjs').current, false, change);
    stampBundle(outdir, sourcesVersion(root));
    assert.equal(bundleState(root, outdir, 'server.mjs').current, true, `stamped again after: ${change}`);
  }
});

test('a stamped folder without its entry is not a bundle', async () => {
  stampBundle(outdir, sourcesVersion(root));
  await rm(join(outdir, 'server.mjs'));
  assert.equal(bundleState(root, outdir, 'server.mjs').current, false);
});
