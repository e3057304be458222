import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { partFolders, testFilesIn } from '../helpers/suites.ts';

// npm test runs every test file through the files beside this one (see test/helpers/suites.ts).
const runFolders = [...partFolders.map((folder) => `${folder}/`), 'test/suites/'];

test('every test file sits in a folder npm test runs', async () => {
  const files = [...(await testFilesIn('src')), ...(await testFilesIn('test'))];
  assert.ok(files.length > 100, `found only ${files.length} test files`);
  assert.deepEqual(
    files.filter((file) => !runFolders.some((folder) => file.startsWith(folder))),
    [],
  );
});

test('no test file run with others has a top-level beforeEach or afterEach, which would reach their tests too', async () => {
  const files = (await Promise.all(partFolders.map(testFilesIn))).flat();
  const offending: string[] = [];
  for (const file of files) {
    if (/^(beforeEach|afterEach)\(/m.test(await readFile(new URL(`../../${file}`, import.meta.url), 'utf8'))) offending.push(file);
  }
  assert.deepEqual(offending, []);
});
