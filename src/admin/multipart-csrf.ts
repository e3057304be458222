import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Checks the CSRF token of a multipart form before any file is read. The no-JS form sends it as
 * the field before its files (browsers send fields in document order); a script sends it as a header.
 * Multipart bodies are read in the handler, so the field's value is put where the CSRF check looks for it.
 */
export function passesCsrfCheck(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, fieldToken: string | undefined): boolean {
  request.body = { _csrf: fieldToken };
  let passed = false;
  // csrfProtection answers a failure itself (403) and calls back only on success, synchronously.
  app.csrfProtection(request, reply, () => {
    passed = true;
  });
  return passed;
}
