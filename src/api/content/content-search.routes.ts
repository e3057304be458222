import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { bestPassage, parseSearchQuery, type SearchIndex, searchArticles } from '../../search/index.ts';
import { articleSummaryJson } from '../article-json.ts';
import { type ContentDeps, jsonContextOf, limitQuery, nextCursor } from './content-cache.ts';
import { cursors } from '../cursors.ts';
import { SearchResultJson, excerptJson } from './content-json.ts';
import { resolveFilterSlug, slugQuery } from './content-slugs.ts';
import { problemResponses } from '../problem-details.ts';

export interface ContentSearchDeps extends ContentDeps {
  readonly searchIndex: SearchIndex;
}

const perPage = 10;

const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 2000, description: 'Words to look for; only letters and digits count, the first 200 characters.' }),
  section: Type.Optional(slugQuery('Only articles in this section (its slug).')),
  limit: limitQuery(perPage),
  cursor: Type.Optional(Type.String({ description: 'The `next` of the previous page; it keeps the first page’s `limit`.' })),
});
type SearchQuery = Static<typeof SearchQuery>;

const SearchAnswer = Type.Object({
  results: Type.Array(Type.Ref(SearchResultJson)),
  match: Type.Union([Type.Literal('all'), Type.Literal('any'), Type.Null()], {
    description: '"all": each result has every word; "any": none had them all, these have some; null: nothing matched.',
  }),
  total: Type.Integer({ minimum: 0, description: 'How many match, counted up to `rankingWindow`.' }),
  more: Type.Boolean({ description: 'More articles match than are ranked: these are the best of the newest.' }),
  next: nextCursor,
});

/**
 * GET /search, through the search capability the reader's search page uses: the same ranking, the
 * same published-only rule. Never cached, like that page: every query is different, and results
 * change with every publication.
 */
export const contentSearchRoutes: FastifyPluginAsync<ContentSearchDeps> = async (app, deps) => {
  const { db, site, searchIndex } = deps;

  app.get<{ Querystring: SearchQuery }>(
    '/search',
    {
      schema: {
        tags: ['Content'],
        summary: 'Search published articles',
        description: 'Best match first; articles with every word, or, when none has them all, with any of them.',
        querystring: SearchQuery,
        response: { 200: SearchAnswer, ...problemResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const { q, section, cursor } = request.query;
      const position = cursor === undefined ? { page: 1, perPage: request.query.limit ?? perPage } : cursors.search.decode(cursor);
      const sectionId = section === undefined ? undefined : await resolveFilterSlug(db, 'section', section);
      const query = parseSearchQuery(q);
      const outcome = await searchArticles(db, searchIndex, {
        terms: query.terms,
        filters: sectionId === undefined ? {} : { sectionId },
        page: position.page,
        perPage: position.perPage,
        now: site.clock.now(),
      });
      reply.header('cache-control', 'no-store');
      if (outcome.kind === 'nothing') return { results: [], match: null, total: 0, more: false, next: null };
      const context = jsonContextOf(site);
      const results = outcome.found.map(({ summary, hit }) => ({ article: articleSummaryJson(summary, context), ...excerptJson(bestPassage(hit)) }));
      const next = outcome.page < outcome.pageCount ? cursors.search.encode({ page: outcome.page + 1, perPage: position.perPage }) : null;
      return { results, match: outcome.match, total: outcome.total, more: outcome.more, next };
    },
  );
};
