// `npm start`'s first step: the server's bundle in dist/ (`npm run build`) is made again only when the sources
// changed since it was made, so a restart does not wait for esbuild (four to six seconds on a 2-core machine;
// deciding takes 0.2 s). Plain JavaScript: deciding must not wait for TypeScript tooling to load.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleState, stampBundle } from './sources-version.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist');

// The version is read before building: a source changed while the build runs makes the next start build again.
const { version, current } = bundleState(root, outdir, 'server.mjs');
if (!current) {
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-server.ts'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  stampBundle(outdir, version);
}
