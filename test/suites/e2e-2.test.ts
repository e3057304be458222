// The HTTP tests, a third of test/e2e per process (see test/helpers/suites.ts).
import { runFiles, shard, testFilesIn } from '../helpers/suites.ts';

await runFiles(shard(await testFilesIn('test/e2e'), 1, 3));
