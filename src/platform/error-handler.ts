import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { databaseRetryAfterSeconds, isDatabaseUnavailable } from '../db/unavailable.ts';
import { codeForStatus, GazetteError, type Phrase } from '../errors.ts';
import { errorTitleKey, translator } from '../i18n/index.ts';
import { describeMultipartError } from './multipart-errors.ts';

/** Turns a status and a message into a whole page in the site's look. */
export type ErrorPageRenderer = (page: { status: number; title: string; message: string; phrase?: Phrase; path: string }) => string;

/** The error handler's own words are the English catalog's (error pages show them in the reader's language). */
const english = translator('en');

const genericMessages = {
  400: english.text('error.message.400'),
  404: english.text('error.message.404'),
  500: english.text('error.message.500'),
  503: english.text('error.message.503'),
} as const;

interface ErrorDescription {
  readonly status: number;
  /** Stable, for programs: a GazetteError's own code, else the one its status stands for. */
  readonly code: string;
  /** For people, in English. */
  readonly message: string;
  /** The same sentence, when a service said it as a phrase that can be put in the page's language. */
  readonly phrase?: Phrase;
}

function describeError(error: FastifyError | GazetteError): ErrorDescription {
  if (error instanceof GazetteError)
    return { status: error.status, code: error.code, message: error.message, ...(error.phrase ? { phrase: error.phrase } : {}) };
  if ((error as FastifyError).validation) return { status: 400, code: codeForStatus(400), message: genericMessages[400] };
  const multipart = describeMultipartError(error);
  if (multipart) return { ...multipart, code: codeForStatus(multipart.status) };
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) return { status, code: codeForStatus(status), message: error.message };
  if (isDatabaseUnavailable(error)) return { status: 503, code: codeForStatus(503), message: genericMessages[503] };
  return { status: 500, code: codeForStatus(500), message: genericMessages[500] };
}

/**
 * The sentence of a JSON answer when a service said it as a phrase: English unless the app says whose
 * words the asking page speaks (the newsroom's scripts talk to a person in the newsroom's language).
 */
export type PhraseSpeaker = (phrase: Phrase, request: FastifyRequest) => string;

/** Sends an error as a page for browsers and as JSON (with its code) for API clients; never a stack trace. */
function sendError(
  render: ErrorPageRenderer,
  request: FastifyRequest,
  reply: FastifyReply,
  { status, code, message, phrase }: ErrorDescription,
  speak?: PhraseSpeaker,
) {
  const title = english.text(errorTitleKey(status));
  reply.code(status).header('cache-control', 'no-store');
  if (request.headers.accept?.includes('application/json') && !request.headers.accept.includes('text/html')) {
    return reply.send({ statusCode: status, code, error: title, message: phrase && speak ? speak(phrase, request) : message });
  }
  const path = request.url.length > 200 ? request.url.slice(0, 200) : request.url;
  return reply.type('text/html; charset=utf-8').send(render({ status, title, message, ...(phrase ? { phrase } : {}), path }));
}

/** Where an address nothing answers has moved to (an imported site's old URLs), if anywhere. */
export type RedirectFinder = (url: string) => Promise<string | undefined>;

/** A Location header carries ASCII only; what is already percent-encoded stays as it is. */
function asciiLocation(location: string): string {
  return location.replace(/[^\x21-\x7e]+/g, (run) => encodeURIComponent(run));
}

export interface ErrorHandlingOptions {
  readonly render: ErrorPageRenderer;
  readonly findRedirect?: RedirectFinder;
  readonly speak?: PhraseSpeaker;
}

/**
 * The one place errors become responses: expected errors show their message, unknown ones are
 * logged with their cause and shown as a generic page. Before a reader gets a 404, the addresses
 * an import brought along get their chance to answer with a 301.
 */
export const errorHandling = fp<ErrorHandlingOptions>(async (app: FastifyInstance, { render, findRedirect, speak }) => {
  const notFound = async (request: FastifyRequest, reply: FastifyReply, described: ErrorDescription) => {
    const location = findRedirect && (request.method === 'GET' || request.method === 'HEAD') ? await findRedirect(request.url) : undefined;
    if (location !== undefined) return reply.code(301).header('cache-control', 'public, max-age=3600').redirect(asciiLocation(location), 301);
    return sendError(render, request, reply, described, speak);
  };
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const described = describeError(error);
    if (described.status === 503) {
      // Every request meets it while the database is away: one line each, not a stack trace each.
      request.log.warn({ reason: error.message, url: request.url }, 'The database did not answer');
      reply.header('retry-after', String(databaseRetryAfterSeconds));
    } else if (described.status >= 500) request.log.error({ err: error }, 'request failed');
    // An old address can also be one Gazette's routes refuse outright (`/author/hana.kim`: no dots in slugs).
    if (described.status === 404 || (described.status === 400 && (error as FastifyError).validation)) return notFound(request, reply, described);
    return sendError(render, request, reply, described, speak);
  });
  app.setNotFoundHandler((request, reply) => notFound(request, reply, { status: 404, code: codeForStatus(404), message: genericMessages[404] }));
});

export function badUrlHandler(render: ErrorPageRenderer) {
  return (_error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
    sendError(render, request, reply, { status: 400, code: codeForStatus(400), message: genericMessages[400] });
}
