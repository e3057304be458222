const messages = {
  incomplete: 'The upload did not arrive whole: the connection may have dropped, or the browser stopped sending part way. Send the files again.',
  tooManyParts: 'The form sent more fields or files than one upload takes. Send fewer at a time.',
  badFieldName: 'The form sent a field name that cannot be used. Reload the page and send it again.',
};

// busboy reports a body that stops early or is not multipart at all with plain Errors, told apart
// only by their text; @fastify/multipart passes them on unchanged.
const malformedBody = [
  /^Unexpected end of multipart data$/,
  /^(Part|Preamble) terminated early due to unexpected end of multipart data$/,
  /^Multipart: Boundary not found$/,
  // A boundary longer than busboy's search allows (RFC 2046 allows 70 characters).
  /^The needle cannot have a length bigger than \d+\.$/,
];

function codeOf(error: Error): unknown {
  return (error as Error & { code?: unknown }).code;
}

/**
 * Whether a multipart body was cut short or malformed: the sender's fault, never the server's, and
 * a reason to ask for the upload again rather than to show a 500.
 */
export function isIncompleteMultipart(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  return codeOf(error) === 'FST_MP_PREMATURE_CLOSE' || malformedBody.some((pattern) => pattern.test(error.message));
}

/**
 * The status and a message a person understands for an error met while reading a multipart body;
 * undefined for any other error. Routes that read uploads handle these themselves where they can.
 */
export function describeMultipartError(error: unknown): { status: number; message: string } | undefined {
  if (isIncompleteMultipart(error)) return { status: 400, message: messages.incomplete };
  if (!(error instanceof Error)) return undefined;
  switch (codeOf(error)) {
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_FILES_LIMIT':
      return { status: 413, message: messages.tooManyParts };
    case 'FST_PROTO_VIOLATION':
      return { status: 400, message: messages.badFieldName };
    default:
      return undefined;
  }
}
