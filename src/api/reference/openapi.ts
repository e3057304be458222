import { STATUS_CODES } from 'node:http';
import type { FastifyDynamicSwaggerOptions, SwaggerTransformObject } from '@fastify/swagger';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { schemaExamples } from './openapi-examples.ts';
import { adminTagOf, contentTag, describeTag, orderTags } from './openapi-tags.ts';

// The OpenAPI document is made from the routes' own schemas by @fastify/swagger; what this module
// adds is what no single route says: who may call it, the errors the framework answers for it,
// which group it belongs to, and examples for the shared schemas.

/** Where the Admin API lives: every route below it needs a bearer token. */
const adminPrefix = '/api/v1/admin/';

type ResponseMap = Record<string | number, unknown>;

const problemContent = { 'application/problem+json': { schema: { $ref: 'Problem#' } } };

function problemAnswer(description: string) {
  return { description, content: problemContent };
}

/**
 * Errors Fastify and the API's hooks answer before a handler runs, so no route author thinks to list
 * them: declared here, the document tells the whole truth and the e2e tests can hold answers to it.
 */
function frameworkErrors(schema: FastifySchema, isAdmin: boolean): ResponseMap {
  const errors: ResponseMap = {};
  if (isAdmin) {
    errors[401] = problemAnswer('No token was sent, or it is unknown, revoked or expired.');
    errors[403] = problemAnswer("The token's owner may not do this.");
  }
  if (schema.body) {
    errors[400] = problemAnswer('The body is not valid JSON, or a header is malformed.');
    errors[413] = problemAnswer('The body is larger than the API accepts.');
    errors[415] = problemAnswer('The body is not in a type this operation reads.');
  }
  if (schema.body || schema.querystring || schema.params || schema.headers) {
    errors[422] = problemAnswer('A parameter or field was refused; `errors` names each one.');
  }
  return errors;
}

/**
 * Per route, for the document only (the route's live schema is left alone): tags by path when the
 * route names none, the `token` scheme and its errors under /api/v1/admin, the framework's errors.
 * A status the route declares itself keeps its own words.
 */
export function describeRoute({ schema, url }: { schema: FastifySchema | undefined; url: string }): { schema: FastifySchema; url: string } {
  const own = schema ?? {};
  const isAdmin = url.startsWith(adminPrefix);
  const response = { ...frameworkErrors(own, isAdmin), ...((own.response as ResponseMap | undefined) ?? {}) };
  const described: FastifySchema & Record<string, unknown> = { ...own, response };
  if (!Array.isArray(own.tags) || own.tags.length === 0) described.tags = [isAdmin ? adminTagOf(url.slice(adminPrefix.length)) : contentTag];
  if (isAdmin && own.security === undefined) described.security = [{ token: [] }];
  return { schema: described, url };
}

interface DocumentParts {
  tags?: { name: string; description?: string }[];
  paths?: Record<string, Record<string, { tags?: string[] } | unknown> | undefined>;
  components?: { schemas?: Record<string, Record<string, unknown>> };
}

/** Once the paths are made: the tags the operations use, in reading order, answers' names, and the shared schemas' examples. */
export function finishDocument<T extends DocumentParts>(document: T): T {
  const used = new Set<string>();
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(pathItem ?? {})) {
      const { tags, responses } = operation as { tags?: unknown; responses?: Record<string, { description?: string }> };
      if (Array.isArray(tags)) for (const tag of tags) if (typeof tag === 'string') used.add(tag);
      // @fastify/swagger's stand-in for a response nobody described; the status's own name says more.
      for (const [status, response] of Object.entries(responses ?? {})) {
        if (response.description === 'Default Response' && STATUS_CODES[status]) response.description = STATUS_CODES[status];
      }
    }
  }
  document.tags = orderTags([...used]).map((name) => ({ name, description: describeTag(name) }));
  const schemas = document.components?.schemas ?? {};
  for (const [name, examples] of Object.entries(schemaExamples)) {
    const schema = schemas[name];
    if (schema && schema.examples === undefined) schema.examples = examples;
  }
  return document;
}

/** The options @fastify/swagger is registered with, inside the API's context. */
export function openApiOptions(publicUrl: string): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gazette API',
        version: '1',
        description:
          'The Content API (public, read-only) and the Admin API (personal access tokens). Errors are RFC 9457 problem details with a stable `code`. A readable reference is at /api/docs.',
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: {
          token: {
            type: 'http',
            scheme: 'bearer',
            description: 'A personal access token, made at /admin/account or with `npx gazette tokens create`: `Authorization: Bearer <token>`.',
          },
        },
      },
    },
    // Shared schemas (added with addSchema) become components named by their `$id`, so `Problem#`
    // in a route's schema turns into `#/components/schemas/Problem` rather than `def-0`.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, index) => String(json.$id ?? `def-${index}`) },
    transform: ({ schema, url }) => describeRoute({ schema, url }),
    // Registered with `openapi` options, so the document is always an OpenAPI one, never Swagger 2.
    transformObject: (made) =>
      ('openapiObject' in made ? finishDocument(made.openapiObject as DocumentParts) : made.swaggerObject) as ReturnType<SwaggerTransformObject>,
  };
}

/**
 * GET /api/v1/openapi.json. @fastify/swagger builds the document on its first call and keeps it; the
 * JSON text is kept here too, so a request costs neither (the document is ~100 KB).
 */
export function serveOpenApiDocument(api: FastifyInstance, document: () => unknown): void {
  let body: string | undefined;
  api.get('/openapi.json', { schema: { hide: true } }, async (_request, reply) => {
    body ??= JSON.stringify(document());
    return reply.header('cache-control', 'public, max-age=300').header('access-control-allow-origin', '*').type('application/json; charset=utf-8').send(body);
  });
}
