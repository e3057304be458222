#!/usr/bin/env node
// `npx gazette …`: runs the command line bundled from the TypeScript sources, as `npm start` runs the server.
// Loading the sources through tsx took over 4 s before a command could even print its usage; the bundle
// starts in under half a second. One bundle is kept per version of the sources, made at the first run
// after any of them changed, so the command line a developer runs is always the code in front of them.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sourcesVersion } from '../scripts/sources-version.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// An import churns through a lot of short-lived objects; V8 would let its heap grow to gigabytes before
// collecting. A limit keeps a 20,000-article import within a small machine's memory at the same speed. The
// limit has to be given when Node starts, so the bundle runs in a process started with it.
const heapLimit = '--max-old-space-size=160';
const limited = process.execArgv.some((flag) => flag.startsWith('--max-old-space-size')) || /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '');

/** Bundles older than this are removed when a new one is made; one may still run a long import. */
const keepOldBundlesMs = 24 * 60 * 60 * 1000;

/** The bundle's entry for this version of the sources, made first if there is none yet. */
async function commandLineBundle() {
  const cache = join(root, 'node_modules', '.cache', 'gazette');
  const folder = join(cache, `command-line-${sourcesVersion(root)}`);
  const entry = join(folder, 'gazette.mjs');
  if (existsSync(entry)) return entry;
  const { register } = await import('tsx/esm/api');
  register();
  const { buildCommandLineBundle } = await import('../scripts/server-bundle.ts');
  // Made aside and renamed into place, so a command started meanwhile never runs a half-written one;
  // of two made at once, the first renamed wins and the other is thrown away.
  const building = `${folder}.${process.pid}-${randomBytes(4).toString('hex')}`;
  await buildCommandLineBundle(building);
  try {
    renameSync(building, folder);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(entry)) throw error;
  }
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    if (name.startsWith('command-line-') && path !== folder && Date.now() - statSync(path).mtimeMs > keepOldBundlesMs) {
      rmSync(path, { recursive: true, force: true });
    }
  }
  return entry;
}

if (limited) {
  await import(pathToFileURL(await commandLineBundle()).href);
} else {
  const child = spawn(process.execPath, [heapLimit, await commandLineBundle(), ...process.argv.slice(2)], { stdio: 'inherit' });
  // Ctrl-C reaches both processes; the command stops itself and this one reports how it ended.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 128 + 2 : 1);
  });
}
