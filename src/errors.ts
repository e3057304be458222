/**
 * Errors a service may throw on purpose. One error handler maps them to HTTP, so a
 * service never knows about replies. Anything else is a bug: logged, shown as a generic page.
 */
export abstract class GazetteError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class BadRequestError extends GazetteError {
  readonly status = 400;
  readonly code = 'BAD_REQUEST';
}

export class NotFoundError extends GazetteError {
  readonly status = 404;
  readonly code = 'NOT_FOUND';
}

/** Not signed in, or the credentials were wrong. */
export class UnauthorizedError extends GazetteError {
  readonly status = 401;
  readonly code = 'UNAUTHORIZED';
}

export class ForbiddenError extends GazetteError {
  readonly status = 403;
  readonly code = 'FORBIDDEN';
}

/** What was here was removed on purpose and will not come back (e.g. an article moved to the trash). */
export class GoneError extends GazetteError {
  readonly status = 410;
  readonly code = 'GONE';
}

export class ConflictError extends GazetteError {
  readonly status = 409;
  readonly code = 'CONFLICT';
}

/** A form's input was wrong; `fields` maps each field name to a message for the person who typed it. */
export class ValidationError extends GazetteError {
  readonly status = 422;
  readonly code = 'VALIDATION_FAILED';
  constructor(
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class RateLimitedError extends GazetteError {
  readonly status = 429;
  readonly code = 'RATE_LIMITED';
  constructor(
    message: string,
    /** When known, how long until a new try is looked at: the Retry-After header. */
    readonly retryAfterSeconds?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const statusCodes: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  410: 'GONE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
};

/** The stable code for an error met outside a GazetteError (a framework error, a bad URL), from its status. */
export function codeForStatus(status: number): string {
  return statusCodes[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : `HTTP_${status}`);
}
