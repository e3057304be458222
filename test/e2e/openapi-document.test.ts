import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { type OpenApiDocument, compileSchema, fetchOpenApiDocument, openApiPathOf, registeredRoutes } from '../helpers/openapi.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface Operation {
  readonly tags?: string[];
  readonly summary?: string;
  readonly security?: Record<string, string[]>[];
  readonly requestBody?: { content?: Record<string, { schema?: object }> };
  readonly responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}

function operationsOf(document: OpenApiDocument): { method: string; path: string; operation: Operation }[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.includes(method))
      .map(([method, operation]) => ({ method, path, operation: operation as Operation })),
  );
}

/** Every `$ref` in the document with where it sits, e.g. "/paths/~1api~1v1~1articles/get/…". */
function refsIn(value: unknown, at = ''): { at: string; ref: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => refsIn(item, `${at}/${index}`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === '$ref' && typeof item === 'string' ? [{ at, ref: item }] : refsIn(item, `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`),
  );
}

function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((token) => decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, token) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[token] : undefined), document);
}

describe('the OpenAPI document at /api/v1/openapi.json', () => {
  let gazette: TestGazette;
  let document: OpenApiDocument;

  before(async () => {
    gazette = await buildTestApp();
    document = await fetchOpenApiDocument(gazette.app);
  });
  after(() => gazette.close());

  test('is valid OpenAPI 3.1 by a real validator', async () => {
    assert.equal(document.openapi, '3.1.0');
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as Record<string, unknown>);
    assert.ok(result.valid, `not valid OpenAPI 3.1:\n${String(JSON.stringify(result.errors, null, 2)).slice(0, 4000)}`);
    assert.equal(validator.version, '3.1');
  });

  test('every $ref points inside the document at something that is there', () => {
    const refs = refsIn(document);
    assert.ok(
      refs.some(({ ref }) => ref === '#/components/schemas/Problem'),
      'nothing refers to the Problem schema',
    );
    const broken = refs.filter(({ ref }) => resolvePointer(document, ref) === undefined);
    assert.deepEqual(broken, []);
  });

  test('lists every route the app answers under /api/v1, and only those', () => {
    const served = registeredRoutes(gazette.app)
      .filter(({ path }) => path.startsWith('/api/v1/') && path !== '/api/v1/openapi.json')
      .map(({ method, path }) => `${method} ${openApiPathOf(path)}`)
      .sort();
    const documented = operationsOf(document)
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`)
      .sort();
    assert.ok(
      served.some((route) => route.includes('/api/v1/admin/')),
      'no Admin API route found in the app: the route listing broke',
    );
    assert.deepEqual(documented, served);
  });

  test('each Admin API operation needs the bearer token and says what happens without one; the Content API needs none', () => {
    const token = (document.components?.securitySchemes as Record<string, { type?: string; scheme?: string }> | undefined)?.token;
    assert.deepEqual({ type: token?.type, scheme: token?.scheme }, { type: 'http', scheme: 'bearer' });
    for (const { method, path, operation } of operationsOf(document)) {
      const where = `${method.toUpperCase()} ${path}`;
      if (path.startsWith('/api/v1/admin/')) {
        assert.deepEqual(operation.security, [{ token: [] }], where);
        assert.ok(operation.responses?.['401'] && operation.responses['403'], `${where} declares no 401 or 403`);
      } else {
        assert.equal(operation.security, undefined, `${where} is public, yet asks for a token`);
        assert.equal(operation.responses?.['401'], undefined, `${where} is public, yet declares 401`);
      }
    }
  });

  test('each operation is in a described group and declares how it succeeds', () => {
    const tags = new Map(((document.tags ?? []) as { name: string; description?: string }[]).map((tag) => [tag.name, tag.description]));
    for (const { method, path, operation } of operationsOf(document)) {
      const where = `${method.toUpperCase()} ${path}`;
      assert.equal(operation.tags?.length, 1, `${where} is in ${operation.tags?.length ?? 0} groups`);
      assert.ok(tags.get(operation.tags[0]!), `${where}: its group ${operation.tags[0]} is not described`);
      assert.ok(
        Object.keys(operation.responses ?? {}).some((status) => /^[23]/.test(status)),
        `${where} declares no success (2xx or 3xx) answer`,
      );
    }
    assert.ok(tags.has('Content') || [...tags.keys()].some((name) => name.startsWith('Admin: ')), 'no group is listed');
  });

  test('every error is a problem+json answer in the one Problem shape, and those any route can meet are declared', () => {
    for (const { method, path, operation } of operationsOf(document)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^[45]/.test(status)) continue;
        assert.deepEqual(Object.keys(response.content ?? {}), ['application/problem+json'], `${method.toUpperCase()} ${path} ${status}`);
        assert.deepEqual(response.content?.['application/problem+json']?.schema, { $ref: '#/components/schemas/Problem' });
      }
      if (operation.requestBody) {
        for (const status of ['400', '413', '415', '422'])
          assert.ok(operation.responses?.[status], `${method.toUpperCase()} ${path} takes a body but declares no ${status}`);
      }
    }
    const problem = (document.components?.schemas as Record<string, { required?: string[] }> | undefined)?.Problem;
    assert.deepEqual(problem?.required, ['type', 'title', 'status', 'code', 'detail', 'instance']);
  });

  test('every schema compiles as JSON Schema 2020-12, and every example fits its schema', () => {
    const schemas = (document.components?.schemas ?? {}) as Record<string, { examples?: unknown[] }>;
    for (const name of ['Problem', 'Article', 'ArticleSummary', 'SectionRef', 'TagRef', 'Byline', 'Image', 'Correction']) {
      assert.ok((schemas[name]?.examples?.length ?? 0) > 0, `${name} has no example`);
    }
    for (const [name, schema] of Object.entries(schemas)) {
      const validate = compileSchema(document, schema);
      for (const example of schema.examples ?? []) {
        assert.ok(validate(example), `an example of ${name} does not fit it: ${JSON.stringify(validate.errors)}`);
      }
    }
    for (const { method, path, operation } of operationsOf(document)) {
      const bodies = [operation.requestBody?.content, ...Object.values(operation.responses ?? {}).map((response) => response.content)];
      for (const content of bodies) {
        for (const media of Object.values(content ?? {})) {
          if (media.schema) assert.doesNotThrow(() => compileSchema(document, media.schema!), `${method.toUpperCase()} ${path}`);
        }
      }
    }
  });

  test('is made once and sent the same each time, with a cache lifetime and open to other origins', async () => {
    const first = await gazette.app.inject({ url: '/api/v1/openapi.json' });
    const second = await gazette.app.inject({ url: '/api/v1/openapi.json' });
    assert.equal(second.body, first.body);
    assert.match(String(first.headers['content-type']), /^application\/json/);
    assert.equal(first.headers['cache-control'], 'public, max-age=300');
    assert.equal(first.headers['access-control-allow-origin'], '*');
  });
});
