import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { SchemasCompiledOnFirstUse } from './schema-compilers.ts';

async function appWith(schemas: SchemasCompiledOnFirstUse) {
  const app = Fastify({ schemaController: { compilersFactory: schemas.compilersFactory } });
  app.get(
    '/list',
    {
      schema: {
        querystring: { type: 'object', properties: { page: { type: 'integer', minimum: 1, default: 1 } }, additionalProperties: false },
        response: { 200: { type: 'object', properties: { page: { type: 'integer' } } } },
      },
    },
    async (request) => ({ page: (request.query as { page: number }).page, secret: 'not in the schema' }),
  );
  app.post(
    '/items',
    {
      schema: {
        body: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', maxLength: 5 }, tags: { type: 'array', items: { type: 'string' } } },
        },
      },
    },
    async (request) => request.body,
  );
  await app.ready();
  return app;
}

test("schemas are compiled at a route's first use, and validate, coerce, fill defaults and serialise as Fastify's own compilers do", async () => {
  const schemas = new SchemasCompiledOnFirstUse();
  const app = await appWith(schemas);
  const atStart = schemas.uncompiled;
  assert.ok(atStart >= 3, 'nothing compiled at start');

  const listed = await app.inject({ url: '/list?page=2' });
  assert.equal(listed.statusCode, 200);
  assert.deepEqual(listed.json(), { page: 2 }, 'coerced to a number, and the response schema leaves out what it does not name');
  assert.deepEqual((await app.inject({ url: '/list' })).json(), { page: 1 }, 'the default filled in');
  assert.ok(schemas.uncompiled < atStart, 'the route used is compiled');

  const refused = await app.inject({ url: '/list?page=abc' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.json().message, /querystring\/page must be integer/);
  assert.equal((await app.inject({ url: '/list?page=0' })).json().message, 'querystring/page must be >= 1', 'errors of a compiled validator are read again');

  const posted = await app.inject({ method: 'POST', url: '/items', payload: { name: 'kite', tags: 'red' } });
  assert.deepEqual(posted.json(), { name: 'kite', tags: ['red'] }, 'a lone value coerced to a list');
  const tooLong = await app.inject({ method: 'POST', url: '/items', payload: { name: 'kites!' } });
  assert.equal(tooLong.statusCode, 400);
  assert.match(tooLong.json().message, /body\/name must NOT have more than 5 characters/);
  await app.close();
});

test('compileAll compiles what no request used, so a broken schema still fails before anyone asks for it', async () => {
  const schemas = new SchemasCompiledOnFirstUse();
  const app = Fastify({ schemaController: { compilersFactory: schemas.compilersFactory } });
  app.get('/broken', { schema: { querystring: { type: 'object', properties: { n: { type: 'nonsense' } } } } }, async () => 'never');
  await app.ready();
  assert.throws(() => schemas.compileAll(), /schema is invalid: data\/properties\/n\/type/);
  await app.close();
});
