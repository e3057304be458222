// The HTTP tests, a third of test/e2e by cost per process (see test/helpers/suites.ts).
import { balancedShard, runFiles, testFilesIn } from '../helpers/suites.ts';

await runFiles(balancedShard(await testFilesIn('test/e2e'), 1, 3));
