import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { describeRoute, finishDocument, serveOpenApiDocument } from './openapi.ts';
import { adminTagOf, orderTags } from './openapi-tags.ts';

const problem = { content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } } };

test('an Admin API route needs the token, says what happens without it, and is grouped by its first segment', () => {
  const { schema } = describeRoute({ url: '/api/v1/admin/articles/:id/publish', schema: { params: { type: 'object' } } });
  assert.deepEqual(schema.security, [{ token: [] }]);
  assert.deepEqual(schema.tags, ['Admin: Articles']);
  assert.deepEqual(Object.keys(schema.response as object), ['401', '403', '422']);
});

test('a Content API route needs no token and declares no 401', () => {
  const { schema } = describeRoute({ url: '/api/v1/articles/:id', schema: { response: { 200: { type: 'object' } } } });
  assert.equal(schema.security, undefined);
  assert.deepEqual(schema.tags, ['Content']);
  assert.deepEqual(Object.keys(schema.response as object), ['200']);
});

test("a route with a body declares the framework's errors; the route's own words win, and its live schema is left alone", () => {
  const own = { body: { type: 'object' }, tags: ['Admin: Special'], response: { 201: { type: 'object' }, 422: { description: 'Its own', ...problem } } };
  const before = structuredClone(own);
  const { schema } = describeRoute({ url: '/api/v1/admin/articles', schema: own });
  const response = schema.response as Record<string, { description?: string }>;
  assert.deepEqual(Object.keys(response), ['201', '400', '401', '403', '413', '415', '422']);
  assert.equal(response[422]!.description, 'Its own');
  assert.deepEqual(schema.tags, ['Admin: Special']);
  assert.deepEqual(own, before);
});

test('a route that names its own security keeps it', () => {
  const { schema } = describeRoute({ url: '/api/v1/admin/tokens', schema: { security: [] } });
  assert.deepEqual(schema.security, []);
});

test('groups: known ones first in their order, then the rest alphabetically; a new admin group gets a readable name', () => {
  assert.deepEqual(orderTags(['Admin: Zines', 'Admin: Webhooks', 'Content', 'Admin: Articles', 'Admin: Bees']), [
    'Content',
    'Admin: Articles',
    'Admin: Webhooks',
    'Admin: Bees',
    'Admin: Zines',
  ]);
  assert.equal(adminTagOf('api-tokens/:id'), 'Admin: Api Tokens');
});

test('the finished document lists the groups in use, each described, names undescribed answers and adds examples', () => {
  const document = finishDocument({
    tags: [{ name: 'Admin: Media', description: 'unused' }],
    paths: {
      '/api/v1/admin/articles': { post: { tags: ['Admin: Articles'], responses: { 201: { description: 'Default Response' } } } },
      '/api/v1/articles': { get: { tags: ['Content'], responses: { 200: { description: 'Default Response' } } } },
      '/api/v1/admin/zines': { get: { tags: ['Admin: Zines'], responses: { 200: { description: 'The zines' } } } },
    },
    components: { schemas: { Article: { type: 'object' }, Byline: { type: 'object', examples: [{ own: true }] } } },
  });
  assert.deepEqual(
    document.tags?.map((tag) => tag.name),
    ['Content', 'Admin: Articles', 'Admin: Zines'],
  );
  assert.ok(document.tags?.every((tag) => (tag.description ?? '').length > 10));
  const paths = document.paths as Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
  assert.equal(paths['/api/v1/admin/articles']!.post!.responses[201]!.description, 'Created');
  assert.equal(paths['/api/v1/admin/zines']!.get!.responses[200]!.description, 'The zines');
  const schemas = document.components.schemas as Record<string, { examples?: unknown }>;
  assert.ok(Array.isArray(schemas.Article?.examples));
  assert.deepEqual(schemas.Byline?.examples, [{ own: true }]);
});

test('/openapi.json asks for the document once, however many requests come', async () => {
  const app = Fastify();
  let made = 0;
  serveOpenApiDocument(app, () => {
    made++;
    return { openapi: '3.1.0' };
  });
  const answers = [await app.inject({ url: '/openapi.json' }), await app.inject({ url: '/openapi.json' })];
  assert.equal(made, 1);
  assert.deepEqual(
    answers.map((answer) => answer.json()),
    [{ openapi: '3.1.0' }, { openapi: '3.1.0' }],
  );
  await app.close();
});
