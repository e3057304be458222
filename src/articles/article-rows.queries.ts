import { type ExpressionBuilder, sql } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { preparedQuery } from '../db/prepared-queries.ts';
import { toCount, toDate, toDateOrNull, toTimestamp } from '../db/row-values.ts';
import { loadCorrectionsByArticle } from './corrections.queries.ts';
import {
  type Article,
  type ArticleImage,
  type ArticleScope,
  type ArticleSummary,
  type AuthorRef,
  isPublished,
  type PublishedArticle,
  type SectionRef,
  type TagRef,
} from './article.ts';
import { constant } from '../db/constant.ts';

// How an article is read: the one select, its joins, and the mapping of its rows to Article, ArticleSummary
// and their bylines, tags and corrections. articles.queries.ts and published-collections.queries.ts build
// their lists on these.

export function baseArticleQuery(db: Db) {
  return db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .leftJoin('media', 'media.id', 'articles.featured_media_id')
    .leftJoin('media as social', 'social.id', 'articles.social_image_id');
}

export type ArticleQuery = ReturnType<typeof baseArticleQuery>;

/** What every article listing shows beside the headline: its section and its featured photo. */
export const sectionAndFeaturedPhotoColumns = [
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

/**
 * Lists of teasers leave the body out (`body: false`). The article page leaves the comment count out
 * (`commentCount: false`, read as 0): its comment section keeps that number, and counting it here read
 * every approved comment's index entry at each render (4.5 ms for an article with 58,094 comments).
 */
export function selectArticleColumns(query: ArticleQuery, { body = true, commentCount = true }: { body?: boolean; commentCount?: boolean } = {}) {
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
      .select((eb) => {
        const approved = eb
          .selectFrom('comments')
          .select((inner) => inner.fn.countAll<number | string>().as('count'))
          .whereRef('comments.article_id', '=', 'articles.id')
          .where('comments.status', '=', 'approved');
        // Left out, the count is taken over no rows: both databases see the constant and read none.
        return (commentCount ? approved : approved.where(sql<boolean>`false`)).as('comment_count');
      })
  );
}

export type ArticleRow = Awaited<ReturnType<ReturnType<typeof selectArticleColumns>['executeTakeFirstOrThrow']>>;

type ArticleRowsQuery = ReturnType<typeof selectArticleColumns>;

const rowQueries = new WeakMap<Db, { readonly whole: ArticleRowsQuery; readonly lean: ArticleRowsQuery; readonly uncounted: ArticleRowsQuery }>();

/**
 * The article rows query, its joins and columns chosen, made once for each database handle: Kysely
 * builds a query anew at each call, and parsing these columns, joins and the comment count took 47 µs of
 * the article query's 70 µs of building and compiling, more than SQLite takes to answer it. A builder never
 * changes, so each caller's `.where` makes a query of its own from the one kept.
 */
export function articleRows(db: Db, { body = true, commentCount = true }: { body?: boolean; commentCount?: boolean } = {}): ArticleRowsQuery {
  let made = rowQueries.get(db);
  if (!made) {
    made = {
      whole: selectArticleColumns(baseArticleQuery(db)),
      lean: selectArticleColumns(baseArticleQuery(db), { body: false }),
      uncounted: selectArticleColumns(baseArticleQuery(db), { commentCount: false }),
    };
    rowQueries.set(db, made);
  }
  // Only the article page leaves the count out, and it reads the whole row.
  if (!commentCount) return made.uncounted;
  return body ? made.whole : made.lean;
}

/** `isPublished` as SQL, so lists and counts are cut in the database. */
export function publishedBy(now: Date) {
  return publishedAsOf(toTimestamp(now));
}

/** `publishedBy` with the moment already a timestamp, as a prepared query takes it. */
export function publishedAsOf(timestamp: string) {
  return (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb.and([eb('articles.status', '=', constant('published')), eb('articles.published_at', '<=', timestamp)]);
}

export function sectionFromRow(row: Pick<ArticleRow, 'section_id' | 'section_slug' | 'section_name'>): SectionRef | null {
  return row.section_id === null || row.section_slug === null || row.section_name === null
    ? null
    : { id: row.section_id, slug: row.section_slug, name: row.section_name };
}

export function imageFromRow(row: Pick<ArticleRow, Extract<keyof ArticleRow, `media_${string}`>>): ArticleImage | null {
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

export function articleRowToArticle(row: ArticleRow, authors: readonly AuthorRef[], tags: readonly TagRef[]): Article {
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

const authorsOfArticles = preparedQuery((db, articleIds: readonly number[]) =>
  db
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.id', 'article_authors.author_id')
    .select(['article_authors.article_id', 'authors.id', 'authors.slug', 'authors.name', 'authors.job_title'])
    .where('article_authors.article_id', 'in', articleIds)
    .orderBy('article_authors.article_id')
    .orderBy('article_authors.position'),
);

export async function loadAuthorsByArticle(db: Db, articleIds: readonly number[]): Promise<Map<number, AuthorRef[]>> {
  const byArticle = new Map<number, AuthorRef[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await authorsOfArticles(db, articleIds);
  for (const row of rows) {
    const list = byArticle.get(row.article_id) ?? [];
    list.push({ id: row.id, slug: row.slug, name: row.name, jobTitle: row.job_title });
    byArticle.set(row.article_id, list);
  }
  return byArticle;
}

const tagsOfArticles = preparedQuery((db, articleIds: readonly number[]) =>
  db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['article_tags.article_id', 'tags.id', 'tags.slug', 'tags.name'])
    .where('article_tags.article_id', 'in', articleIds)
    .orderBy('article_tags.article_id')
    .orderBy('article_tags.position'),
);

async function loadTagsByArticle(db: Db, articleIds: readonly number[]): Promise<Map<number, TagRef[]>> {
  const byArticle = new Map<number, TagRef[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await tagsOfArticles(db, articleIds);
  for (const row of rows) {
    const list = byArticle.get(row.article_id) ?? [];
    list.push({ id: row.id, slug: row.slug, name: row.name });
    byArticle.set(row.article_id, list);
  }
  return byArticle;
}

export async function withRelations(db: Db, rows: readonly ArticleRow[]): Promise<Article[]> {
  const ids = rows.map((row) => row.id);
  const [authors, tags, corrections] = await Promise.all([loadAuthorsByArticle(db, ids), loadTagsByArticle(db, ids), loadCorrectionsByArticle(db, ids)]);
  return rows.map((row) => ({
    ...articleRowToArticle(row, authors.get(row.id) ?? [], tags.get(row.id) ?? []),
    corrections: corrections.get(row.id) ?? [],
  }));
}

export function toSummary(article: PublishedArticle): ArticleSummary {
  const { id, slug, headline, standfirst, section, authors, image, publishedAt, updatedAt, commentCount, language } = article;
  return { id, slug, headline, standfirst, section, authors, image, publishedAt, updatedAt, commentCount, language };
}

export function applyScope(query: ArticleQuery, scope: ArticleScope): ArticleQuery {
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

/** Teasers of rows read without their bodies: a summary shows bylines, not tags or corrections. */
export async function summariesOf(db: Db, rows: readonly ArticleRow[], now: Date): Promise<ArticleSummary[]> {
  const authors = await loadAuthorsByArticle(
    db,
    rows.map((row) => row.id),
  );
  return rows
    .map((row) => articleRowToArticle(row, authors.get(row.id) ?? [], []))
    .filter((article) => isPublished(article, now))
    .map(toSummary);
}
