import type { Db } from '../db/database.ts';
import { toDate, toTimestamp } from '../db/row-values.ts';
import type { Sentence } from '../errors.ts';
import type { CommentableArticle, CommentOutline, PublicComment } from './comment.ts';
import type { CommentStatus } from './comment.table.ts';
import { constant } from '../db/constant.ts';

/** Reads a shared secret, making it on first use; every instance on the database ends up with the same one. */
export async function readOrCreateSecret(db: Db, name: string, fresh: string): Promise<string> {
  await db
    .insertInto('site_secrets')
    .values({ name, value: fresh })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('site_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}

/** A published article readers can see now, with what deciding on comments needs. */
export async function findCommentableArticle(db: Db, articleId: number, now: Date): Promise<CommentableArticle | undefined> {
  const row = await db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select([
      'articles.id',
      'articles.slug',
      'articles.headline',
      'articles.published_at',
      'articles.comments_open',
      'articles.language',
      'sections.slug as section_slug',
    ])
    .where('articles.id', '=', articleId)
    .where('articles.status', '=', constant('published'))
    .where('articles.published_at', '<=', toTimestamp(now))
    .executeTakeFirst();
  if (!row || row.published_at === null) return undefined;
  return {
    id: row.id,
    slug: row.slug,
    sectionSlug: row.section_slug,
    headline: row.headline,
    publishedAt: toDate(row.published_at),
    commentsOpen: Number(row.comments_open) === 1,
    language: row.language,
  };
}

/** The columns a reader may see of a comment (never its email or address), as the page shows them. */
export interface PublicCommentRow {
  readonly id: number;
  readonly article_id: number;
  readonly parent_id: number | null;
  readonly author_name: string;
  readonly author_website: string;
  readonly staff_user_id: number | null;
  readonly body: string;
  readonly created_at: Date | string;
}

export function publicCommentOf(row: PublicCommentRow, status: PublicComment['status']): PublicComment {
  return {
    id: row.id,
    articleId: row.article_id,
    parentId: row.parent_id,
    authorName: row.author_name,
    authorWebsite: row.author_website,
    isStaff: row.staff_user_id !== null,
    body: row.body,
    createdAt: toDate(row.created_at),
    status,
  };
}

/** An article's newest approved comments, newest first (its comment feed). Selects no private column. */
export async function listNewestApprovedComments(db: Db, articleId: number, limit: number): Promise<PublicComment[]> {
  const rows = await db
    .selectFrom('comments')
    .select(['id', 'article_id', 'parent_id', 'author_name', 'author_website', 'staff_user_id', 'body', 'created_at'])
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => publicCommentOf(row, 'approved'));
}

/**
 * Where each of an article's approved comments (and those of `pendingIds`) hangs, oldest first: all that
 * threading and paging need, so an article with 20,000 comments reads 20,000 short rows, and only the
 * page's own comments whole (listPublicCommentsByIds).
 */
export async function listCommentOutline(db: Db, articleId: number, pendingIds: readonly number[] = []): Promise<CommentOutline[]> {
  const rows = await db
    .selectFrom('comments')
    .select(['id', 'parent_id', 'status'])
    .where('article_id', '=', articleId)
    .where((eb) =>
      pendingIds.length > 0
        ? eb.or([eb('status', '=', 'approved'), eb.and([eb('status', '=', 'pending'), eb('id', 'in', [...pendingIds])])])
        : eb('status', '=', 'approved'),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, parentId: row.parent_id, status: row.status === 'pending' ? 'pending' : 'approved' }));
}

/** The comments of `outline` (from listCommentOutline: approved, or the reader's own pending ones) whole, by id. */
export async function listPublicCommentsByIds(db: Db, articleId: number, outline: readonly CommentOutline[]): Promise<Map<number, PublicComment>> {
  if (outline.length === 0) return new Map();
  const statusOf = new Map(outline.map((comment) => [comment.id, comment.status]));
  const rows = await db
    .selectFrom('comments')
    .select(['id', 'article_id', 'parent_id', 'author_name', 'author_website', 'staff_user_id', 'body', 'created_at'])
    .where('article_id', '=', articleId)
    .where('id', 'in', [...statusOf.keys()])
    .where('status', 'in', ['approved', 'pending'])
    .execute();
  return new Map(rows.map((row) => [row.id, publicCommentOf(row, statusOf.get(row.id) ?? 'approved')]));
}

/** Where a page of comments ended: the last comment it held, oldest first. */
export interface CommentPosition {
  readonly createdAt: Date;
  readonly id: number;
}

/**
 * A page of one article's approved comments, oldest first, starting after `after` (keyset, so a
 * comment approved meanwhile never shifts a later page). A reply keeps its parent only when the
 * parent is shown too, as the page threads it. Selects no private column.
 */
export async function listApprovedCommentsPage(
  db: Db,
  articleId: number,
  options: { readonly limit: number; readonly after?: CommentPosition },
): Promise<PublicComment[]> {
  const { after } = options;
  let query = db
    .selectFrom('comments')
    .leftJoin('comments as parent', (join) => join.onRef('parent.id', '=', 'comments.parent_id').on('parent.status', '=', 'approved'))
    .select([
      'comments.id',
      'comments.article_id',
      'parent.id as parent_id',
      'comments.author_name',
      'comments.author_website',
      'comments.staff_user_id',
      'comments.body',
      'comments.created_at',
    ])
    .where('comments.article_id', '=', articleId)
    .where('comments.status', '=', 'approved');
  if (after) {
    const at = toTimestamp(after.createdAt);
    query = query.where((eb) => eb.or([eb('comments.created_at', '>', at), eb.and([eb('comments.created_at', '=', at), eb('comments.id', '>', after.id)])]));
  }
  const rows = await query.orderBy('comments.created_at').orderBy('comments.id').limit(options.limit).execute();
  return rows.map((row) => publicCommentOf(row, 'approved'));
}

/** Of `ids`, those belonging to `articleId` and still pending: what a commenter's browser may be shown. */
export async function filterPendingCommentIds(db: Db, articleId: number, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('comments')
    .select('id')
    .where('article_id', '=', articleId)
    .where('status', '=', 'pending')
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((row) => row.id);
}

export interface NewCommentRow {
  readonly articleId: number;
  readonly parentId: number | null;
  readonly status: CommentStatus;
  readonly authorName: string;
  readonly authorEmail: string;
  readonly authorWebsite: string;
  readonly staffUserId: number | null;
  readonly body: string;
  readonly spamScore: number | null;
  /** Stored as JSON: phrases (`{ key, values }`) from the spam checks, plain strings from elsewhere. */
  readonly spamReasons: readonly Sentence[];
  readonly ipAddress: string | null;
  readonly userAgent: string | null;
  readonly replyAlertsRequested: boolean;
  readonly createdAt: Date;
  /** What the learning filter was taught from it, when that is decided as it is stored (an imported comment). */
  readonly trainedAs?: 'spam' | 'ham' | null;
}

export async function insertComment(db: Db, row: NewCommentRow): Promise<number> {
  const at = toTimestamp(row.createdAt);
  const inserted = await db
    .insertInto('comments')
    .values({
      article_id: row.articleId,
      parent_id: row.parentId,
      status: row.status,
      author_name: row.authorName,
      author_email: row.authorEmail,
      author_website: row.authorWebsite,
      staff_user_id: row.staffUserId,
      body: row.body,
      spam_score: row.spamScore,
      spam_reasons: JSON.stringify(row.spamReasons),
      ip_address: row.ipAddress,
      user_agent: row.userAgent,
      reply_alerts: row.replyAlertsRequested ? 'unconfirmed' : 'off',
      trained_as: row.trainedAs ?? null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** The comment a reply answers, if it is on the same article and visible. */
export async function findReplyTarget(db: Db, articleId: number, parentId: number): Promise<{ id: number; parentId: number | null } | undefined> {
  const row = await db
    .selectFrom('comments')
    .select(['id', 'parent_id'])
    .where('id', '=', parentId)
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return row ? { id: row.id, parentId: row.parent_id } : undefined;
}

/** The chain of parents above a comment, nearest first, to find how deep a reply would sit. */
export async function listAncestorIds(db: Db, commentId: number, limit: number): Promise<number[]> {
  const ancestors: number[] = [];
  let current: number | null = commentId;
  while (current !== null && ancestors.length < limit) {
    const row: { parent_id: number | null } | undefined = await db.selectFrom('comments').select('parent_id').where('id', '=', current).executeTakeFirst();
    current = row?.parent_id ?? null;
    if (current !== null) ancestors.push(current);
  }
  return ancestors;
}

/** The same text from the same email on the same article lately: a double submit or a flood. */
export async function hasRecentDuplicate(db: Db, candidate: { articleId: number; email: string; body: string; since: Date }): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where('article_id', '=', candidate.articleId)
    .where('author_email', '=', candidate.email)
    .where('body', '=', candidate.body)
    .where('created_at', '>=', toTimestamp(candidate.since))
    .executeTakeFirst();
  return row !== undefined;
}

/** The commenter to tell about a reply, if they confirmed "Email me replies" and are not its author. */
export async function findReplyAlertRecipient(
  db: Db,
  parentId: number,
  replyId: number,
): Promise<{ commentId: number; email: string; name: string } | undefined> {
  const parent = await db
    .selectFrom('comments')
    .select(['id', 'author_email', 'author_name'])
    .where('id', '=', parentId)
    .where('reply_alerts', '=', 'on')
    .where('status', '=', 'approved')
    .executeTakeFirst();
  if (!parent || parent.author_email === '') return undefined;
  const reply = await db.selectFrom('comments').select('author_email').where('id', '=', replyId).executeTakeFirst();
  if (reply?.author_email === parent.author_email) return undefined;
  return { commentId: parent.id, email: parent.author_email, name: parent.author_name };
}

/**
 * Confirms (only from "asked for", so an old confirmation link cannot undo an unsubscribe) or stops
 * one comment's reply alerts; undefined when the comment is gone.
 */
export async function setReplyAlerts(db: Db, commentId: number, state: 'on' | 'off'): Promise<{ articleId: number } | undefined> {
  let update = db.updateTable('comments').set({ reply_alerts: state }).where('id', '=', commentId);
  if (state === 'on') update = update.where('reply_alerts', '=', 'unconfirmed');
  await update.execute();
  const row = await db.selectFrom('comments').select('article_id').where('id', '=', commentId).executeTakeFirst();
  return row ? { articleId: row.article_id } : undefined;
}

/** An editor opens or closes one article's comments; false when there is no such article. */
export async function setArticleCommentsOpen(db: Db, articleId: number, open: boolean): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set({ comments_open: open ? 1 : 0 })
    .where('id', '=', articleId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
