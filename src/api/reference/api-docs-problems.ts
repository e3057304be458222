// The stable codes of the API's problem details, as /api/docs explains them. Each problem's `type`
// is "/api/docs#problem-<code in lower case>", the anchor of its entry here.

export interface ProblemCode {
  readonly code: string;
  readonly status: number;
  /** When it happens and what a program should do about it. */
  readonly explanation: string;
}

export const problemCodes: readonly ProblemCode[] = [
  {
    code: 'BAD_REQUEST',
    status: 400,
    explanation:
      'The request is malformed in a way no field names, e.g. a header with a value it cannot have. Fix the request; retrying it as it is will not help.',
  },
  { code: 'INVALID_JSON', status: 400, explanation: 'The body was sent as JSON but is not valid JSON (or is empty). Check how the body is encoded.' },
  {
    code: 'UNAUTHORIZED',
    status: 401,
    explanation: 'No token was sent, or the token is unknown, revoked or expired. Send `Authorization: Bearer <token>` with a current token.',
  },
  { code: 'FORBIDDEN', status: 403, explanation: "The token is valid, but its owner's role does not allow this, e.g. a contributor publishing." },
  {
    code: 'NOT_FOUND',
    status: 404,
    explanation: 'Nothing is at this address, or the item is not one the caller may see (an unpublished article, for the Content API).',
  },
  { code: 'METHOD_NOT_ALLOWED', status: 405, explanation: 'The address exists, but not with this HTTP method.' },
  { code: 'NOT_ACCEPTABLE', status: 406, explanation: 'The Accept header asks for a type this operation cannot answer in. Accept `application/json`.' },
  {
    code: 'CONFLICT',
    status: 409,
    explanation: 'The change clashes with the current state, e.g. a slug another article has, or a request with the same Idempotency-Key still being answered.',
  },
  { code: 'GONE', status: 410, explanation: 'The item was removed on purpose (e.g. an article moved to the trash) and will not come back at this address.' },
  {
    code: 'PRECONDITION_FAILED',
    status: 412,
    explanation:
      'If-Match names a version that is no longer current: someone saved meanwhile. Fetch the item again, re-apply the change and send its new ETag.',
  },
  { code: 'PAYLOAD_TOO_LARGE', status: 413, explanation: 'The body is larger than the API accepts.' },
  { code: 'UNSUPPORTED_MEDIA_TYPE', status: 415, explanation: 'The body is in a type this operation does not read. Send `Content-Type: application/json`.' },
  {
    code: 'VALIDATION_FAILED',
    status: 422,
    explanation: 'A parameter or field was refused. `errors` maps each refused field (e.g. `headline`, `query.page`) to why.',
  },
  { code: 'IDEMPOTENCY_CONFLICT', status: 422, explanation: 'This Idempotency-Key was used before for a different request. Use a new key for a new request.' },
  {
    code: 'PRECONDITION_REQUIRED',
    status: 428,
    explanation: 'An update must send If-Match with the ETag it was made from, so nobody’s work is overwritten unseen.',
  },
  {
    code: 'RATE_LIMITED',
    status: 429,
    explanation: 'Too many requests. Wait for the seconds the Retry-After header gives, when it does, before trying again.',
  },
  { code: 'INTERNAL_ERROR', status: 500, explanation: 'Something went wrong on the server, and it is logged with the details. Try again later.' },
  {
    code: 'SERVICE_UNAVAILABLE',
    status: 503,
    explanation:
      'The database did not answer (a restart, a failover) and nothing was changed. Send the same request again after the seconds the Retry-After header gives.',
  },
];

/** The anchor a problem's `type` points to. */
export function problemAnchor(code: string): string {
  return `problem-${code.toLowerCase()}`;
}
