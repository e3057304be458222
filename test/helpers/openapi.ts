import assert from 'node:assert/strict';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

// Holds the API's answers to its own OpenAPI document, so a route cannot answer what it does not
// declare. In an e2e test:
//
//   const document = await fetchOpenApiDocument(gazette.app);   // once, in before()
//   const response = await gazette.app.inject({ url: '/api/v1/articles/12' });
//   expectInjectedResponseMatchesOpenApi(document, response);  // or expectResponseMatchesOpenApi(document, { method, path, … })

/** The parts of an OpenAPI 3.1 document these checks read; the rest is carried along untyped. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly components?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

interface ResponseObject {
  readonly description?: string;
  readonly content?: Readonly<Record<string, { readonly schema?: object }>>;
}

interface Operation {
  readonly responses?: Readonly<Record<string, ResponseObject>>;
}

/** GET /api/v1/openapi.json, parsed; fails the test when it is not there. */
export async function fetchOpenApiDocument(app: FastifyInstance): Promise<OpenApiDocument> {
  const response = await app.inject({ url: '/api/v1/openapi.json' });
  assert.equal(response.statusCode, 200, `GET /api/v1/openapi.json answered ${response.statusCode}: ${response.body.slice(0, 500)}`);
  return response.json<OpenApiDocument>();
}

/** Every method and path Fastify answers (HEAD and OPTIONS left out), from its own route tree. */
export function registeredRoutes(app: FastifyInstance): { method: string; path: string }[] {
  const routes: { method: string; path: string }[] = [];
  const stack: string[] = [];
  // Each line is "<tree drawing><segment> (METHODS)", four columns deeper per level; a path is its ancestors' segments joined.
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│├└─\s]*)(\S.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack[depth] = match[2]!;
    for (const method of (match[3] ?? '').split(', ').filter((name) => name !== '' && name !== 'HEAD' && name !== 'OPTIONS')) {
      routes.push({ method, path: stack.join('') });
    }
  }
  return routes;
}

/** "/api/v1/articles/:id" → "/api/v1/articles/{id}", as the document writes it. */
export function openApiPathOf(fastifyPath: string): string {
  return fastifyPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function templatePattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\\?\{[^/}]+\\?\}/g, '[^/]+')}$`);
}

/** The document's path template for a requested path; a concrete path wins over a templated one, as OpenAPI says. */
export function findPathTemplate(document: OpenApiDocument, requestedPath: string): string | undefined {
  const path = requestedPath.split(/[?#]/)[0]!;
  const candidates = Object.keys(document.paths ?? {}).filter((template) => templatePattern(template).test(path));
  const literalLength = (template: string) => template.replace(/\{[^}]*\}/g, '').length;
  return candidates.sort((a, b) => literalLength(b) - literalLength(a))[0];
}

const validators = new WeakMap<OpenApiDocument, { ajv: Ajv2020; compiled: WeakMap<object, ValidateFunction> }>();

/**
 * A schema of the document (a response's, a component's) compiled with the document's components at its root, so `#/components/…`
 * references resolve as they do in the document; one Ajv per document, each schema compiled once.
 */
export function compileSchema(document: OpenApiDocument, schema: object): ValidateFunction {
  let entry = validators.get(document);
  if (!entry) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    // OpenAPI's own keywords beside JSON Schema's, and `components` at the root that holds the shared schemas.
    for (const keyword of ['components', 'discriminator', 'xml', 'externalDocs', 'example']) ajv.addKeyword(keyword);
    entry = { ajv, compiled: new WeakMap() };
    validators.set(document, entry);
  }
  let validate = entry.compiled.get(schema);
  if (!validate) {
    validate = entry.ajv.compile({ ...schema, components: document.components ?? {} });
    entry.compiled.set(schema, validate);
  }
  return validate;
}

export interface ApiExchange {
  readonly method: string;
  /** As requested, query string and all: "/api/v1/articles/12?x=1". */
  readonly path: string;
  readonly status: number;
  /** The Content-Type header as sent, parameters and all; undefined when there was none. */
  readonly contentType: string | undefined;
  /** The body as sent (text), or already parsed. */
  readonly body: unknown;
}

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function isJson(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/**
 * Fails, naming the operation and what is wrong, unless the document declares this answer: the
 * operation (by path template and method), the status (exact, then "4XX", then "default"), the
 * content type, and a body that its schema accepts.
 */
export function expectResponseMatchesOpenApi(document: OpenApiDocument, exchange: ApiExchange): void {
  const method = exchange.method.toLowerCase();
  const where = `${exchange.method.toUpperCase()} ${exchange.path} → ${exchange.status}`;
  const template = findPathTemplate(document, exchange.path);
  assert.ok(template, `${where}: no path in the OpenAPI document matches ${exchange.path}`);
  const operation = document.paths?.[template]?.[method] as Operation | undefined;
  assert.ok(operation, `${where}: the OpenAPI document has no ${method.toUpperCase()} operation on ${template}`);
  const responses = operation.responses ?? {};
  const status = String(exchange.status);
  const declared = responses[status] ?? responses[`${status[0]}XX`] ?? responses.default;
  assert.ok(declared, `${where}: ${method.toUpperCase()} ${template} does not declare status ${status} (it declares ${Object.keys(responses).join(', ')})`);
  const text = typeof exchange.body === 'string' ? exchange.body : exchange.body === undefined ? '' : undefined;
  if (!declared.content) {
    assert.ok(text === '', `${where}: ${status} is declared without a body, but one was sent`);
    return;
  }
  const mediaType = mediaTypeOf(exchange.contentType);
  const content = declared.content[mediaType] ?? declared.content[`${mediaType.split('/')[0]}/*`] ?? declared.content['*/*'];
  assert.ok(
    content,
    `${where}: sent as ${exchange.contentType ?? 'no Content-Type'}, but ${status} is declared as ${Object.keys(declared.content).join(', ')}`,
  );
  if (!content.schema) return;
  let body = exchange.body;
  if (text !== undefined && isJson(mediaType)) {
    try {
      body = JSON.parse(text);
    } catch {
      assert.fail(`${where}: the body is not JSON, though sent as ${mediaType}: ${text.slice(0, 200)}`);
    }
  }
  const validate = compileSchema(document, content.schema);
  if (validate(body)) return;
  const errors = (validate.errors ?? []).map(
    (error) => `  ${error.instancePath || '(the body)'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
  );
  assert.fail(`${where}: the body does not match the schema of ${method.toUpperCase()} ${template} ${status} ${mediaType}:\n${errors.join('\n')}`);
}

/** The same check for an answer of `app.inject()`, which knows its own request. */
export function expectInjectedResponseMatchesOpenApi(document: OpenApiDocument, response: LightMyRequestResponse): void {
  const request = response.raw.req;
  expectResponseMatchesOpenApi(document, {
    method: request.method ?? 'GET',
    path: request.url ?? '/',
    status: response.statusCode,
    contentType: response.headers['content-type'] as string | undefined,
    body: response.body,
  });
}
