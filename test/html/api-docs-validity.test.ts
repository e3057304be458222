import { test } from 'node:test';
import { buildTestApp } from '../helpers/test-app.ts';
import { javaSkipReason, testEachPageIsValid } from '../helpers/vnu.ts';

test('the API reference is valid HTML by the W3C Nu checker', { skip: javaSkipReason() }, async (t) => {
  const gazette = await buildTestApp();
  try {
    const response = await gazette.app.inject({ url: '/api/docs' });
    await testEachPageIsValid(t, [{ name: '/api/docs', html: response.body }]);
  } finally {
    await gazette.close();
  }
});
