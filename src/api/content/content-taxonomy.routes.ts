import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { type CollectionCount, listPublishedCollectionCounts } from '../../articles/index.ts';
import { listAuthorsByIds } from '../../authors/index.ts';
import { NotFoundError } from '../../errors.ts';
import { type ContentTag, contentTags } from '../../platform/content-changes.ts';
import { pageCacheRoute } from '../../platform/page-cache.ts';
import { slugParams } from '../../platform/route-schemas.ts';
import { listSections } from '../../sections/index.ts';
import { listTagsByIds } from '../../tags/index.ts';
import { type ContentDeps, jsonCacheKey, jsonContextOf, limitQuery, nextCursor, notModified, serveJson } from './content-cache.ts';
import { cursors } from '../cursors.ts';
import { AuthorInfoJson, authorInfoJson, SectionInfoJson, sectionInfoJson, TagInfoJson, tagInfoJson } from './content-json.ts';
import { findAuthorAt, findSectionAt, findTagAt } from './content-slugs.ts';
import { problemResponses } from '../problem-details.ts';

// Sections, tags and authors appear once they have a published article: one made for a draft (a
// tag naming an embargoed story) says nothing before the story is out.

const messages = {
  section: 'There is no section with published articles at this slug.',
  tag: 'There is no tag with published articles at this slug.',
  author: 'There is no author with published articles at this slug.',
};

const tags = ['Content'];
const SlugParams = slugParams('slug');
type SlugParams = Static<typeof SlugParams>;
const perPage = 50;
const PageQuery = Type.Object({ limit: limitQuery(perPage), cursor: Type.Optional(Type.String({ description: 'The `next` of the previous page.' })) });
type PageQuery = Static<typeof PageQuery>;

/** Every change that could add one, drop one or change a count names `scope:all`; a rename names the entity. */
const listedTags = (entityTag: (id: number) => ContentTag, ids: readonly number[]): ContentTag[] => [contentTags.scope({ kind: 'all' }), ...ids.map(entityTag)];

function byId<T extends { id: number }>(items: readonly T[]): Map<number, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** One page of tags or authors by slug: `limit` + 1 are read to know whether another page follows. */
async function countsPage(deps: ContentDeps, kind: 'tag' | 'author', query: PageQuery) {
  const limit = query.limit ?? perPage;
  const afterSlug = query.cursor === undefined ? undefined : (kind === 'tag' ? cursors.tags : cursors.authors).decode(query.cursor);
  const counts = await listPublishedCollectionCounts(deps.db, kind, {
    now: deps.site.clock.now(),
    limit: limit + 1,
    ...(afterSlug === undefined ? {} : { afterSlug }),
  });
  const shown = counts.slice(0, limit);
  const last = shown.at(-1);
  const next = counts.length > limit && last ? (kind === 'tag' ? cursors.tags : cursors.authors).encode(last.slug) : null;
  return { shown, next };
}

async function countOf(deps: ContentDeps, kind: 'section' | 'tag' | 'author', id: number): Promise<CollectionCount | undefined> {
  return (await listPublishedCollectionCounts(deps.db, kind, { now: deps.site.clock.now(), ids: [id] }))[0];
}

/** The sections, tags and authors readers can find articles under. */
export const contentTaxonomyRoutes: FastifyPluginAsync<ContentDeps> = async (app, deps) => {
  const { db, site } = deps;
  const context = () => jsonContextOf(site);

  app.get(
    '/sections',
    {
      ...pageCacheRoute,
      schema: {
        tags,
        summary: 'List sections',
        description: 'Those with published articles, in the order of the site’s navigation.',
        response: { 200: Type.Object({ sections: Type.Array(Type.Ref(SectionInfoJson)) }), ...notModified, ...problemResponses(429) },
      },
    },
    async (request, reply) =>
      serveJson(request, reply, deps, jsonCacheKey('/sections'), async () => {
        const counts = byId(await listPublishedCollectionCounts(db, 'section', { now: site.clock.now() }));
        const sections = (await listSections(db)).filter((section) => counts.has(section.id));
        return {
          data: { sections: sections.map((section) => sectionInfoJson(section, counts.get(section.id)!.articleCount, context())) },
          tags: listedTags(
            contentTags.section,
            sections.map((section) => section.id),
          ),
        };
      }),
  );

  app.get<{ Params: SlugParams }>(
    '/sections/:slug',
    {
      ...pageCacheRoute,
      schema: {
        tags,
        summary: 'Get a section',
        params: SlugParams,
        response: { 200: Type.Ref(SectionInfoJson), ...notModified, ...problemResponses(404, 429) },
      },
    },
    async (request, reply) =>
      serveJson(request, reply, deps, jsonCacheKey(`/sections/${request.params.slug}`), async () => {
        const section = await findSectionAt(db, request.params.slug);
        const count = section && (await countOf(deps, 'section', section.id));
        if (!section || !count) throw new NotFoundError(messages.section);
        return { data: sectionInfoJson(section, count.articleCount, context()), tags: listedTags(contentTags.section, [section.id]) };
      }),
  );

  app.get<{ Querystring: PageQuery }>(
    '/tags',
    {
      ...pageCacheRoute,
      schema: {
        tags,
        summary: 'List tags',
        description: 'Those with published articles, by slug.',
        querystring: PageQuery,
        response: { 200: Type.Object({ tags: Type.Array(Type.Ref(TagInfoJson)), next: nextCursor }), ...notModified, ...problemResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const { limit = perPage, cursor } = request.query;
      const key = jsonCacheKey('/tags', { limit, cursor: cursor === undefined ? undefined : cursors.tags.encode(cursors.tags.decode(cursor)) });
      return serveJson(request, reply, deps, key, async () => {
        const { shown, next } = await countsPage(deps, 'tag', request.query);
        const found = byId(
          await listTagsByIds(
            db,
            shown.map((count) => count.id),
          ),
        );
        const entries = shown.flatMap((count) => {
          const tag = found.get(count.id);
          return tag ? [tagInfoJson(tag, count.articleCount, context())] : [];
        });
        return {
          data: { tags: entries, next },
          tags: listedTags(
            contentTags.tag,
            shown.map((count) => count.id),
          ),
        };
      });
    },
  );

  app.get<{ Params: SlugParams }>(
    '/tags/:slug',
    {
      ...pageCacheRoute,
      schema: { tags, summary: 'Get a tag', params: SlugParams, response: { 200: Type.Ref(TagInfoJson), ...notModified, ...problemResponses(404, 429) } },
    },
    async (request, reply) =>
      serveJson(request, reply, deps, jsonCacheKey(`/tags/${request.params.slug}`), async () => {
        const tag = await findTagAt(db, request.params.slug);
        const count = tag && (await countOf(deps, 'tag', tag.id));
        if (!tag || !count) throw new NotFoundError(messages.tag);
        return { data: tagInfoJson(tag, count.articleCount, context()), tags: listedTags(contentTags.tag, [tag.id]) };
      }),
  );

  app.get<{ Querystring: PageQuery }>(
    '/authors',
    {
      ...pageCacheRoute,
      schema: {
        tags,
        summary: 'List authors',
        description: 'Those with published articles, by slug.',
        querystring: PageQuery,
        response: { 200: Type.Object({ authors: Type.Array(Type.Ref(AuthorInfoJson)), next: nextCursor }), ...notModified, ...problemResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const { limit = perPage, cursor } = request.query;
      const key = jsonCacheKey('/authors', { limit, cursor: cursor === undefined ? undefined : cursors.authors.encode(cursors.authors.decode(cursor)) });
      return serveJson(request, reply, deps, key, async () => {
        const { shown, next } = await countsPage(deps, 'author', request.query);
        const found = byId(
          await listAuthorsByIds(
            db,
            shown.map((count) => count.id),
          ),
        );
        const authors = shown.flatMap((count) => {
          const author = found.get(count.id);
          return author ? [{ author, count }] : [];
        });
        return {
          data: { authors: authors.map(({ author, count }) => authorInfoJson(author, count.articleCount, context())), next },
          tags: [
            ...listedTags(
              contentTags.author,
              shown.map((count) => count.id),
            ),
            ...authors.flatMap(({ author }) => (author.photo ? [contentTags.media(author.photo.id)] : [])),
          ],
        };
      });
    },
  );

  app.get<{ Params: SlugParams }>(
    '/authors/:slug',
    {
      ...pageCacheRoute,
      schema: {
        tags,
        summary: 'Get an author',
        params: SlugParams,
        response: { 200: Type.Ref(AuthorInfoJson), ...notModified, ...problemResponses(404, 429) },
      },
    },
    async (request, reply) =>
      serveJson(request, reply, deps, jsonCacheKey(`/authors/${request.params.slug}`), async () => {
        const author = await findAuthorAt(db, request.params.slug);
        const count = author && (await countOf(deps, 'author', author.id));
        if (!author || !count) throw new NotFoundError(messages.author);
        return {
          data: authorInfoJson(author, count.articleCount, context()),
          tags: [...listedTags(contentTags.author, [author.id]), ...(author.photo ? [contentTags.media(author.photo.id)] : [])],
        };
      }),
  );
};
