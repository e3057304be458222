import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../helpers/test-app.ts';

test("every route's schemas compile, though a server compiles each at its first use", async () => {
  const gazette = await buildTestApp();
  try {
    await gazette.app.ready();
    assert.ok(gazette.schemas.uncompiled > 100, `the routes are many, and none was compiled at start (${gazette.schemas.uncompiled})`);
    gazette.schemas.compileAll();
    assert.equal(gazette.schemas.uncompiled, 0);
  } finally {
    await gazette.close();
  }
});
