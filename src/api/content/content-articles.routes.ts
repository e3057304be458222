import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  type ArticleSummary,
  findPublishedArticleById,
  listPublishedArticlesPage,
  listPublishedSummariesByIds,
  listPublishedSummariesPage,
  type PublishedArticle,
  type PublishedFilters,
  type PublishedPageOptions,
  tagsOfSummaries,
} from '../../articles/index.ts';
import { listApprovedCommentsPage } from '../../comments/index.ts';
import type { Db } from '../../db/database.ts';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { type ContentTag, contentTags } from '../../platform/content-changes.ts';
import { pageCacheRoute } from '../../platform/page-cache.ts';
import { rowIdParams } from '../../platform/route-schemas.ts';
import { ArticleJson, ArticleListEntryJson, articleJson, articleSummaryJson, type JsonContext } from '../article-json.ts';
import { resolveArticlePath } from './content-article-paths.ts';
import { type ContentDeps, jsonCacheKey, jsonContextOf, limitQuery, nextCursor, notModified, serveJson } from './content-cache.ts';
import { cursors } from '../cursors.ts';
import { articleFields, type FieldSelection, pickFields, selectFields } from './content-fields.ts';
import { CommentJson, commentJson } from './content-json.ts';
import { resolveFilterSlug, slugQuery } from './content-slugs.ts';
import { problemResponses } from '../problem-details.ts';

const messages = {
  notFound: 'There is no published article with this id.',
  notAtPath: 'There is no published article at this address.',
  badTime: 'updated_since must be a date (2026-11-27) or a time with its offset (2026-11-27T09:30:00Z, 2026-11-27T10:30:00+01:00).',
};

const tags = ['Content'];
const perPage = { articles: 20, comments: 50 };

const ArticleListQuery = Type.Object({
  section: Type.Optional(slugQuery('Only articles in this section (its slug).')),
  tag: Type.Optional(slugQuery('Only articles with this tag (its slug).')),
  author: Type.Optional(slugQuery('Only articles bylined to this author (their slug).')),
  updated_since: Type.Optional(
    Type.String({
      maxLength: 64,
      description: 'Only articles changed at or after this time: a date, or a time with its offset.',
      examples: ['2026-11-27T09:30:00Z'],
    }),
  ),
  limit: limitQuery(perPage.articles),
  cursor: Type.Optional(Type.String({ description: 'The `next` of the previous page.' })),
  fields: Type.Optional(
    Type.String({
      maxLength: 1000,
      description: `Fields each entry carries, separated by commas; \`id\` always. Any of: ${articleFields.join(', ')}. Without it, an ArticleSummary's.`,
      examples: ['id,headline,url'],
    }),
  ),
});
type ArticleListQuery = Static<typeof ArticleListQuery>;

const IdParams = rowIdParams('id');
type IdParams = Static<typeof IdParams>;

const PathQuery = Type.Object({
  path: Type.String({ minLength: 1, maxLength: 2000, description: 'The address of its page, e.g. /world/harbour-reopens, or the whole URL.' }),
});

const CommentsQuery = Type.Object({
  limit: limitQuery(perPage.comments),
  cursor: Type.Optional(Type.String({ description: 'The `next` of the previous page.' })),
});
type CommentsQuery = Static<typeof CommentsQuery>;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** A date is its first instant in UTC; a time must say its offset, or it would name different instants on different servers. */
function parseInstant(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const text = isoDay.test(value) ? `${value}T00:00:00Z` : isoTime.test(value) ? value : undefined;
  const date = text === undefined ? undefined : new Date(text);
  if (!date || Number.isNaN(date.getTime()) || !isRealDay(value.slice(0, 10))) throw new BadRequestError(messages.badTime);
  return date;
}

/** JavaScript reads "2026-02-30" as 2 March; a day that does not print back as written does not exist. */
function isRealDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

async function filtersOf(deps: ContentDeps, query: ArticleListQuery, updatedSince: Date | undefined): Promise<PublishedFilters> {
  const { db } = deps;
  const [sectionId, tagId, authorId] = await Promise.all([
    query.section === undefined ? undefined : resolveFilterSlug(db, 'section', query.section),
    query.tag === undefined ? undefined : resolveFilterSlug(db, 'tag', query.tag),
    query.author === undefined ? undefined : resolveFilterSlug(db, 'author', query.author),
  ]);
  return {
    ...(sectionId === undefined ? {} : { sectionId }),
    ...(tagId === undefined ? {} : { tagId }),
    ...(authorId === undefined ? {} : { authorId }),
    ...(updatedSince ? { updatedSince } : {}),
  };
}

/** Any change to an article or to which articles are published drops a list (every such change names `scope:all`). */
function listTags(filters: PublishedFilters, summaries: readonly ArticleSummary[]): ContentTag[] {
  return [
    contentTags.settings,
    contentTags.scope({ kind: 'all' }),
    ...(filters.sectionId === undefined ? [] : [contentTags.section(filters.sectionId)]),
    ...(filters.tagId === undefined ? [] : [contentTags.tag(filters.tagId)]),
    ...(filters.authorId === undefined ? [] : [contentTags.author(filters.authorId)]),
    ...tagsOfSummaries(summaries),
  ];
}

/**
 * One page of the list, read whole only when a field asked for needs it. One more than `limit` is
 * read, to know whether another page follows.
 */
async function readArticlePage(db: Db, selection: FieldSelection, options: PublishedPageOptions, context: JsonContext) {
  const { limit } = options;
  const read = { ...options, limit: limit + 1 };
  if (selection.whole) {
    const articles = await listPublishedArticlesPage(db, read);
    const shown = articles.slice(0, limit);
    return {
      shown,
      more: articles.length > limit,
      entries: shown.map((article) => pickFields(articleJson(article, context), selection)),
      tags: shown.flatMap((article) => article.tags.map((tag) => contentTags.tag(tag.id))),
    };
  }
  const summaries = await listPublishedSummariesPage(db, read);
  const shown = summaries.slice(0, limit);
  return { shown, more: summaries.length > limit, entries: shown.map((summary) => pickFields(articleSummaryJson(summary, context), selection)), tags: [] };
}

function articleTags(article: PublishedArticle): ContentTag[] {
  return [contentTags.settings, ...tagsOfSummaries([article]), ...article.tags.map((tag) => contentTags.tag(tag.id))];
}

/** Published articles: the list, one by id or by its page's address, and its approved comments. */
export const contentArticleRoutes: FastifyPluginAsync<ContentDeps> = async (app, deps) => {
  const { db, site } = deps;

  app.get<{ Querystring: ArticleListQuery }>(
    '/articles',
    {
      ...pageCacheRoute,
      schema: {
        tags,
        summary: 'List published articles',
        description: 'Newest first. Filters combine. Pages follow `next`, which stays right while new articles are published: none is repeated or skipped.',
        querystring: ArticleListQuery,
        response: {
          200: Type.Object({ articles: Type.Array(Type.Ref(ArticleListEntryJson)), next: nextCursor }),
          ...notModified,
          ...problemResponses(400, 429),
        },
      },
    },
    async (request, reply) => {
      const { query } = request;
      const limit = query.limit ?? perPage.articles;
      const selection = selectFields(query.fields);
      const after = query.cursor === undefined ? undefined : cursors.articles.decode(query.cursor);
      const updatedSince = parseInstant(query.updated_since);
      const key = jsonCacheKey('/articles', {
        section: query.section,
        tag: query.tag,
        author: query.author,
        updated_since: updatedSince?.toISOString(),
        limit,
        cursor: after ? cursors.articles.encode(after) : undefined,
        fields: selection.fields.join(','),
      });
      return serveJson(request, reply, deps, key, async () => {
        const filters = await filtersOf(deps, query, updatedSince);
        const options = { filters, now: site.clock.now(), limit, ...(after ? { after: { publishedAt: after.at, id: after.id } } : {}) };
        const { shown, more, entries, tags: wholeTags } = await readArticlePage(db, selection, options, jsonContextOf(site));
        const last = shown.at(-1);
        const next = more && last ? cursors.articles.encode({ at: last.publishedAt, id: last.id }) : null;
        return { data: { articles: entries, next }, tags: [...listTags(filters, shown), ...wholeTags] };
      });
    },
  );

  const serveArticle = (request: FastifyRequest, reply: FastifyReply, id: number) =>
    serveJson(request, reply, deps, jsonCacheKey(`/articles/${id}`), async () => {
      const article = await findPublishedArticleById(db, id, site.clock.now());
      if (!article) throw new NotFoundError(messages.notFound);
      return { data: articleJson(article, jsonContextOf(site)), tags: articleTags(article) };
    });

  app.get<{ Querystring: Static<typeof PathQuery> }>(
    '/articles/by-path',
    {
      ...pageCacheRoute,
      schema: {
        tags,
        summary: 'Get a published article by the address of its page',
        description: 'Found as the site finds it: an old address (a changed slug or section, an imported site’s) finds the article it now leads to.',
        querystring: PathQuery,
        response: { 200: Type.Ref(ArticleJson), ...notModified, ...problemResponses(404, 429) },
      },
    },
    async (request, reply) => {
      const id = await resolveArticlePath(deps, request.query.path);
      if (id === undefined) throw new NotFoundError(messages.notAtPath);
      return serveArticle(request, reply, id);
    },
  );

  app.get<{ Params: IdParams }>(
    '/articles/:id',
    {
      ...pageCacheRoute,
      schema: {
        tags,
        summary: 'Get a published article',
        description: 'A draft, a scheduled or a trashed article is not found (404).',
        params: IdParams,
        response: { 200: Type.Ref(ArticleJson), ...notModified, ...problemResponses(404, 429) },
      },
    },
    async (request, reply) => serveArticle(request, reply, request.params.id),
  );

  app.get<{ Params: IdParams; Querystring: CommentsQuery }>(
    '/articles/:id/comments',
    {
      ...pageCacheRoute,
      schema: {
        tags,
        summary: "List a published article's approved comments",
        description: 'Oldest first, as the page threads them: a reply names the comment it answers in `parentId`.',
        params: IdParams,
        querystring: CommentsQuery,
        response: { 200: Type.Object({ comments: Type.Array(Type.Ref(CommentJson)), next: nextCursor }), ...notModified, ...problemResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const limit = request.query.limit ?? perPage.comments;
      const after = request.query.cursor === undefined ? undefined : cursors.comments.decode(request.query.cursor);
      const key = jsonCacheKey(`/articles/${id}/comments`, { limit, cursor: after ? cursors.comments.encode(after) : undefined });
      return serveJson(request, reply, deps, key, async () => {
        const [article] = await listPublishedSummariesByIds(db, [id], site.clock.now());
        if (!article) throw new NotFoundError(messages.notFound);
        const comments = await listApprovedCommentsPage(db, id, { limit: limit + 1, ...(after ? { after: { createdAt: after.at, id: after.id } } : {}) });
        const shown = comments.slice(0, limit);
        const last = shown.at(-1);
        const next = comments.length > limit && last ? cursors.comments.encode({ at: last.createdAt, id: last.id }) : null;
        return { data: { comments: shown.map(commentJson), next }, tags: [contentTags.article(id)] };
      });
    },
  );
};
