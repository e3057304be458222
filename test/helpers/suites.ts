import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

// Loading TypeScript and the application's modules costs a test process about three seconds of CPU,
// more than most test files take to run. So `npm test` runs the unit, HTTP and HTML test files a
// few processes at a time (test/suites/); `node --import tsx --test test/e2e/x.test.ts` still runs
// one file alone.

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The test files under `folder` (relative to the repository), sorted, as repository paths. */
export async function testFilesIn(folder: string): Promise<string[]> {
  const names = await readdir(join(root, folder), { recursive: true });
  return names
    .filter((name) => /\.test\.tsx?$/.test(name))
    .map((name) => join(folder, name))
    .sort();
}

/** Every `count`th file starting at `index`, so a folder splits into processes of similar size. */
export function shard(files: readonly string[], index: number, count: number): string[] {
  return files.filter((_, position) => position % count === index);
}

/**
 * Loads the files into this process; their tests then run one after another, in file order, as if
 * they were at the top of one file. Each file keeps its own module state. A file's top-level
 * `before` runs before the process's first test and its `after` after the last; a top-level
 * `beforeEach` would run for every file's tests, so those stay inside a `describe`.
 */
export async function runFiles(files: readonly string[]): Promise<void> {
  let loaded!: () => void;
  const allLoaded = new Promise<void>((resolve) => {
    loaded = resolve;
  });
  // Tests start as soon as they are declared. Until every file is loaded none may run: a test
  // declared while another is running would become that test's subtest.
  before(() => allLoaded);
  try {
    for (const file of files) {
      try {
        await import(join(root, file));
      } catch (error) {
        // A file that cannot load fails here under its own name; the other files still run.
        test(`${file} loads`, () => {
          throw error;
        });
      }
    }
  } finally {
    loaded();
  }
}
