import type { Db } from '../db/database.ts';
import { preparedQuery } from '../db/prepared-queries.ts';
import { toCount, toDate, toTimestamp } from '../db/row-values.ts';
import type { Article, ArticleIndexEntry, ArticleScope, ArticleSummary, PublishedArticle } from './article.ts';
import { isPublished } from './article.ts';
import {
  type ArticleRow,
  applyScope,
  articleRows,
  baseArticleQuery,
  imageFromRow,
  publishedAsOf,
  publishedBy,
  sectionAndFeaturedPhotoColumns,
  sectionFromRow,
  selectArticleColumns,
  summariesOf,
  withRelations,
} from './article-rows.queries.ts';

export async function findArticleById(db: Db, id: number): Promise<Article | undefined> {
  const row = await articleRows(db).where('articles.id', '=', id).executeTakeFirst();
  return row ? (await withRelations(db, [row]))[0] : undefined;
}

const publishedRowsBySlug = preparedQuery((db, slug: string, asOf: string) => articleRows(db).where(publishedAsOf(asOf)).where('articles.slug', '=', slug));
const publishedUncountedRowsBySlug = preparedQuery((db, slug: string, asOf: string) =>
  articleRows(db, { commentCount: false }).where(publishedAsOf(asOf)).where('articles.slug', '=', slug),
);

/** `countComments: false` leaves `commentCount` at 0, for a caller that has the number from elsewhere (the article page's comment section). */
export async function findPublishedArticleBySlug(db: Db, slug: string, now: Date, { countComments = true } = {}): Promise<PublishedArticle | undefined> {
  const [row] = await (countComments ? publishedRowsBySlug : publishedUncountedRowsBySlug)(db, slug, toTimestamp(now));
  if (!row) return undefined;
  const [article] = await withRelations(db, [row]);
  return article && isPublished(article, now) ? article : undefined;
}

interface PublishedListOptions {
  readonly scope: ArticleScope;
  readonly now: Date;
  readonly limit: number;
  readonly offset?: number;
  readonly excludeIds?: readonly number[];
}

/**
 * The page's ids first, then their rows: page 5,000 of a section skips 60,000 entries of an index, rather
 * than 60,000 whole rows each with its photo, section and comment count, which the database would build
 * before it could drop them. (The unused joins of the first query are removed by the planner.)
 */
async function newestPublishedRows(db: Db, options: PublishedListOptions, columns: { body: boolean }): Promise<ArticleRow[]> {
  const page = await newestPublishedIds(db, options);
  if (page.length === 0) return [];
  const ids = page.map((row) => row.id);
  const asOf = toTimestamp(options.now);
  const rows = await (columns.body ? publishedRowsByIds(db, ids, asOf) : publishedLeanRowsByIds(db, ids, asOf));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return page.flatMap((row) => byId.get(row.id) ?? []);
}

const publishedLeanRowsByIds = preparedQuery((db, ids: readonly number[], asOf: string) =>
  articleRows(db, { body: false }).where(publishedAsOf(asOf)).where('articles.id', 'in', ids),
);
const publishedRowsByIds = preparedQuery((db, ids: readonly number[], asOf: string) =>
  articleRows(db, { body: true }).where(publishedAsOf(asOf)).where('articles.id', 'in', ids),
);

export type LinkScope = Extract<ArticleScope, { kind: 'tag' | 'author' }>;

/**
 * A tag's or an author's published articles, from its links: their `listed_at` (the article's published_at
 * while it is published, kept by triggers) and its index put them in order without reading an article.
 */
export function listedLinks(db: Db, scope: LinkScope, asOf: string) {
  const links =
    scope.kind === 'tag'
      ? db.selectFrom('article_tags as link').where('link.tag_id', '=', scope.tagId)
      : db.selectFrom('article_authors as link').where('link.author_id', '=', scope.authorId);
  return links.where('link.listed_at', 'is not', null).where('link.listed_at', '<=', asOf);
}

/**
 * The site's or a section's published articles, from the articles table alone: with the joins of
 * baseArticleQuery, even unused, PostgreSQL passed over the partial listing indexes and counted a
 * quarter-million-article section by scanning the whole table.
 */
export function publishedInScope(db: Db, scope: Exclude<ArticleScope, LinkScope>, asOf: string) {
  const published = db.selectFrom('articles').where(publishedAsOf(asOf));
  return scope.kind === 'section' ? published.where('articles.section_id', '=', scope.sectionId) : published;
}

function newestLinkedIds(links: ReturnType<typeof listedLinks>, exclude: readonly number[], limit: number, offset: number) {
  return (exclude.length > 0 ? links.where('link.article_id', 'not in', exclude) : links)
    .select('link.article_id as id')
    .orderBy('link.listed_at', 'desc')
    .orderBy('link.article_id', 'desc')
    .limit(limit)
    .offset(offset);
}

function newestInScope(published: ReturnType<typeof publishedInScope>, exclude: readonly number[], limit: number, offset: number) {
  return (exclude.length > 0 ? published.where('articles.id', 'not in', exclude) : published)
    .select('articles.id')
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .offset(offset);
}

const newestIds = {
  tag: preparedQuery((db, tagId: number, asOf: string, exclude: readonly number[], limit: number, offset: number) =>
    newestLinkedIds(listedLinks(db, { kind: 'tag', tagId }, asOf), exclude, limit, offset),
  ),
  author: preparedQuery((db, authorId: number, asOf: string, exclude: readonly number[], limit: number, offset: number) =>
    newestLinkedIds(listedLinks(db, { kind: 'author', authorId }, asOf), exclude, limit, offset),
  ),
  section: preparedQuery((db, sectionId: number, asOf: string, exclude: readonly number[], limit: number, offset: number) =>
    newestInScope(publishedInScope(db, { kind: 'section', sectionId }, asOf), exclude, limit, offset),
  ),
  all: preparedQuery((db, asOf: string, exclude: readonly number[], limit: number, offset: number) =>
    newestInScope(publishedInScope(db, { kind: 'all' }, asOf), exclude, limit, offset),
  ),
};

/** The ids of the newest published articles in a scope, newest first: a list's page before its rows are read. */
export function newestPublishedIds(db: Db, options: PublishedListOptions): Promise<{ id: number }[]> {
  const { scope, limit } = options;
  const asOf = toTimestamp(options.now);
  const exclude = options.excludeIds ?? [];
  const offset = options.offset ?? 0;
  switch (scope.kind) {
    case 'tag':
      return newestIds.tag(db, scope.tagId, asOf, exclude, limit, offset);
    case 'author':
      return newestIds.author(db, scope.authorId, asOf, exclude, limit, offset);
    case 'section':
      return newestIds.section(db, scope.sectionId, asOf, exclude, limit, offset);
    case 'all':
      return newestIds.all(db, asOf, exclude, limit, offset);
  }
}

/** The newest published articles in a scope, whole (body and tags included), newest first. */
export async function listPublishedArticles(db: Db, options: PublishedListOptions): Promise<PublishedArticle[]> {
  const rows = await newestPublishedRows(db, options, { body: true });
  return (await withRelations(db, rows)).filter((article) => isPublished(article, options.now));
}

/** The newest published articles in a scope, newest first. */
export async function listPublishedSummaries(db: Db, options: PublishedListOptions): Promise<ArticleSummary[]> {
  return summariesOf(db, await newestPublishedRows(db, options, { body: false }), options.now);
}

export async function countPublished(db: Db, scope: ArticleScope, now: Date): Promise<number> {
  const row = await (scope.kind === 'tag' || scope.kind === 'author'
    ? listedLinks(db, scope, toTimestamp(now)).select((eb) => eb.fn.countAll().as('count'))
    : publishedInScope(db, scope, toTimestamp(now)).select((eb) => eb.fn.countAll().as('count'))
  ).executeTakeFirstOrThrow();
  return toCount(row.count);
}

/**
 * Published articles whose publication time falls in [from, before), oldest first (the order
 * sitemap parts are cut in). Lean rows without bodies or bylines, as a sitemap may list thousands.
 */
export async function listArticleIndexEntries(
  db: Db,
  options: { now: Date; from: Date; before?: Date; page?: { limit: number; offset: number } },
): Promise<ArticleIndexEntry[]> {
  let query = baseArticleQuery(db).where(publishedBy(options.now)).where('articles.published_at', '>=', toTimestamp(options.from));
  if (options.before) query = query.where('articles.published_at', '<', toTimestamp(options.before));
  if (options.page) query = query.limit(options.page.limit).offset(options.page.offset);
  const rows = await query
    .select(['articles.id', 'articles.slug', 'articles.headline', 'articles.published_at', 'articles.updated_at', ...sectionAndFeaturedPhotoColumns])
    .orderBy('articles.published_at')
    .orderBy('articles.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    section: sectionFromRow(row),
    image: imageFromRow(row),
    publishedAt: toDate(row.published_at ?? row.updated_at),
    updatedAt: toDate(row.updated_at),
  }));
}

/** When every published article was published and last changed, oldest first: enough to plan the sitemaps. */
export async function listPublicationTimes(db: Db, now: Date): Promise<{ publishedAt: Date; updatedAt: Date }[]> {
  const rows = await db
    .selectFrom('articles')
    .where(publishedBy(now))
    .select(['articles.published_at', 'articles.updated_at'])
    .orderBy('articles.published_at')
    .orderBy('articles.id')
    .execute();
  return rows.map((row) => ({ publishedAt: toDate(row.published_at ?? row.updated_at), updatedAt: toDate(row.updated_at) }));
}

/** The article that used to live at /{sectionSlug}/{slug}, if any did. */
export async function findArticleIdBySlugHistory(db: Db, sectionSlug: string, slug: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('article_slug_history')
    .select('article_id')
    .where('section_slug', '=', sectionSlug)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.article_id;
}

/** A published article by its id, whole; undefined for a draft, a scheduled or a trashed one. */
export async function findPublishedArticleById(db: Db, id: number, now: Date): Promise<PublishedArticle | undefined> {
  const row = await articleRows(db).where(publishedBy(now)).where('articles.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [article] = await withRelations(db, [row]);
  return article && isPublished(article, now) ? article : undefined;
}

/** A place in the newest-first order of published articles: the article a page of them ended with. */
export interface PublishedPosition {
  readonly publishedAt: Date;
  readonly id: number;
}

/** What a page of published articles is narrowed to; every filter given applies. */
export interface PublishedFilters {
  readonly sectionId?: number;
  readonly tagId?: number;
  readonly authorId?: number;
  /** Last changed at or after this time. */
  readonly updatedSince?: Date;
}

export interface PublishedPageOptions {
  readonly filters: PublishedFilters;
  readonly now: Date;
  readonly limit: number;
  /** The position the previous page ended at; the page starts with the next older article. */
  readonly after?: PublishedPosition;
}

/**
 * Keyset pagination over (published_at, id), newest first: an article published while a reader
 * pages through sits before every position already handed out, so it never shifts a later page.
 */
function publishedPageRows(db: Db, options: PublishedPageOptions, columns: { body: boolean }): Promise<ArticleRow[]> {
  const { filters, now, after } = options;
  let query = baseArticleQuery(db).where(publishedBy(now)).where('articles.trashed_at', 'is', null);
  if (filters.sectionId !== undefined) query = applyScope(query, { kind: 'section', sectionId: filters.sectionId });
  if (filters.tagId !== undefined) query = applyScope(query, { kind: 'tag', tagId: filters.tagId });
  if (filters.authorId !== undefined) query = applyScope(query, { kind: 'author', authorId: filters.authorId });
  if (filters.updatedSince) query = query.where('articles.updated_at', '>=', toTimestamp(filters.updatedSince));
  if (after) {
    const at = toTimestamp(after.publishedAt);
    query = query.where((eb) =>
      eb.or([eb('articles.published_at', '<', at), eb.and([eb('articles.published_at', '=', at), eb('articles.id', '<', after.id)])]),
    );
  }
  return selectArticleColumns(query, columns).orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc').limit(options.limit).execute();
}

/** A page of published articles, whole (body, tags and corrections included), newest first. */
export async function listPublishedArticlesPage(db: Db, options: PublishedPageOptions): Promise<PublishedArticle[]> {
  const rows = await publishedPageRows(db, options, { body: true });
  return (await withRelations(db, rows)).filter((article) => isPublished(article, options.now));
}

/** A page of published articles as lists show them, newest first. */
export async function listPublishedSummariesPage(db: Db, options: PublishedPageOptions): Promise<ArticleSummary[]> {
  return summariesOf(db, await publishedPageRows(db, options, { body: false }), options.now);
}

export async function listPublishedSummariesByIds(db: Db, ids: readonly number[], now: Date): Promise<ArticleSummary[]> {
  if (ids.length === 0) return [];
  const rows = await publishedLeanRowsByIds(db, ids, toTimestamp(now));
  const byId = new Map((await summariesOf(db, rows, now)).map((summary) => [summary.id, summary]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const publishedHeadlinesByIds = preparedQuery((db, ids: readonly number[], asOf: string) =>
  db.selectFrom('articles').select(['id', 'headline', 'standfirst', 'published_at']).where(publishedAsOf(asOf)).where('articles.id', 'in', ids),
);

/** The headline, standfirst and publication time of those of these articles that are published: what related stories are ranked by. */
export async function listPublishedHeadlinesByIds(
  db: Db,
  ids: readonly number[],
  now: Date,
): Promise<{ id: number; headline: string; standfirst: string; publishedAt: Date }[]> {
  if (ids.length === 0) return [];
  const rows = await publishedHeadlinesByIds(db, ids, toTimestamp(now));
  return rows.flatMap((row) =>
    row.published_at === null ? [] : [{ id: row.id, headline: row.headline, standfirst: row.standfirst, publishedAt: toDate(row.published_at) }],
  );
}

/** How many of a tag's newest articles are weighed as related: a rare tag offers all of its own, a tag of 250,000 its newest. */
const relatedWindowPerTag = 200;

/** Each tag's newest articles but `excludeId`, as one statement: a top-N for each tag joined with UNION ALL. */
function tagWindows(db: Db, tagIds: readonly number[], excludeId: number, asOf: string) {
  const [first, ...rest] = tagIds.map((tagId) =>
    db
      .selectFrom(
        listedLinks(db, { kind: 'tag', tagId }, asOf)
          .select(['link.article_id as id', 'link.listed_at'])
          .where('link.article_id', '!=', excludeId)
          .orderBy('link.listed_at', 'desc')
          .orderBy('link.article_id', 'desc')
          .limit(relatedWindowPerTag)
          .as('tag_window'),
      )
      .selectAll(),
  );
  if (!first) throw new RangeError('tag windows of no tag');
  return rest.reduce((union, window) => union.unionAll(window), first);
}

/**
 * The windows' articles with their tags in common, counted, ordered and cut in the same statement: sending
 * a thousand candidates' ids back as parameters cost an archive article page 1.4 ms in SQLite, and a
 * statement of its own for each number of candidates; reading all of them back to order them here, half
 * a millisecond more, most of it turning their times into dates.
 */
const candidatesSharingTags = preparedQuery((db, tagIds: readonly number[], excludeId: number, asOf: string, limit: number) =>
  db
    .with('candidate', () => tagWindows(db, tagIds, excludeId, asOf))
    .selectFrom('candidate')
    .select((eb) => [
      'candidate.id',
      eb
        .selectFrom('article_tags as common')
        .select((inner) => inner.fn.countAll().as('count'))
        .whereRef('common.article_id', '=', 'candidate.id')
        .where('common.tag_id', 'in', tagIds)
        .as('shared'),
    ])
    .groupBy('candidate.id')
    .orderBy('shared', 'desc')
    .orderBy((eb) => eb.fn.max('candidate.listed_at'), 'desc')
    .orderBy('candidate.id', 'desc')
    .limit(limit),
);

/**
 * Published articles sharing at least one of these tags, most tags in common first, then newest. The
 * candidates are each tag's newest articles (from its listing index), so an article with a tag of a
 * quarter of the archive weighs 200 of them, not the whole quarter; their tags in common are then counted
 * exactly. The windows are read in one statement, a top-N for each tag joined with UNION ALL (each wrapped
 * in a `select *`, as SQLite takes no ORDER BY or LIMIT on a part of a compound select).
 */
export async function listArticlesSharingTags(
  db: Db,
  options: { tagIds: readonly number[]; excludeId: number; now: Date; limit: number },
): Promise<{ id: number; sharedTags: number }[]> {
  if (options.tagIds.length === 0) return [];
  const rows = await candidatesSharingTags(db, options.tagIds, options.excludeId, toTimestamp(options.now), options.limit);
  return rows.map((row) => ({ id: row.id, sharedTags: toCount(row.shared) }));
}

/** Published and scheduled articles after `afterId` in id order, whole: what search indexes. */
export async function listIndexableArticles(db: Db, options: { afterId: number; limit: number }): Promise<Article[]> {
  const rows = await articleRows(db)
    .where('articles.status', '!=', 'draft')
    .where('articles.id', '>', options.afterId)
    .orderBy('articles.id')
    .limit(options.limit)
    .execute();
  return withRelations(db, rows);
}
