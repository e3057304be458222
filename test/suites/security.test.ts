// The security tests, in one process (see test/helpers/suites.ts).
import { runFiles, testFilesIn } from '../helpers/suites.ts';

await runFiles(await testFilesIn('test/security'));
