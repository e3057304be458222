import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

// ajv-formats is CommonJS; its plugin is also its `default` property, which both Node and TypeScript see.
const addFormats = addFormatsModule.default;

/**
 * A JSON body is checked as sent: a field the API does not know (a typo such as `bodyHtml` for `body`)
 * is refused rather than silently dropped, and "12" is not taken for 12. Addresses and query strings
 * are text, so there numbers are still read from it.
 */
export function checkBodiesStrictly(app: FastifyInstance): void {
  const options = { useDefaults: true, allErrors: true, strict: false } as const;
  const bodies = new Ajv({ ...options, removeAdditional: false, coerceTypes: false });
  const rest = new Ajv({ ...options, removeAdditional: true, coerceTypes: 'array' });
  addFormats(bodies);
  addFormats(rest);
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodies : rest).compile(schema));
}
