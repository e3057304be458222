import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { AssetManifest } from './assets.ts';

test('public files are compressed once per checkout: a later start reads the kept copies, and a damaged copy of either is made again', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'gazette-assets-'));
  try {
    const publicDir = join(folder, 'public');
    const cacheDir = join(folder, 'cache');
    await mkdir(publicDir);
    const css = Buffer.from(`body { color: #222; }\n${'.story-card { margin: 0 auto; }\n'.repeat(200)}`);
    await writeFile(join(publicDir, 'site.css'), css);
    await writeFile(join(publicDir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

    const served = (manifest: AssetManifest) => manifest.find(manifest.url('site.css'))!;
    const first = served(await AssetManifest.load(publicDir, cacheDir));
    assert.ok(brotliDecompressSync(first.brotli!).equals(css));
    assert.ok(gunzipSync(first.gzip!).equals(css));
    const kept = (await readdir(cacheDir)).sort();
    assert.equal(kept.length, 2, `one brotli and one gzip copy, for the stylesheet alone: ${kept.join(', ')}`);

    const second = served(await AssetManifest.load(publicDir, cacheDir));
    assert.ok(second.brotli!.equals(first.brotli!) && second.gzip!.equals(first.gzip!));

    const brotliFile = join(cacheDir, kept.find((name) => name.endsWith('.br'))!);
    await writeFile(brotliFile, 'not brotli');
    const repaired = served(await AssetManifest.load(publicDir, cacheDir));
    assert.ok(brotliDecompressSync(repaired.brotli!).equals(css));
    assert.ok(brotliDecompressSync(await readFile(brotliFile)).equals(css), 'the damaged copy is replaced');

    const gzipFile = join(cacheDir, kept.find((name) => name.endsWith('.gz'))!);
    await writeFile(gzipFile, 'not gzip');
    assert.ok(gunzipSync(served(await AssetManifest.load(publicDir, cacheDir)).gzip!).equals(css));
    assert.ok(gunzipSync(await readFile(gzipFile)).equals(css), 'a damaged gzip copy is replaced too');
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
