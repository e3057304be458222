import { type ExpressionBuilder, sql } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { toCount, toDate, toDateOrNull, toTimestamp } from '../db/row-values.ts';
import type {
  Article,
  ArticleImage,
  ArticleScope,
  ArticleStatus,
  ArticleSummary,
  AuthorRef,
  PublishedArticle,
  SectionRef,
  TagRef,
} from './article.ts';

function baseArticleQuery(db: Db) {
  return db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .leftJoin('media', 'media.id', 'articles.featured_media_id');
}

type ArticleQuery = ReturnType<typeof baseArticleQuery>;

function selectArticleColumns(query: ArticleQuery) {
  return query.select([
    'articles.id',
    'articles.slug',
    'articles.status',
    'articles.headline',
    'articles.standfirst',
    'articles.dateline',
    'articles.body_html',
    'articles.seo_title',
    'articles.seo_description',
    'articles.created_at',
    'articles.updated_at',
    'articles.published_at',
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
  ]);
}

type ArticleRow = Awaited<ReturnType<ReturnType<typeof selectArticleColumns>['executeTakeFirstOrThrow']>>;

function isPublishedBy(now: Date) {
  return (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb.and([eb('articles.status', '=', 'published'), eb('articles.published_at', '<=', toTimestamp(now))]);
}

function sectionFromRow(row: ArticleRow): SectionRef | null {
  return row.section_id === null || row.section_slug === null || row.section_name === null
    ? null
    : { id: row.section_id, slug: row.section_slug, name: row.section_name };
}

function imageFromRow(row: ArticleRow): ArticleImage | null {
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
    authors,
    tags,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    publishedAt: toDateOrNull(row.published_at),
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
  const [authors, tags] = await Promise.all([loadAuthorsByArticle(db, ids), loadTagsByArticle(db, ids)]);
  return rows.map((row) => articleRowToArticle(row, authors.get(row.id) ?? [], tags.get(row.id) ?? []));
}

function toSummary(article: Article): ArticleSummary {
  const { id, slug, headline, standfirst, section, authors, image, publishedAt, updatedAt } = article;
  return { id, slug, headline, standfirst, section, authors, image, publishedAt: publishedAt ?? updatedAt, updatedAt };
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
        eb
          .selectFrom('article_authors')
          .select('article_authors.article_id')
          .where('article_authors.author_id', '=', scope.authorId),
      );
  }
}

export async function findArticleById(db: Db, id: number): Promise<Article | undefined> {
  const row = await selectArticleColumns(baseArticleQuery(db)).where('articles.id', '=', id).executeTakeFirst();
  return row ? (await withRelations(db, [row]))[0] : undefined;
}

export async function findPublishedArticleBySlug(db: Db, slug: string, now: Date): Promise<PublishedArticle | undefined> {
  const row = await selectArticleColumns(baseArticleQuery(db).where(isPublishedBy(now)))
    .where('articles.slug', '=', slug)
    .executeTakeFirst();
  if (!row) return undefined;
  const [article] = await withRelations(db, [row]);
  return article as PublishedArticle;
}

/** The newest published articles in a scope, newest first. */
export async function listPublishedSummaries(
  db: Db,
  options: { scope: ArticleScope; now: Date; limit: number; offset?: number; excludeIds?: readonly number[] },
): Promise<ArticleSummary[]> {
  let query = applyScope(baseArticleQuery(db).where(isPublishedBy(options.now)), options.scope);
  if (options.excludeIds && options.excludeIds.length > 0) query = query.where('articles.id', 'not in', options.excludeIds);
  const rows = await selectArticleColumns(query)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
  return (await withRelations(db, rows)).map(toSummary);
}

export async function countPublished(db: Db, scope: ArticleScope, now: Date): Promise<number> {
  const row = await applyScope(baseArticleQuery(db).where(isPublishedBy(now)), scope)
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow();
  return toCount(row.count);
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

export interface ArticleRowInput {
  readonly slug: string;
  readonly sectionId: number | null;
  readonly status: ArticleStatus;
  readonly headline: string;
  readonly standfirst: string;
  readonly dateline: string;
  readonly bodyHtml: string;
  readonly featuredMediaId: number | null;
  readonly seoTitle: string | null;
  readonly seoDescription: string | null;
  readonly publishedAt: Date | null;
}

function rowValues(input: ArticleRowInput) {
  return {
    slug: input.slug,
    section_id: input.sectionId,
    status: input.status,
    headline: input.headline,
    standfirst: input.standfirst,
    dateline: input.dateline,
    body_html: input.bodyHtml,
    featured_media_id: input.featuredMediaId,
    seo_title: input.seoTitle,
    seo_description: input.seoDescription,
    published_at: input.publishedAt ? toTimestamp(input.publishedAt) : null,
  };
}

export async function insertArticle(db: Db, input: ArticleRowInput, now: Date): Promise<number> {
  const row = await db
    .insertInto('articles')
    .values({ ...rowValues(input), created_at: toTimestamp(now), updated_at: toTimestamp(now) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateArticleRow(db: Db, id: number, input: ArticleRowInput, now: Date): Promise<void> {
  await db
    .updateTable('articles')
    .set({ ...rowValues(input), updated_at: toTimestamp(now) })
    .where('id', '=', id)
    .execute();
}

export async function replaceArticleAuthors(db: Db, articleId: number, authorIds: readonly number[]): Promise<void> {
  await db.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
  if (authorIds.length === 0) return;
  await db
    .insertInto('article_authors')
    .values(authorIds.map((authorId, position) => ({ article_id: articleId, author_id: authorId, position })))
    .execute();
}

export async function replaceArticleTags(db: Db, articleId: number, tagIds: readonly number[]): Promise<void> {
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  if (tagIds.length === 0) return;
  await db
    .insertInto('article_tags')
    .values(tagIds.map((tagId, position) => ({ article_id: articleId, tag_id: tagId, position })))
    .execute();
}

/** Remembers an old address; if another article used it before, the newest owner wins. */
export async function recordSlugHistory(db: Db, articleId: number, sectionSlug: string, slug: string, now: Date): Promise<void> {
  await db
    .insertInto('article_slug_history')
    .values({ article_id: articleId, section_slug: sectionSlug, slug, created_at: toTimestamp(now) })
    .onConflict((oc) => oc.columns(['section_slug', 'slug']).doUpdateSet({ article_id: articleId, created_at: toTimestamp(now) }))
    .execute();
}

export async function isSlugTaken(db: Db, slug: string, exceptArticleId?: number): Promise<boolean> {
  let query = db.selectFrom('articles').select(sql<number>`1`.as('taken')).where('slug', '=', slug);
  if (exceptArticleId !== undefined) query = query.where('id', '!=', exceptArticleId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function setPublicationState(
  db: Db,
  id: number,
  state: { status: ArticleStatus; publishedAt: Date | null; updatedAt: Date },
): Promise<void> {
  await db
    .updateTable('articles')
    .set({
      status: state.status,
      published_at: state.publishedAt ? toTimestamp(state.publishedAt) : null,
      updated_at: toTimestamp(state.updatedAt),
    })
    .where('id', '=', id)
    .execute();
}
