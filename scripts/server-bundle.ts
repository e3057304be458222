import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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
  await rm(resolve(projectRoot, outdir), { recursive: true, force: true });
  const result = await build({
    absWorkingDir: projectRoot,
    entryPoints: ['src/server.ts'],
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
  return resolve(projectRoot, outdir, 'server.mjs');
}

/** Where a test process or a bench run builds its own copy, so concurrent runs never read a half-written one. */
export function privateBundleDir(): string {
  return resolve(projectRoot, '.tmp', `server-${process.pid}`);
}
