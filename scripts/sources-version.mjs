// Plain JavaScript, so that `npm start` and `npx gazette` can tell whether a bundle is current before
// loading TypeScript tooling at all.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files outside src/ that change what a bundle holds or how it is made. */
const buildInputs = ['package.json', 'package-lock.json', 'node_modules/.package-lock.json', 'tsconfig.json', 'scripts/server-bundle.ts'];

/**
 * Names the version of the sources under `root`: every file and folder under src/ (a folder's time changes
 * when a file is added, removed or renamed in it) with its size and time of change, and the build's inputs.
 * Reading times, not contents, takes a few milliseconds, as make and tsc do.
 */
export function sourcesVersion(root) {
  const hash = createHash('sha256');
  const add = (path) => {
    const stats = statSync(join(root, path), { throwIfNoEntry: false });
    hash.update(`${path}\0${stats ? `${stats.size}\0${stats.mtimeMs}` : 'none'}\n`);
  };
  add('src');
  for (const path of readdirSync(join(root, 'src'), { recursive: true }).sort()) add(join('src', path));
  for (const path of buildInputs) add(path);
  return hash.digest('hex').slice(0, 16);
}

/** Where a bundle's folder records the version of the sources it was made from. */
const stampName = '.sources-version';

/** The sources' version, and whether the bundle in `outdir` was made from it: stamped with it, its `entry` there. */
export function bundleState(root, outdir, entry) {
  const version = sourcesVersion(root);
  const stampFile = join(outdir, stampName);
  const stamped = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : undefined;
  return { version, current: stamped === version && existsSync(join(outdir, entry)) };
}

/** Records that the bundle in `outdir` was made from `version`; a build that empties the folder takes it away. */
export function stampBundle(outdir, version) {
  writeFileSync(join(outdir, stampName), `${version}\n`);
}
