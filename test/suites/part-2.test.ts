// Part 2 of every test file npm test runs, balanced by cost (see test/helpers/suites.ts).
import { partOfAllTests, runFiles } from '../helpers/suites.ts';

await runFiles(await partOfAllTests(2));
