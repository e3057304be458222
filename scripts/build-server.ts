import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildForStart } from './server-bundle.ts';

/**
 * `npm run build` (and so `npm start`): the server bundled into dist/ (entry dist/server.mjs), or into `--outdir`, and
 * the newsroom editor's script made into the build cache (see src/admin/editor-bundle.ts).
 * The command line (`npx gazette`) runs a bundle of its own (see bin/gazette.js); the tests run the TypeScript sources.
 */
const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } });
const started = performance.now();
const entry = await buildForStart(values.outdir);
console.log(`Built ${relative(process.cwd(), entry)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
