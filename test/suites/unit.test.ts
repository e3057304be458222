// The unit tests beside the code, in one process (see test/helpers/suites.ts).
import { runFiles, testFilesIn } from '../helpers/suites.ts';

await runFiles(await testFilesIn('src'));
