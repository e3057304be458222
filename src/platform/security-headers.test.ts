import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { registerSecurityHeaders } from './security-headers.ts';

async function headersOf(https: boolean) {
  const app = Fastify();
  await registerSecurityHeaders(app, { https });
  app.get('/', async () => 'page');
  const page = await app.inject({ url: '/' });
  const missing = await app.inject({ url: '/nothing-here' });
  await app.close();
  return { page: page.headers, missing: missing.headers };
}

test('every answer, a 404 included, carries the strict policy and helmet’s other headers', async () => {
  const { page, missing } = await headersOf(true);
  assert.equal(
    page['content-security-policy'],
    "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';frame-src https://www.youtube-nocookie.com https://player.vimeo.com;object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'self';upgrade-insecure-requests",
  );
  assert.equal(page['strict-transport-security'], 'max-age=31536000; includeSubDomains');
  assert.equal(page['x-content-type-options'], 'nosniff');
  assert.equal(page['referrer-policy'], 'strict-origin-when-cross-origin');
  assert.equal(page['x-frame-options'], 'SAMEORIGIN');
  assert.equal(page['cross-origin-embedder-policy'], undefined);
  assert.equal(missing['content-security-policy'], page['content-security-policy']);
  assert.equal(page['content-type'], 'text/plain; charset=utf-8', 'the answer’s own headers are left alone');
});

test('on plain http: no HSTS, and no upgrade to https URLs that would not answer', async () => {
  const { page } = await headersOf(false);
  assert.equal(page['strict-transport-security'], undefined);
  assert.doesNotMatch(String(page['content-security-policy']), /upgrade-insecure-requests/);
  assert.match(String(page['content-security-policy']), /script-src 'self';/);
});
