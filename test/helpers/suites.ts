import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

// Loading TypeScript and the application's modules costs a test process about four seconds of CPU,
// more than most test files take to run (a browser test adds Playwright's). So `npm test` runs every
// test file inside a few processes (test/suites/part-N.test.ts), all started at once, each given a
// share of all the files of about equal cost; `node --import tsx --test test/e2e/x.test.ts` still runs
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

/** Where the test files `npm test` runs through the parts live; test/suites/ holds the parts themselves. */
export const partFolders = ['src', 'test/e2e', 'test/security', 'test/html', 'test/browser'] as const;

/**
 * About how many seconds the files that take far longer than most run alone on the 2-core machine `npm test`
 * must fit, less the four or five seconds a process takes to start (measured December 2026, each file in a
 * process of its own, two at a time; Chromium's headless shell for the browser tests). Only how evenly the
 * parts share the work depends on these: a stale or missing number costs time, never a test.
 */
const knownCosts: Readonly<Record<string, number>> = {
  // Two real instances behind Varnish, with 20 s of load around a killed instance and 14 s around a restart of PostgreSQL.
  'test/e2e/varnish-cluster.test.ts': 66,
  'test/browser/comment-xss.test.ts': 33,
  'test/browser/newsroom-accessibility.test.ts': 31,
  'test/browser/article-editor.test.ts': 26,
  // Sixteen runs of the command line, each a Node process, and two bundles of it made in a copy of the checkout.
  'test/e2e/command-line.test.ts': 25,
  'test/browser/comments.test.ts': 24,
  // Imports 900 articles, so that the page is seen following the import.
  'test/browser/import-progress.test.ts': 23,
  'test/browser/phone-layout.test.ts': 22,
  'test/browser/api-docs-accessibility.test.ts': 21,
  // The server from the sources through tsx, twice, and the process seeding the demo through tsx too.
  'test/e2e/dev-server.test.ts': 20,
  // Much of it waiting for a scheduled article to go live.
  'test/browser/newsroom-day.test.ts': 20,
  'test/browser/comments-accessibility.test.ts': 20,
  'test/e2e/server-start.test.ts': 19,
  'test/browser/accessibility.test.ts': 19,
  'test/e2e/worker-processes.test.ts': 16,
  'test/e2e/api-outside-script.test.ts': 16,
  'test/e2e/export-gazette.test.ts': 12,
  'test/e2e/comment-xss.test.ts': 12,
  'test/browser/media-library.test.ts': 12,
  'test/e2e/webhook-events.test.ts': 11,
  'test/e2e/rate-limits-shared.test.ts': 11,
  'test/e2e/import-ghost.test.ts': 11,
  'test/e2e/content-api-lists.test.ts': 9,
  'test/e2e/admin-api-articles.test.ts': 9,
  'test/e2e/webhooks-delivery.test.ts': 8,
  'test/e2e/shared-cache.test.ts': 8,
  'test/e2e/main-flows-on-each-database.test.ts': 8,
  'test/e2e/health-checks.test.ts': 8,
  'test/e2e/comment-moderation.test.ts': 8,
  'test/e2e/admin-api-taxonomy.test.ts': 8,
  'test/e2e/admin-api-media.test.ts': 8,
  // Random comment trees, every view of each compared, on both databases: PostgreSQL's round trips, overlapped.
  'src/comments/comment-pages.test.ts': 13,
  'src/imports/wordpress-content-hostile.test.ts': 8,
  'src/accounts/accounts.queries.test.ts': 4,
  'src/admin/editor-bundle.test.ts': 4,
  'src/feeds/sitemap-documents.test.ts': 3,
};

/** A file not in `knownCosts`, by its folder: most unit tests take a fraction of a second; a browser test drives Chromium through several pages. */
function costOf(file: string): number {
  const known = knownCosts[file];
  if (known !== undefined) return known;
  if (file.startsWith('src/')) return 0.3;
  if (file.startsWith('test/browser/')) return 10;
  if (file.startsWith('test/html/')) return 5;
  return 2.5;
}

/**
 * The files split into `count` parts of about equal cost, and part `index`'s share, in file order.
 * Deals the costliest first, each to the part with the least so far: a fixed split by position would
 * leave one part with the cluster and command-line tests and another with nearly nothing. Same files, same split.
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

/** Part `number` (from 1) of every test file, out of as many parts as test/suites/ has part files. */
export async function partOfAllTests(number: number): Promise<string[]> {
  const parts = (await readdir(join(root, 'test/suites'))).filter((name) => /^part-\d+\.test\.ts$/.test(name)).length;
  const files = (await Promise.all(partFolders.map(testFilesIn))).flat();
  return balancedShard(files, number - 1, parts);
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
