import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type BuildOptions, stop, version } from 'esbuild';
import { compressed, type PrecompressedAsset } from '../platform/assets.ts';
import { buildCacheDir } from '../platform/build-cache.ts';
import { projectRoot } from '../platform/project-root.ts';

/** Where the bundle's paths are relative to: the repository, so cached input lists survive a move. */
const root = projectRoot;
const entry = 'src/admin/editor-client/main.ts';
const options: BuildOptions = {
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  write: false,
  metafile: true,
  absWorkingDir: root,
  logLevel: 'silent',
  legalComments: 'none',
};
const inputsFile = 'admin-editor.inputs.json';
// The checkout's own path is left out of the hash: two checkouts of the same code share one cached bundle
// instead of each deleting the other's as stale.
const { absWorkingDir: _checkout, ...portableOptions } = options;

/** Hash of everything the bundle is made from: esbuild's version, its options and every input file. */
async function hashInputs(inputs: readonly string[]): Promise<string> {
  const hash = createHash('sha256').update(version).update(JSON.stringify(portableOptions));
  for (const input of [...inputs].sort())
    hash
      .update(input)
      .update('\0')
      .update(await readFile(join(root, input)))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

async function readCached(cacheDir: string): Promise<PrecompressedAsset | undefined> {
  try {
    const inputs = JSON.parse(await readFile(join(cacheDir, inputsFile), 'utf8')) as string[];
    const base = join(cacheDir, `admin-editor-${await hashInputs(inputs)}.js`);
    const [body, brotli, gzip] = await Promise.all([readFile(base), readFile(`${base}.br`), readFile(`${base}.gz`)]);
    return { body, brotli, gzip };
  } catch {
    // No cache yet, an input changed or vanished, or the cache is damaged: build afresh.
    return undefined;
  }
}

/** Written under a temporary name and renamed, so another process never reads half a file. */
async function writeAtomically(file: string, data: Buffer | string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}

async function buildAndCache(cacheDir: string): Promise<PrecompressedAsset> {
  const result = await build(options).finally(() => stop());
  const body = Buffer.from(result.outputFiles![0]!.contents);
  const asset = compressed(body);
  const inputs = Object.keys(result.metafile!.inputs);
  const name = `admin-editor-${await hashInputs(inputs)}.js`;
  try {
    await mkdir(cacheDir, { recursive: true });
    await Promise.all([
      writeAtomically(join(cacheDir, name), body),
      writeAtomically(join(cacheDir, `${name}.br`), asset.brotli),
      writeAtomically(join(cacheDir, `${name}.gz`), asset.gzip),
    ]);
    await writeAtomically(join(cacheDir, inputsFile), JSON.stringify(inputs));
    const stale = (await readdir(cacheDir)).filter((file) => file.startsWith('admin-editor-') && !file.startsWith(name));
    await Promise.all(stale.map((file) => rm(join(cacheDir, file), { force: true })));
  } catch {
    // A read-only or full disk only costs the next start another build.
  }
  return asset;
}

/** Where the server keeps the editor's bundle: the checkout's, so every data folder shares it; `npm run build` makes it. */
export const editorCacheDir = join(buildCacheDir, 'editor');

/**
 * The newsroom's rich editor (src/admin/editor-client/), bundled with esbuild and compressed once.
 * Bundling and brotli take about two seconds, so the result is kept in `cacheDir` under a hash of every
 * input file and reused while none of them changes: `npm run build` makes it before the server starts,
 * and a server finding none (`npm run dev`, a changed source) makes it at start.
 */
export async function loadEditorBundle(cacheDir: string): Promise<PrecompressedAsset> {
  const cached = await readCached(cacheDir);
  if (cached) return cached;
  // One build at a time in a process: each build stops esbuild's service when it ends, which would leave
  // a second build started meanwhile waiting for ever (several apps built at once in one test process).
  building ??= buildAndCache(cacheDir).finally(() => {
    building = undefined;
  });
  return building;
}

let building: Promise<PrecompressedAsset> | undefined;
