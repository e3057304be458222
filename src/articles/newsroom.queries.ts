import type { Db } from '../db/database.ts';
import { toCount, toDate, toDateOrNull, toTimestamp } from '../db/row-values.ts';
import type { ArticleStatus } from './article.table.ts';

// The newsroom's side of articles: working lists, authorship, review, revisions and scheduling.

export interface NewsroomArticleRow {
  readonly id: number;
  readonly headline: string;
  readonly slug: string;
  readonly status: ArticleStatus;
  readonly sectionName: string | null;
  readonly sectionSlug: string | null;
  readonly updatedAt: Date;
  readonly publishedAt: Date | null;
  readonly createdBy: number | null;
  readonly inReview: boolean;
  readonly trashedAt: Date | null;
}

/** Which of the newsroom's lists: the working list, or the trash. */
export type NewsroomView = 'articles' | 'trash';

/** Every article in any state, most recently edited first: the newsroom's working list; or the trash, most recently trashed first. */
export async function listNewsroomArticles(db: Db, options: { view: NewsroomView; limit: number; offset: number }): Promise<NewsroomArticleRow[]> {
  const rows = await db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select([
      'articles.id', 'articles.headline', 'articles.slug', 'articles.status', 'articles.updated_at', 'articles.published_at',
      'sections.name as section_name', 'sections.slug as section_slug', 'articles.created_by', 'articles.review_requested_at',
      'articles.trashed_at',
    ])
    .where('articles.trashed_at', options.view === 'trash' ? 'is not' : 'is', null)
    .orderBy(options.view === 'trash' ? 'articles.trashed_at' : 'articles.updated_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    headline: row.headline,
    slug: row.slug,
    status: row.status,
    sectionName: row.section_name,
    sectionSlug: row.section_slug,
    updatedAt: toDate(row.updated_at),
    publishedAt: toDateOrNull(row.published_at),
    createdBy: row.created_by,
    inReview: row.review_requested_at !== null,
    trashedAt: toDateOrNull(row.trashed_at),
  }));
}

export async function countNewsroomArticles(db: Db, view: NewsroomView): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('trashed_at', view === 'trash' ? 'is not' : 'is', null)
    .executeTakeFirstOrThrow();
  return toCount(row.count);
}

export async function setArticleCreator(db: Db, id: number, userId: number): Promise<void> {
  await db.updateTable('articles').set({ created_by: userId }).where('id', '=', id).execute();
}

export async function setReviewRequested(db: Db, id: number, at: Date | null): Promise<void> {
  await db.updateTable('articles').set({ review_requested_at: at ? toTimestamp(at) : null }).where('id', '=', id).execute();
}

export async function insertRevision(db: Db, revision: { articleId: number; savedAt: Date; savedBy: number | null; snapshot: unknown }): Promise<void> {
  await db
    .insertInto('article_revisions')
    .values({
      article_id: revision.articleId,
      saved_at: toTimestamp(revision.savedAt),
      saved_by: revision.savedBy,
      snapshot: JSON.stringify(revision.snapshot),
    })
    .execute();
}

export interface RevisionRow {
  readonly id: number;
  readonly savedAt: Date;
  readonly savedByName: string | null;
  readonly snapshot: unknown;
}

export async function listRevisions(db: Db, articleId: number): Promise<RevisionRow[]> {
  const rows = await db
    .selectFrom('article_revisions')
    .leftJoin('users', 'users.id', 'article_revisions.saved_by')
    .select(['article_revisions.id', 'article_revisions.saved_at', 'users.name', 'article_revisions.snapshot'])
    .where('article_revisions.article_id', '=', articleId)
    .orderBy('article_revisions.saved_at', 'desc')
    .orderBy('article_revisions.id', 'desc')
    .execute();
  return rows.map((row) => ({ id: row.id, savedAt: toDate(row.saved_at), savedByName: row.name, snapshot: JSON.parse(row.snapshot) as unknown }));
}

/** Published-or-scheduled articles whose time has come; the scheduler publishes them. */
export async function listDueScheduledIds(db: Db, now: Date): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', toTimestamp(now))
    .execute();
  return rows.map((row) => row.id);
}

/** When the next scheduled article is due, so the scheduler can sleep until then. */
export async function findNextScheduledTime(db: Db): Promise<Date | undefined> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.min('published_at').as('next'))
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return row?.next ? toDate(row.next) : undefined;
}

export async function findRevision(db: Db, articleId: number, revisionId: number): Promise<RevisionRow | undefined> {
  return (await listRevisions(db, articleId)).find((revision) => revision.id === revisionId);
}

/** Which of these ids still exist, so restoring an old revision never points at something deleted. */
export async function keepExistingIds(db: Db, table: 'sections' | 'authors' | 'tags' | 'media', ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
  const existing = new Set(rows.map((row) => row.id));
  return ids.filter((id) => existing.has(id));
}

/** Published articles with these ids, in the order given; any that are not (or no longer) published are left out. */

/** Marks an article as changed now, e.g. when a correction is appended to it. */
export async function touchArticle(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable('articles').set({ updated_at: toTimestamp(now) }).where('id', '=', id).execute();
}
