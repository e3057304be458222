import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { phrase, UnauthorizedError } from '../../errors.ts';
import { suggestTags, tagSuggestionTextLimit } from '../../tags/index.ts';
import { type AdminContext, staffOnly } from '../admin-context.ts';

/** Enough to choose from while typing, few enough to read through with the arrow keys. */
const suggestionsPerAnswer = 8;

/** Only these fields leave the server: a tag's description is not needed while typing. */
const answer = {
  type: 'object',
  additionalProperties: false,
  required: ['tags'],
  properties: {
    tags: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'slug'],
        properties: { id: { type: 'integer' }, name: { type: 'string' }, slug: { type: 'string' } },
      },
    },
  },
} as const;

/**
 * Existing tags for the editor's tags field, matching what is being typed (`?q=harb`). Staff only;
 * a stranger gets 401, not the sign-in page. Any staff member may ask: choosing an existing tag is
 * open to every role, only creating one is not.
 */
export const tagSuggestRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const SuggestQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: tagSuggestionTextLimit * 4 })) }, { additionalProperties: false });
  app.get<{ Querystring: Static<typeof SuggestQuery> }>(
    '/admin/tags/suggest',
    {
      schema: {
        querystring: SuggestQuery,
        response: { 200: answer },
      },
      preHandler: async (request, reply) => {
        if (!request.staff) throw new UnauthorizedError(phrase('refusal.articles.signInFirst'));
        return staffOnly(request, reply);
      },
    },
    async (request) => ({ tags: await suggestTags(context.db, request.query.q ?? '', suggestionsPerAnswer) }),
  );
};
