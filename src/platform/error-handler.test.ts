import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { ConflictError, RateLimitedError } from '../errors.ts';
import { errorHandling } from './error-handler.ts';

async function appWithErrors() {
  const app = Fastify();
  await app.register(errorHandling, { render: ({ status, message }) => `<p>${status} ${message}</p>` });
  app.get('/conflict', async () => {
    throw new ConflictError('Someone saved this meanwhile.');
  });
  app.get('/limited', async () => {
    throw new RateLimitedError('Slow down.', 30);
  });
  app.get('/broken', async () => {
    throw new Error('database on fire');
  });
  app.get<{ Querystring: { page: number } }>(
    '/list',
    { schema: { querystring: { type: 'object', properties: { page: { type: 'integer' } } } } },
    async () => 'ok',
  );
  return app;
}

const json = { accept: 'application/json' };

test('every JSON error body carries a stable code beside the status and message', async () => {
  const app = await appWithErrors();
  const cases: [string, number, string][] = [
    ['/conflict', 409, 'CONFLICT'],
    ['/limited', 429, 'RATE_LIMITED'],
    ['/broken', 500, 'INTERNAL_ERROR'],
    ['/list?page=abc', 400, 'BAD_REQUEST'],
    ['/nowhere', 404, 'NOT_FOUND'],
  ];
  for (const [url, status, code] of cases) {
    const response = await app.inject({ url, headers: json });
    assert.equal(response.statusCode, status, url);
    const body = response.json() as { statusCode: number; code: string; message: string };
    assert.equal(body.statusCode, status, url);
    assert.equal(body.code, code, url);
    assert.equal(typeof body.message, 'string', url);
  }
});

test('an unknown error shows a generic message, never its own text', async () => {
  const app = await appWithErrors();
  const response = await app.inject({ url: '/broken', headers: json });
  assert.doesNotMatch(response.body, /database on fire/);
});

test('browsers still get the page, not JSON', async () => {
  const app = await appWithErrors();
  const response = await app.inject({ url: '/conflict', headers: { accept: 'text/html' } });
  assert.equal(response.statusCode, 409);
  assert.match(String(response.headers['content-type']), /text\/html/);
  assert.equal(response.body, '<p>409 Someone saved this meanwhile.</p>');
});

test('a database that does not answer is a 503 with Retry-After and words for the reader, in JSON and as a page', async () => {
  const app = await appWithErrors();
  app.get('/away', async () => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  });
  const asJson = await app.inject({ url: '/away', headers: json });
  assert.equal(asJson.statusCode, 503);
  assert.equal(asJson.headers['retry-after'], '5');
  const body = asJson.json() as { code: string; message: string };
  assert.equal(body.code, 'SERVICE_UNAVAILABLE');
  assert.match(body.message, /try again in a few seconds/);
  assert.doesNotMatch(body.message, /ECONNREFUSED|5432/);
  const asPage = await app.inject({ url: '/away', headers: { accept: 'text/html' } });
  assert.equal(asPage.statusCode, 503);
  assert.match(asPage.body, /^<p>503 The site cannot reach its stored articles and comments/);
});
