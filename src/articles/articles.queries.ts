import { type ExpressionBuilder, sql } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { toCount, toDate, toDateOrNull, toTimestamp } from '../db/row-values.ts';
import { loadCorrectionsByArticle } from './corrections.queries.ts';
import {
  type Article,
  type ArticleImage,
  type ArticleIndexEntry,
  type ArticleScope,
  type ArticleSummary,
  type AuthorRef,
  isPublished,
  type PublishedArticle,
  type PublishedCollection,
  type SectionRef,
  type TagRef,
} from './article.ts';

function baseArticleQuery(db: Db) {
  return db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .leftJoin('media', 'media.id', 'articles.featured_media_id')
    .leftJoin('media as social', 'social.id', 'articles.social_image_id');
}

type ArticleQuery = ReturnType<typeof baseArticleQuery>;

/** What every article listing shows beside the headline: its section and its featured photo. */
const sectionAndFeaturedPhotoColumns = [
  'sections.id as section_id',
  'sections.slug as section_slug',
  'sections.name as section_name',
  'media.id as media_id',
  'media.storage_key as media_storage_key',
  'media.width as media_width',
  'media.height as media_height',
  'media.alt as media_alt',
  'media.caption as media_caption',
  'media.credit as media_credit',
] as const;

/** Lists of teasers leave the body out (`body: false`): reading it costs more than the rest of the row. */
function selectArticleColumns(query: ArticleQuery, { body = true }: { body?: boolean } = {}) {
  return (
    query
      .select([
        'articles.id',
        'articles.slug',
        'articles.status',
        'articles.headline',
        'articles.standfirst',
        'articles.dateline',
        body ? 'articles.body_html' : sql<string>`''`.as('body_html'),
        'articles.seo_title',
        'articles.seo_description',
        'articles.created_at',
        'articles.updated_at',
        'articles.published_at',
        'articles.created_by',
        'articles.review_requested_at',
        'articles.version',
        'articles.kind',
        'articles.comments_open',
        'articles.language',
        ...sectionAndFeaturedPhotoColumns,
        'articles.trashed_at',
        'articles.pinned_at',
        'social.id as social_id',
        'social.storage_key as social_storage_key',
        'social.width as social_width',
        'social.height as social_height',
        'social.alt as social_alt',
        'social.caption as social_caption',
        'social.credit as social_credit',
      ])
      // Readers see the count on the article and in lists; the index on (article_id, status) answers it alone.
      .select((eb) =>
        eb
          .selectFrom('comments')
          .select((inner) => inner.fn.countAll<number | string>().as('count'))
          .whereRef('comments.article_id', '=', 'articles.id')
          .where('comments.status', '=', 'approved')
          .as('comment_count'),
      )
  );
}

type ArticleRow = Awaited<ReturnType<ReturnType<typeof selectArticleColumns>['executeTakeFirstOrThrow']>>;

/** `isPublished` as SQL, so lists and counts are cut in the database. */
function publishedBy(now: Date) {
  return (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb.and([eb('articles.status', '=', 'published'), eb('articles.published_at', '<=', toTimestamp(now))]);
}

function sectionFromRow(row: Pick<ArticleRow, 'section_id' | 'section_slug' | 'section_name'>): SectionRef | null {
  return row.section_id === null || row.section_slug === null || row.section_name === null
    ? null
    : { id: row.section_id, slug: row.section_slug, name: row.section_name };
}

function imageFromRow(row: Pick<ArticleRow, Extract<keyof ArticleRow, `media_${string}`>>): ArticleImage | null {
  if (row.media_id === null || row.media_storage_key === null) return null;
  return {
    id: row.media_id,
    storageKey: row.media_storage_key,
    width: row.media_width ?? 0,
    height: row.media_height ?? 0,
    alt: row.media_alt ?? '',
    caption: row.media_caption ?? '',
    credit: row.media_credit ?? '',
  };
}

function articleRowToArticle(row: ArticleRow, authors: readonly AuthorRef[], tags: readonly TagRef[]): Article {
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    headline: row.headline,
    standfirst: row.standfirst,
    dateline: row.dateline,
    bodyHtml: row.body_html,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    section: sectionFromRow(row),
    image: imageFromRow(row),
    socialImage: imageFromRow({
      media_id: row.social_id,
      media_storage_key: row.social_storage_key,
      media_width: row.social_width,
      media_height: row.social_height,
      media_alt: row.social_alt,
      media_caption: row.social_caption,
      media_credit: row.social_credit,
    }),
    authors,
    tags,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    publishedAt: toDateOrNull(row.published_at),
    createdBy: row.created_by,
    reviewRequestedAt: toDateOrNull(row.review_requested_at),
    trashedAt: toDateOrNull(row.trashed_at),
    pinnedAt: toDateOrNull(row.pinned_at),
    version: row.version,
    kind: row.kind,
    commentsOpen: Number(row.comments_open) === 1,
    commentCount: toCount(row.comment_count),
    language: row.language,
    corrections: [],
  };
}

async function loadAuthorsByArticle(db: Db, articleIds: readonly number[]): Promise<Map<number, AuthorRef[]>> {
  const byArticle = new Map<number, AuthorRef[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await db
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.id', 'article_authors.author_id')
    .select(['article_authors.article_id', 'authors.id', 'authors.slug', 'authors.name', 'authors.job_title'])
    .where('article_authors.article_id', 'in', articleIds)
    .orderBy('article_authors.article_id')
    .orderBy('article_authors.position')
    .execute();
  for (const row of rows) {
    const list = byArticle.get(row.article_id) ?? [];
    list.push({ id: row.id, slug: row.slug, name: row.name, jobTitle: row.job_title });
    byArticle.set(row.article_id, list);
  }
  return byArticle;
}

async function loadTagsByArticle(db: Db, articleIds: readonly number[]): Promise<Map<number, TagRef[]>> {
  const byArticle = new Map<number, TagRef[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['article_tags.article_id', 'tags.id', 'tags.slug', 'tags.name'])
    .where('article_tags.article_id', 'in', articleIds)
    .orderBy('article_tags.article_id')
    .orderBy('article_tags.position')
    .execute();
  for (const row of rows) {
    const list = byArticle.get(row.article_id) ?? [];
    list.push({ id: row.id, slug: row.slug, name: row.name });
    byArticle.set(row.article_id, list);
  }
  return byArticle;
}

async function withRelations(db: Db, rows: readonly ArticleRow[]): Promise<Article[]> {
  const ids = rows.map((row) => row.id);
  const [authors, tags, corrections] = await Promise.all([loadAuthorsByArticle(db, ids), loadTagsByArticle(db, ids), loadCorrectionsByArticle(db, ids)]);
  return rows.map((row) => ({
    ...articleRowToArticle(row, authors.get(row.id) ?? [], tags.get(row.id) ?? []),
    corrections: corrections.get(row.id) ?? [],
  }));
}

function toSummary(article: PublishedArticle): ArticleSummary {
  const { id, slug, headline, standfirst, section, authors, image, publishedAt, updatedAt, commentCount, language } = article;
  return { id, slug, headline, standfirst, section, authors, image, publishedAt, updatedAt, commentCount, language };
}

function applyScope(query: ArticleQuery, scope: ArticleScope): ArticleQuery {
  switch (scope.kind) {
    case 'all':
      return query;
    case 'section':
      return query.where('articles.section_id', '=', scope.sectionId);
    case 'tag':
      return query.where('articles.id', 'in', (eb) =>
        eb.selectFrom('article_tags').select('article_tags.article_id').where('article_tags.tag_id', '=', scope.tagId),
      );
    case 'author':
      return query.where('articles.id', 'in', (eb) =>
        eb.selectFrom('article_authors').select('article_authors.article_id').where('article_authors.author_id', '=', scope.authorId),
      );
  }
}

export async function findArticleById(db: Db, id: number): Promise<Article | undefined> {
  const row = await selectArticleColumns(baseArticleQuery(db)).where('articles.id', '=', id).executeTakeFirst();
  return row ? (await withRelations(db, [row]))[0] : undefined;
}

export async function findPublishedArticleBySlug(db: Db, slug: string, now: Date): Promise<PublishedArticle | undefined> {
  const row = await selectArticleColumns(baseArticleQuery(db).where(publishedBy(now)))
    .where('articles.slug', '=', slug)
    .executeTakeFirst();
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

function newestPublishedRows(db: Db, options: PublishedListOptions, columns: { body: boolean }): Promise<ArticleRow[]> {
  let query = applyScope(baseArticleQuery(db).where(publishedBy(options.now)), options.scope);
  if (options.excludeIds && options.excludeIds.length > 0) query = query.where('articles.id', 'not in', options.excludeIds);
  return selectArticleColumns(query, columns)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
}

/** The newest published articles in a scope, whole (body and tags included), newest first. */
export async function listPublishedArticles(db: Db, options: PublishedListOptions): Promise<PublishedArticle[]> {
  const rows = await newestPublishedRows(db, options, { body: true });
  return (await withRelations(db, rows)).filter((article) => isPublished(article, options.now));
}

/** Teasers of rows read without their bodies: a summary shows bylines, not tags or corrections. */
async function summariesOf(db: Db, rows: readonly ArticleRow[], now: Date): Promise<ArticleSummary[]> {
  const authors = await loadAuthorsByArticle(
    db,
    rows.map((row) => row.id),
  );
  return rows
    .map((row) => articleRowToArticle(row, authors.get(row.id) ?? [], []))
    .filter((article) => isPublished(article, now))
    .map(toSummary);
}

/** The home page's lead: the published article pinned last, if an editor pinned one. */
export async function findPinnedLeadSummary(db: Db, now: Date): Promise<ArticleSummary | undefined> {
  const row = await db
    .selectFrom('articles')
    .select('id')
    .where(publishedBy(now))
    .where('articles.trashed_at', 'is', null)
    .where('articles.pinned_at', 'is not', null)
    .orderBy('articles.pinned_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? (await listPublishedSummariesByIds(db, [row.id], now))[0] : undefined;
}

/** The newest published articles in a scope, newest first. */
export async function listPublishedSummaries(db: Db, options: PublishedListOptions): Promise<ArticleSummary[]> {
  return summariesOf(db, await newestPublishedRows(db, options, { body: false }), options.now);
}

export async function countPublished(db: Db, scope: ArticleScope, now: Date): Promise<number> {
  const row = await applyScope(baseArticleQuery(db).where(publishedBy(now)), scope)
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow();
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

/** Published articles joined to the section, tags or authors they are filed under, as `entity`. */
function publishedWithCollections(db: Db, kind: 'section' | 'tag' | 'author', now: Date) {
  const published = db.selectFrom('articles').where(publishedBy(now));
  return kind === 'section'
    ? published.innerJoin('sections as entity', 'entity.id', 'articles.section_id')
    : kind === 'tag'
      ? published.innerJoin('article_tags', 'article_tags.article_id', 'articles.id').innerJoin('tags as entity', 'entity.id', 'article_tags.tag_id')
      : published
          .innerJoin('article_authors', 'article_authors.article_id', 'articles.id')
          .innerJoin('authors as entity', 'entity.id', 'article_authors.author_id');
}

/** Sections, tags or authors with at least one published article, by slug; the others have nothing to show. */
export async function listPublishedCollections(db: Db, kind: 'section' | 'tag' | 'author', now: Date): Promise<PublishedCollection[]> {
  const rows = await publishedWithCollections(db, kind, now)
    .select((eb) => ['entity.id', 'entity.slug', eb.fn.max('articles.updated_at').as('last_modified')])
    .groupBy(['entity.id', 'entity.slug'])
    .orderBy('entity.slug')
    .execute();
  return rows.map((row) => ({ id: row.id, slug: row.slug, lastModified: toDate(row.last_modified) }));
}

/** A section, tag or author with published articles, and how many. */
export interface CollectionCount {
  readonly id: number;
  readonly slug: string;
  readonly articleCount: number;
}

/**
 * Sections, tags or authors with published articles, by slug, each with how many: those after
 * `afterSlug`, at most `limit` (a page of a list), or only those of `ids`.
 */
export async function listPublishedCollectionCounts(
  db: Db,
  kind: 'section' | 'tag' | 'author',
  options: { now: Date; afterSlug?: string; limit?: number; ids?: readonly number[] },
): Promise<CollectionCount[]> {
  let query = publishedWithCollections(db, kind, options.now);
  if (options.afterSlug !== undefined) query = query.where('entity.slug', '>', options.afterSlug);
  if (options.ids) {
    if (options.ids.length === 0) return [];
    query = query.where('entity.id', 'in', options.ids);
  }
  const grouped = query
    .select((eb) => ['entity.id', 'entity.slug', eb.fn.countAll().as('count')])
    .groupBy(['entity.id', 'entity.slug'])
    .orderBy('entity.slug');
  const rows = await (options.limit === undefined ? grouped : grouped.limit(options.limit)).execute();
  return rows.map((row) => ({ id: row.id, slug: row.slug, articleCount: toCount(row.count) }));
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
  const row = await selectArticleColumns(baseArticleQuery(db).where(publishedBy(now)))
    .where('articles.id', '=', id)
    .executeTakeFirst();
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
  const rows = await selectArticleColumns(baseArticleQuery(db).where(publishedBy(now)).where('articles.id', 'in', ids), { body: false }).execute();
  const byId = new Map((await summariesOf(db, rows, now)).map((summary) => [summary.id, summary]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Published articles sharing at least one of these tags, most tags in common first, then newest. */
export async function listArticlesSharingTags(
  db: Db,
  options: { tagIds: readonly number[]; excludeId: number; now: Date; limit: number },
): Promise<{ id: number; sharedTags: number }[]> {
  if (options.tagIds.length === 0) return [];
  const rows = await db
    .selectFrom('article_tags')
    .innerJoin('articles', 'articles.id', 'article_tags.article_id')
    .select((eb) => ['articles.id', eb.fn.countAll().as('shared')])
    .where('article_tags.tag_id', 'in', options.tagIds)
    .where('articles.id', '!=', options.excludeId)
    .where(publishedBy(options.now))
    .groupBy(['articles.id', 'articles.published_at'])
    .orderBy('shared', 'desc')
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map((row) => ({ id: row.id, sharedTags: toCount(row.shared) }));
}

/** Published and scheduled articles after `afterId` in id order, whole: what search indexes. */
export async function listIndexableArticles(db: Db, options: { afterId: number; limit: number }): Promise<Article[]> {
  const rows = await selectArticleColumns(baseArticleQuery(db))
    .where('articles.status', '!=', 'draft')
    .where('articles.id', '>', options.afterId)
    .orderBy('articles.id')
    .limit(options.limit)
    .execute();
  return withRelations(db, rows);
}
