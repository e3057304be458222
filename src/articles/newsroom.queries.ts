import type { ExpressionBuilder } from 'kysely';
import type { Database, Db } from '../db/database.ts';
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
  /** An edit to the live article waits for an editor's review. */
  readonly changePending: boolean;
}

/** Which of the newsroom's lists: the working list, live articles with a change waiting for review, or the trash. */
export type NewsroomView = 'articles' | 'changes' | 'trash';

/** Whose articles a list may name: every one, or one person's own plus what readers can already see. */
export type NewsroomListScope = { readonly kind: 'everything' } | { readonly kind: 'own-and-published'; readonly userId: number };

function waitingChange(eb: ExpressionBuilder<Database, 'articles'>) {
  return eb.exists(
    eb
      .selectFrom('article_pending_changes')
      .select('article_pending_changes.id')
      .whereRef('article_pending_changes.article_id', '=', 'articles.id')
      .where('article_pending_changes.state', '=', 'pending'),
  );
}

/**
 * The rows a list holds, before paging. The scope is part of the query, so a headline outside it
 * never leaves the database: not in a row, a count or a page number.
 */
function newsroomArticles(db: Db, view: NewsroomView, scope: NewsroomListScope) {
  let query = db.selectFrom('articles').where('articles.trashed_at', view === 'trash' ? 'is not' : 'is', null);
  if (view === 'changes') query = query.where(waitingChange);
  if (scope.kind === 'own-and-published') {
    const { userId } = scope;
    query = query.where((eb) =>
      eb.or([eb('articles.created_by', '=', userId), eb.and([eb('articles.status', '=', 'published'), eb('articles.trashed_at', 'is', null)])]),
    );
  }
  return query;
}

/** Every article in any state, most recently edited first: the newsroom's working list; or the trash, most recently trashed first. */
export async function listNewsroomArticles(
  db: Db,
  options: { view: NewsroomView; scope: NewsroomListScope; limit: number; offset: number },
): Promise<NewsroomArticleRow[]> {
  const rows = await newsroomArticles(db, options.view, options.scope)
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select([
      'articles.id',
      'articles.headline',
      'articles.slug',
      'articles.status',
      'articles.updated_at',
      'articles.published_at',
      'sections.name as section_name',
      'sections.slug as section_slug',
      'articles.created_by',
      'articles.review_requested_at',
      'articles.trashed_at',
    ])
    .select((eb) => waitingChange(eb).as('change_pending'))
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
    // SQLite answers 0/1, PostgreSQL a boolean.
    changePending: Boolean(row.change_pending),
  }));
}

export async function countNewsroomArticles(db: Db, view: NewsroomView, scope: NewsroomListScope): Promise<number> {
  const row = await newsroomArticles(db, view, scope)
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow();
  return toCount(row.count);
}

export async function setArticleCreator(db: Db, id: number, userId: number): Promise<void> {
  await db.updateTable('articles').set({ created_by: userId }).where('id', '=', id).execute();
}

export async function setReviewRequested(db: Db, id: number, at: Date | null): Promise<void> {
  await db
    .updateTable('articles')
    .set({ review_requested_at: at ? toTimestamp(at) : null })
    .where('id', '=', id)
    .execute();
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
  const rows = await db.selectFrom('articles').select('id').where('status', '=', 'scheduled').where('published_at', '<=', toTimestamp(now)).execute();
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

/** The names of these sections, bylines, tags or photos (a photo by its file name); deleted ones are left out. */
export async function findNames(db: Db, table: 'sections' | 'authors' | 'tags' | 'media', ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows =
    table === 'media'
      ? await db.selectFrom('media').select(['id', 'original_name as name']).where('id', 'in', ids).execute()
      : await db.selectFrom(table).select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Published articles with these ids, in the order given; any that are not (or no longer) published are left out. */

/** Marks an article as changed now, e.g. when a correction is appended to it. */
export async function touchArticle(db: Db, id: number, now: Date): Promise<void> {
  await db
    .updateTable('articles')
    .set({ updated_at: toTimestamp(now) })
    .where('id', '=', id)
    .execute();
}
