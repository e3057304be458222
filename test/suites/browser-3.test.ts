// The Chromium tests, a third of test/browser by cost per process (see test/helpers/suites.ts). Each
// file still launches its own browser and server; the process saves loading the app and Playwright.
import { balancedShard, runFiles, testFilesIn } from '../helpers/suites.ts';

await runFiles(balancedShard(await testFilesIn('test/browser'), 2, 3));
