import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

// Loading TypeScript and the application's modules costs a test process about three seconds of CPU,
// more than most test files take to run (a browser test adds Playwright's). So `npm test` runs every
// test file inside a few processes (test/suites/), each holding several files of the same kind;
// `node --import tsx --test test/e2e/x.test.ts` still runs one file alone.

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The test files under `folder` (relative to the repository), sorted, as repository paths. */
export async function testFilesIn(folder: string): Promise<string[]> {
  const names = await readdir(join(root, folder), { recursive: true });
  return names
    .filter((name) => /\.test\.tsx?$/.test(name))
    .map((name) => join(folder, name))
    .sort();
}

/**
 * About how many seconds the files that take far longer than most run on the 2-core machine `npm test` must
 * fit, alone and after their process has started (measured December 2026, Chromium's headless shell for
 * the browser tests). Only how evenly the processes share the work depends on these: a stale or missing
 * number costs time, never a test.
 */
const knownCosts: Readonly<Record<string, number>> = {
  // Sixteen runs of the command line, each a Node process, and two bundles of it made in a copy of the checkout.
  'test/e2e/command-line.test.ts': 12,
  'test/e2e/server-start.test.ts': 12,
  // The server from the sources through tsx, twice, and the process seeding the demo through tsx too.
  'test/e2e/dev-server.test.ts': 15,
  'test/e2e/import-ghost.test.ts': 5,
  'test/e2e/comment-xss.test.ts': 4,
  'test/e2e/article-preview.test.ts': 3,
  'test/e2e/caching-and-redirects.test.ts': 3,
  'test/e2e/comment-moderation.test.ts': 3,
  'test/e2e/export-gazette.test.ts': 3,
  // Encodes a photo's nine variants on a second instance, from an S3 server started for the file.
  'test/e2e/media-s3-store.test.ts': 3,
  // Two real instances behind Varnish, with 20 s of load around a killed instance and 14 s around a restart of PostgreSQL.
  'test/e2e/varnish-cluster.test.ts': 55,
  'test/browser/comment-xss.test.ts': 32,
  'test/browser/article-editor.test.ts': 25,
  'test/browser/phone-layout.test.ts': 22,
  // Much of it waiting for a scheduled article to go live.
  'test/browser/newsroom-day.test.ts': 17,
  'test/browser/newsroom-accessibility.test.ts': 15,
  'test/browser/comments.test.ts': 14,
  'test/browser/comments-accessibility.test.ts': 12,
  'test/browser/accessibility.test.ts': 8,
  // Imports 900 articles, so that the page is seen following the import.
  'test/browser/import-progress.test.ts': 12,
  'test/browser/media-library.test.ts': 6,
  'test/browser/page-editor.test.ts': 1,
  'test/browser/right-to-left.test.ts': 1,
};

/** A file not in `knownCosts`: a browser test drives Chromium through several pages; most others take about a second. */
function costOf(file: string): number {
  return knownCosts[file] ?? (file.startsWith('test/browser/') ? 10 : 1);
}

/**
 * The files split into `count` processes of about equal cost, and process `index`'s share, in file order.
 * Deals the costliest first, each to the process with the least so far: a fixed split by position would
 * leave one process with the command-line tests and another with nearly nothing. Same files, same split.
 */
export function balancedShard(files: readonly string[], index: number, count: number): string[] {
  const totals = new Array<number>(count).fill(0);
  const shardOf = new Map<string, number>();
  const costliestFirst = [...files].sort((a, b) => costOf(b) - costOf(a) || a.localeCompare(b));
  for (const file of costliestFirst) {
    const lightest = totals.indexOf(Math.min(...totals));
    shardOf.set(file, lightest);
    totals[lightest]! += costOf(file);
  }
  return files.filter((file) => shardOf.get(file) === index);
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
