import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import type { FastifyValidationResult } from 'fastify/types/schema.js';
import type { AjvValidate, SchemasCompiledOnFirstUse } from '../platform/schema-compilers.ts';

// ajv-formats is CommonJS; its plugin is also its `default` property, which both Node and TypeScript see.
const addFormats = addFormatsModule.default;

let compilers: { readonly bodies: Ajv; readonly rest: Ajv } | undefined;

/**
 * The two checkers, made once per process: Ajv keeps what it compiled by schema, and the routes' schemas
 * are the same objects in every app built here, so an app built after the first (the tests build hundreds)
 * compiles nothing again. Making an Ajv and its formats costs as much as compiling a few routes.
 */
function strictCompilers(): { readonly bodies: Ajv; readonly rest: Ajv } {
  if (!compilers) {
    const options = { useDefaults: true, allErrors: true, strict: false } as const;
    const bodies = new Ajv({ ...options, removeAdditional: false, coerceTypes: false });
    const rest = new Ajv({ ...options, removeAdditional: true, coerceTypes: 'array' });
    addFormats(bodies);
    addFormats(rest);
    compilers = { bodies, rest };
  }
  return compilers;
}

/**
 * A JSON body is checked as sent: a field the API does not know (a typo such as `bodyHtml` for `body`)
 * is refused rather than silently dropped, and "12" is not taken for 12. Addresses and query strings
 * are text, so there numbers are still read from it.
 */
export function checkBodiesStrictly(app: FastifyInstance, schemas: Pick<SchemasCompiledOnFirstUse, 'validatorOnFirstUse'>): void {
  // Compiled at a route's first use, as every other route's schemas are (see schema-compilers.ts).
  app.setValidatorCompiler(
    ({ schema, httpPart }) =>
      schemas.validatorOnFirstUse(() => {
        const { bodies, rest } = strictCompilers();
        return (httpPart === 'body' ? bodies : rest).compile(schema) as AjvValidate;
      }) as FastifyValidationResult,
  );
}
