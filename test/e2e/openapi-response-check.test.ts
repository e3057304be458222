import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  expectInjectedResponseMatchesOpenApi,
  expectResponseMatchesOpenApi,
  fetchOpenApiDocument,
  findPathTemplate,
  type OpenApiDocument,
} from '../helpers/openapi.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// The helper every API test holds its answers to, checked on a document written here and on the app's own.

const json = (schema: object) => ({ description: 'x', content: { 'application/json': { schema } } });

const document: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {
    '/api/v1/articles/{id}': {
      get: {
        responses: {
          200: json({ $ref: '#/components/schemas/Article' }),
          404: { description: 'Not Found', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        },
      },
    },
    '/api/v1/articles/latest': { get: { responses: { 200: json({ type: 'array' }) } } },
    '/api/v1/articles/{id}/trash': { post: { responses: { 204: { description: 'No Content' }, '5XX': { description: 'Any server error' } } } },
  },
  components: {
    schemas: {
      Article: {
        type: 'object',
        required: ['id', 'publishedAt'],
        properties: { id: { type: 'integer' }, publishedAt: { type: 'string', format: 'date-time' }, section: { $ref: '#/components/schemas/Section' } },
      },
      Section: { type: 'object', required: ['slug'], properties: { slug: { type: 'string' } } },
      Problem: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } },
    },
  },
};

const article = { id: 12, publishedAt: '2026-11-27T06:00:00.000Z', section: { slug: 'world' } };
const exchange = { method: 'GET', path: '/api/v1/articles/12?fields=all', status: 200, contentType: 'application/json; charset=utf-8' };

describe('expectResponseMatchesOpenApi, on a document written here', () => {
  test('passes an answer the document declares, body as text or parsed, references followed', () => {
    expectResponseMatchesOpenApi(document, { ...exchange, body: JSON.stringify(article) });
    expectResponseMatchesOpenApi(document, { ...exchange, body: article });
    expectResponseMatchesOpenApi(document, {
      method: 'get',
      path: '/api/v1/articles/99',
      status: 404,
      contentType: 'application/problem+json; charset=utf-8',
      body: '{"code":"NOT_FOUND"}',
    });
    expectResponseMatchesOpenApi(document, { method: 'POST', path: '/api/v1/articles/12/trash', status: 204, contentType: undefined, body: '' });
    expectResponseMatchesOpenApi(document, { method: 'POST', path: '/api/v1/articles/12/trash', status: 503, contentType: undefined, body: '' });
  });

  test('fails a body its schema refuses, naming the path and what Ajv found', () => {
    const wrong = { ...article, id: 'twelve', section: { name: 'World' } };
    assert.throws(
      () => expectResponseMatchesOpenApi(document, { ...exchange, body: JSON.stringify(wrong) }),
      (error: Error) => {
        assert.match(error.message, /GET \/api\/v1\/articles\/12\?fields=all → 200/);
        assert.match(error.message, /\/id must be integer/);
        assert.match(error.message, /\/section must have required property 'slug'/);
        return true;
      },
    );
    assert.throws(
      () => expectResponseMatchesOpenApi(document, { ...exchange, body: { ...article, publishedAt: 'yesterday' } }),
      /must match format "date-time"/,
    );
  });

  test('fails a status, content type, operation or path the document does not declare', () => {
    assert.throws(
      () => expectResponseMatchesOpenApi(document, { ...exchange, status: 500, body: '{}' }),
      /does not declare status 500 \(it declares 200, 404\)/,
    );
    assert.throws(() => expectResponseMatchesOpenApi(document, { ...exchange, contentType: 'text/html', body: '<p>' }), /sent as text\/html/);
    assert.throws(
      () => expectResponseMatchesOpenApi(document, { ...exchange, method: 'DELETE', body: '' }),
      /no DELETE operation on \/api\/v1\/articles\/\{id\}/,
    );
    assert.throws(() => expectResponseMatchesOpenApi(document, { ...exchange, path: '/api/v1/nothing', body: '' }), /no path in the OpenAPI document/);
    assert.throws(
      () =>
        expectResponseMatchesOpenApi(document, { method: 'POST', path: '/api/v1/articles/12/trash', status: 204, contentType: 'application/json', body: '{}' }),
      /declared without a body/,
    );
    assert.throws(() => expectResponseMatchesOpenApi(document, { ...exchange, body: '{"id":' }), /the body is not JSON/);
  });

  test('a concrete path wins over a template, as OpenAPI says', () => {
    assert.equal(findPathTemplate(document, '/api/v1/articles/latest'), '/api/v1/articles/latest');
    assert.equal(findPathTemplate(document, '/api/v1/articles/latest-news'), '/api/v1/articles/{id}');
    assert.equal(findPathTemplate(document, '/api/v1/articles/12/trash?x=1'), '/api/v1/articles/{id}/trash');
    assert.equal(findPathTemplate(document, '/api/v1/articles/12/13'), undefined);
  });
});

describe("expectInjectedResponseMatchesOpenApi, on the app's own document", () => {
  let gazette: TestGazette;
  let appDocument: OpenApiDocument;

  before(async () => {
    gazette = await buildTestApp();
    appDocument = await fetchOpenApiDocument(gazette.app);
  });
  after(() => gazette.close());

  test('an Admin API answer to a call without a token fits the document, and a changed one does not', async () => {
    const adminPath = Object.keys(appDocument.paths ?? {}).find((path) => path.startsWith('/api/v1/admin/') && appDocument.paths?.[path]?.get);
    assert.ok(adminPath, 'the document has no GET operation in the Admin API');
    const response = await gazette.app.inject({ url: adminPath.replace(/\{[^}]+\}/g, '1') });
    assert.equal(response.statusCode, 401);
    expectInjectedResponseMatchesOpenApi(appDocument, response);
    const { status: _status, ...withoutStatus } = response.json<Record<string, unknown>>();
    assert.throws(
      () =>
        expectResponseMatchesOpenApi(appDocument, {
          method: 'GET',
          path: adminPath,
          status: 401,
          contentType: response.headers['content-type'] as string,
          body: JSON.stringify(withoutStatus),
        }),
      /must have required property 'status'/,
    );
  });
});
