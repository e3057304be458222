import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { editorCacheDir, loadEditorBundle } from '../src/admin/editor-bundle.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * esbuild escapes what is outside ASCII except inside regular expression literals (`/[—–-]/`). A
 * \uXXXX escape of each UTF-16 unit means the same in a regular expression, a string, a template or a
 * name, so every character left is escaped the same way.
 */
function asciiOnly(code: string): string {
  return code.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Bundles the server (src/server.ts and everything it imports) into `outdir` (relative to the
 * repository, or absolute; inside it either way: the server finds public/ and node_modules from there) and returns the
 * path of its entry, `server.mjs`. A few files instead of a thousand modules compiled at run time, so
 * less memory and a faster start. Split in chunks, so that the primary of several worker processes
 * loads only what it runs, not the application. Packages with native code, and esbuild itself (it
 * bundles the newsroom's editor at start), load from node_modules as usual.
 */
export async function buildServerBundle(outdir: string): Promise<string> {
  await bundle('src/server.ts', outdir);
  return resolve(projectRoot, outdir, 'server.mjs');
}

/**
 * What `npm run build` makes before `npm start` runs the server: its bundle in `outdir` (see
 * buildServerBundle), and the newsroom editor's script in the build cache, where the server looks for it,
 * so no start bundles it. The tests and benches start servers from the same, so they measure and check
 * the start an operator gets. Returns the path of the server's entry.
 */
export async function buildForStart(outdir: string): Promise<string> {
  const entry = await buildServerBundle(outdir);
  await loadEditorBundle(editorCacheDir);
  return entry;
}

/**
 * Bundles the command line (`npx gazette`, src/cli/gazette.ts) the same way into `outdir`, which must
 * be inside the repository too, and returns the path of its entry, `gazette.mjs`: it starts in a
 * tenth of the time tsx takes to load the sources (bin/gazette.js keeps one per version of them).
 */
export async function buildCommandLineBundle(outdir: string): Promise<string> {
  await bundle('src/cli/gazette.ts', outdir);
  return resolve(projectRoot, outdir, 'gazette.mjs');
}

async function bundle(entryPoint: string, outdir: string): Promise<void> {
  await rm(resolve(projectRoot, outdir), { recursive: true, force: true });
  const result = await build({
    absWorkingDir: projectRoot,
    entryPoints: [entryPoint],
    outdir,
    splitting: true,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // V8 keeps a script's source in memory, at two bytes a character once one character needs them:
    // no comments or spaces, and every character ASCII (see asciiOnly). Names stay as written, for
    // readable stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'ascii',
    external: ['better-sqlite3', 'sharp', '@node-rs/argon2', 'esbuild', 'pg-native'],
    // Bundled CommonJS packages call require() for Node's own modules; an ES module has none of its own.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
    write: false,
  });
  for (const file of result.outputFiles) {
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, file.path.endsWith('.mjs') ? asciiOnly(file.text) : file.contents);
  }
}

/**
 * How `npm start` runs the bundle: package.json's start script spells out the same, and a test keeps the two
 * equal, so the tests and the benches measure the process an operator runs.
 * - glibc hands freed memory back only from its top, and after the image library's worker threads it holds
 *   many arenas: two arenas, and blocks of 128 KiB and more mapped on their own and unmapped when freed
 *   (without the thresholds, glibc raises them as big blocks come and go, and keeps those in its heap).
 * - V8's young generation grows to two 16 MiB halves at start and keeps them: with 4 MiB halves pages
 *   render as fast (549-603 against 552-607 req/s uncached, interleaved) and an idle server holds
 *   123-131 MB instead of 158 MB; with 2 MiB halves rendering was 5-7% slower.
 */
export const productionNodeFlags: readonly string[] = ['--max-semi-space-size=4'];
export const productionMemoryEnv: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_TRIM_THRESHOLD_: '131072',
};

/** Where a test process or a bench run builds its own copy, so concurrent runs never read a half-written one. */
export function privateBundleDir(): string {
  return resolve(projectRoot, '.tmp', `server-${process.pid}`);
}
