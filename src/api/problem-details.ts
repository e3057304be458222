import { STATUS_CODES } from 'node:http';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { databaseRetryAfterSeconds, isDatabaseUnavailable } from '../db/unavailable.ts';
import { codeForStatus, GazetteError, RateLimitedError, ValidationError } from '../errors.ts';
import { describeMultipartError } from '../platform/multipart-errors.ts';

/**
 * Every API error, as RFC 9457 problem details: `code` is stable for programs, `detail` is for the
 * person reading the log, `errors` names each refused field. Documented once in the OpenAPI file.
 */
export const Problem = Type.Object(
  {
    type: Type.String({ description: 'Where this kind of problem is explained.' }),
    title: Type.String(),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    code: Type.String({ description: 'Stable, for programs: e.g. VALIDATION_FAILED, UNAUTHORIZED, CONFLICT, PRECONDITION_FAILED.' }),
    detail: Type.String(),
    instance: Type.String(),
    errors: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'For VALIDATION_FAILED: each refused field and why.' })),
  },
  {
    $id: 'Problem',
    examples: [
      {
        type: '/api/docs#problem-validation_failed',
        title: 'Unprocessable Content',
        status: 422,
        code: 'VALIDATION_FAILED',
        detail: 'The article has errors.',
        instance: '/api/v1/admin/articles',
        errors: { headline: 'Write a headline.' },
      },
    ],
  },
);
export type Problem = Static<typeof Problem>;

/** Field names the services use that the API calls otherwise (its JSON speaks of `section`, not `sectionId`). */
export type FieldNames = Readonly<Record<string, string>>;

interface Described {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors?: Record<string, string>;
  readonly retryAfterSeconds?: number;
}

/** "/body/headline" or a missing property → "headline"; nested paths keep their dots ("featuredImage.alt"). */
function fieldOfValidation(item: { instancePath?: string; params?: Record<string, unknown> }): string {
  const path = (item.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  const missing = typeof item.params?.missingProperty === 'string' ? item.params.missingProperty : undefined;
  const extra = typeof item.params?.additionalProperty === 'string' ? item.params.additionalProperty : undefined;
  const leaf = missing ?? extra;
  return [path, leaf].filter(Boolean).join('.') || 'body';
}

function sentenceOfValidation(item: { keyword?: string; message?: string; params?: Record<string, unknown> }): string {
  if (item.keyword === 'required') return 'This field is required.';
  if (item.keyword === 'additionalProperties') return 'This field is not known here.';
  return item.message ? `Must ${item.message.replace(/^must /, '')}.` : 'This value is not accepted.';
}

function describe(error: FastifyError | GazetteError, fieldNames: FieldNames): Described {
  if (error instanceof ValidationError) {
    const errors = Object.fromEntries(Object.entries(error.fields).map(([field, message]) => [fieldNames[field] ?? field, message]));
    return { status: error.status, code: error.code, detail: error.message, errors };
  }
  if (error instanceof RateLimitedError) {
    return { status: 429, code: error.code, detail: error.message, ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}) };
  }
  if (error instanceof GazetteError) return { status: error.status, code: error.code, detail: error.message };
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const where = fastifyError.validationContext ?? 'body';
    const errors: Record<string, string> = {};
    for (const item of fastifyError.validation) {
      const field = fieldOfValidation(item);
      errors[where === 'body' ? field : `${where}.${field}`] ??= sentenceOfValidation(item);
    }
    return { status: 422, code: codeForStatus(422), detail: `The request's ${where} has errors.`, errors };
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return { status: 400, code: 'INVALID_JSON', detail: 'The body is not valid JSON.' };
  }
  const multipart = describeMultipartError(error);
  if (multipart) return { status: multipart.status, code: codeForStatus(multipart.status), detail: multipart.message };
  const status = fastifyError.statusCode;
  if (status === 429) return { status, code: codeForStatus(429), detail: 'Too many requests: wait before trying again.' };
  if (status && status >= 400 && status < 500) return { status, code: codeForStatus(status), detail: error.message };
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      code: codeForStatus(503),
      detail: 'The database is not answering just now; nothing was changed. Try again in a few seconds.',
      retryAfterSeconds: databaseRetryAfterSeconds,
    };
  }
  return { status: 500, code: codeForStatus(500), detail: 'The request failed on the server. It has been logged; try again in a moment.' };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, described: Described): FastifyReply {
  const { status, code, detail, errors, retryAfterSeconds } = described;
  const problem: Problem = {
    type: `/api/docs#problem-${code.toLowerCase()}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    code,
    detail,
    instance: request.url.split('?')[0]!.slice(0, 200),
    ...(errors ? { errors } : {}),
  };
  if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="gazette"');
  return reply.code(status).header('cache-control', 'no-store').type('application/problem+json; charset=utf-8').send(JSON.stringify(problem));
}

/**
 * Inside the API, errors are problem details, never an HTML page: set on the API's own encapsulated
 * context, so the reader site's error pages are untouched.
 */
export function answerErrorsAsProblems(app: FastifyInstance): void {
  app.setErrorHandler(problemErrorHandler());
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, { status: 404, code: codeForStatus(404), detail: 'Nothing is at this address in the API.' }),
  );
}

/** The API's error handler; a capability whose JSON names fields otherwise passes `fieldNames` (service name → API name). */
export function problemErrorHandler(fieldNames: FieldNames = {}) {
  return async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const described = describe(error, fieldNames);
    if (described.status === 503) request.log.warn({ reason: error.message, url: request.url }, 'The database did not answer');
    else if (described.status >= 500) request.log.error({ err: error }, 'API request failed');
    return sendProblem(request, reply, described);
  };
}

/** The declared error answers of a route, for its schema (and so the OpenAPI document). */
export function problemResponses(...statuses: readonly number[]): Record<number, unknown> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: STATUS_CODES[status] ?? 'Error', content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } } },
    ]),
  );
}
