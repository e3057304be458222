import { join } from 'node:path';
import { projectRoot } from './project-root.ts';

/**
 * Where files made from Gazette's own code and packages are kept, for every data folder and process of
 * this checkout: the newsroom editor's script, the demo's photos, public/'s compressed files and the
 * command line's bundle. They follow the code, not the newsroom, so a new data folder (a new instance,
 * a test) does not make them again; each is named after a hash of what it is made from, and `npm ci`
 * starts the folder afresh.
 */
export const buildCacheDir = join(projectRoot, 'node_modules', '.cache', 'gazette');

/** The demo's photos, drawn once per checkout: by the first start's seeding, or by the tests'. */
export const demoPhotoCacheDir = join(buildCacheDir, 'demo-photos');
