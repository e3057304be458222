import type { Db } from '../db/database.ts';
import { preparedQuery } from '../db/prepared-queries.ts';
import { toCount, toDate, toTimestamp } from '../db/row-values.ts';
import { type Sentence, storedPhrase } from '../errors.ts';
import type { ModeratedComment } from './comment.ts';
import type { BlockKind, CommentStatus } from './comment.table.ts';

function selectModerated(db: Db) {
  return db
    .selectFrom('comments')
    .innerJoin('articles', 'articles.id', 'comments.article_id')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select([
      'comments.id',
      'comments.article_id',
      'comments.parent_id',
      'comments.status',
      'comments.author_name',
      'comments.author_email',
      'comments.author_website',
      'comments.staff_user_id',
      'comments.body',
      'comments.spam_score',
      'comments.spam_reasons',
      'comments.ip_address',
      'comments.created_at',
      'articles.headline',
      'articles.slug',
      'sections.slug as section_slug',
    ]);
}

type ModeratedRow = Awaited<ReturnType<ReturnType<typeof selectModerated>['executeTakeFirstOrThrow']>>;

/** Only the spam checks' own sentences may come back from the column: a stored key cannot borrow another screen's words. */
const reasonPrefix = 'moderation.reason.';

/** One stored reason: an older row's sentence (or an importer's), shown as written, or a phrase of the spam checks; else nothing. */
function reasonFrom(item: unknown): Sentence | undefined {
  return typeof item === 'string' ? item : storedPhrase(item, reasonPrefix);
}

/**
 * Why a comment was held, from its `spam_reasons` column: a JSON array of English strings (rows from
 * before the reasons were phrases, and importers') and of `{ key, values }` phrases. The column is read
 * as data from anywhere (a restored or imported database), so whatever is not one of those is left out.
 */
export function reasonsFrom(json: string): Sentence[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.map(reasonFrom).filter((reason): reason is Sentence => reason !== undefined);
}

function toModeratedComment(row: ModeratedRow): ModeratedComment {
  return {
    id: row.id,
    articleId: row.article_id,
    parentId: row.parent_id,
    status: row.status,
    authorName: row.author_name,
    authorEmail: row.author_email,
    authorWebsite: row.author_website,
    isStaff: row.staff_user_id !== null,
    body: row.body,
    spamScore: row.spam_score === null ? null : Number(row.spam_score),
    spamReasons: reasonsFrom(row.spam_reasons),
    ipAddress: row.ip_address,
    createdAt: toDate(row.created_at),
    article: { id: row.article_id, headline: row.headline, slug: row.slug, sectionSlug: row.section_slug },
  };
}

export interface QueueFilter {
  readonly status?: CommentStatus;
  readonly email?: string;
  readonly articleId?: number;
  /** Only comments after this one in the queue's order (newest first): a page that stays put while others are moderated. */
  readonly after?: { readonly createdAt: Date; readonly id: number };
  readonly offset: number;
  readonly limit: number;
}

/** The moderation queue, newest first; by status, or every comment of one commenter. */
export async function listModeratedComments(db: Db, filter: QueueFilter): Promise<ModeratedComment[]> {
  let query = selectModerated(db);
  if (filter.status) query = query.where('comments.status', '=', filter.status);
  if (filter.email !== undefined) query = query.where('comments.author_email', '=', filter.email);
  if (filter.articleId !== undefined) query = query.where('comments.article_id', '=', filter.articleId);
  const after = filter.after;
  if (after) {
    const at = toTimestamp(after.createdAt);
    query = query.where((eb) => eb.or([eb('comments.created_at', '<', at), eb.and([eb('comments.created_at', '=', at), eb('comments.id', '<', after.id)])]));
  }
  const rows = await query.orderBy('comments.created_at', 'desc').orderBy('comments.id', 'desc').offset(filter.offset).limit(filter.limit).execute();
  return rows.map(toModeratedComment);
}

export async function findModeratedComment(db: Db, id: number): Promise<ModeratedComment | undefined> {
  const row = await selectModerated(db).where('comments.id', '=', id).executeTakeFirst();
  return row ? toModeratedComment(row) : undefined;
}

export async function countCommentsByStatus(db: Db, email?: string): Promise<Record<CommentStatus, number>> {
  let query = db
    .selectFrom('comments')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
    .groupBy('status');
  if (email !== undefined) query = query.where('author_email', '=', email);
  const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0, trash: 0 };
  for (const row of await query.execute()) counts[row.status] = toCount(row.count);
  return counts;
}

// Counted for every page of the newsroom a moderator opens, for its menu.
const pendingCount = preparedQuery((db) =>
  db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('status', '=', 'pending'),
);

export async function countPendingComments(db: Db): Promise<number> {
  const [row] = await pendingCount(db);
  return toCount(row?.count);
}

export interface StatusChange {
  readonly id: number;
  readonly articleId: number;
  readonly from: CommentStatus;
  readonly body: string;
  readonly authorName: string;
  readonly authorWebsite: string;
  readonly trainedAs: 'spam' | 'ham' | null;
  readonly authorEmail: string;
  readonly parentId: number | null;
}

/** Moves comments to a status; returns what each was before, so the caller can teach the spam filter and drop pages. */
export async function setCommentStatus(db: Db, ids: readonly number[], status: CommentStatus, by: number, at: Date): Promise<StatusChange[]> {
  if (ids.length === 0) return [];
  const before = await db
    .selectFrom('comments')
    .select(['id', 'article_id', 'status', 'body', 'author_name', 'author_website', 'trained_as', 'author_email', 'parent_id'])
    .where('id', 'in', [...ids])
    .execute();
  await db
    .updateTable('comments')
    .set({ status, moderated_at: toTimestamp(at), moderated_by: by, updated_at: toTimestamp(at) })
    .where('id', 'in', [...ids])
    .execute();
  return before.map((row) => ({
    id: row.id,
    articleId: row.article_id,
    from: row.status,
    body: row.body,
    authorName: row.author_name,
    authorWebsite: row.author_website,
    trainedAs: row.trained_as,
    authorEmail: row.author_email,
    parentId: row.parent_id,
  }));
}

export async function setTrainedAs(db: Db, id: number, label: 'spam' | 'ham' | null): Promise<void> {
  await db.updateTable('comments').set({ trained_as: label }).where('id', '=', id).execute();
}

export async function updateCommentText(
  db: Db,
  id: number,
  values: { authorName: string; authorWebsite: string; body: string },
  at: Date,
): Promise<number | undefined> {
  const row = await db
    .updateTable('comments')
    .set({ author_name: values.authorName, author_website: values.authorWebsite, body: values.body, updated_at: toTimestamp(at) })
    .where('id', '=', id)
    .returning('article_id')
    .executeTakeFirst();
  return row?.article_id;
}

export interface CommenterStanding {
  readonly trusted: boolean;
  readonly banned: boolean;
}

export async function findCommenterStanding(db: Db, email: string): Promise<CommenterStanding> {
  const row = await db.selectFrom('commenters').select(['trusted_at', 'banned_at']).where('email', '=', email).executeTakeFirst();
  return { trusted: row?.trusted_at != null, banned: row?.banned_at != null };
}

export async function setCommenterStanding(db: Db, email: string, standing: { trusted?: boolean; banned?: boolean }, at: Date): Promise<void> {
  const values = {
    ...(standing.trusted !== undefined ? { trusted_at: standing.trusted ? toTimestamp(at) : null } : {}),
    ...(standing.banned !== undefined ? { banned_at: standing.banned ? toTimestamp(at) : null } : {}),
  };
  await db
    .insertInto('commenters')
    .values({ email, trusted_at: null, banned_at: null, ...values })
    .onConflict((oc) => oc.column('email').doUpdateSet(values))
    .execute();
}

export interface Block {
  readonly id: number;
  readonly kind: BlockKind;
  readonly pattern: string;
  readonly createdAt: Date;
}

export async function listBlocks(db: Db): Promise<Block[]> {
  const rows = await db.selectFrom('comment_blocks').select(['id', 'kind', 'pattern', 'created_at']).orderBy('kind').orderBy('pattern').execute();
  return rows.map((row) => ({ id: row.id, kind: row.kind, pattern: row.pattern, createdAt: toDate(row.created_at) }));
}

/** Adds a block; false when the same one is already listed. */
export async function insertBlock(db: Db, block: { kind: BlockKind; pattern: string; by: number; at: Date }): Promise<boolean> {
  const result = await db
    .insertInto('comment_blocks')
    .values({ kind: block.kind, pattern: block.pattern, created_by: block.by, created_at: toTimestamp(block.at) })
    .onConflict((oc) => oc.columns(['kind', 'pattern']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteBlock(db: Db, id: number): Promise<void> {
  await db.deleteFrom('comment_blocks').where('id', '=', id).execute();
}

/** Editors and admins who asked to hear about comments awaiting moderation. */
export async function listModeratorsToNotify(db: Db): Promise<{ email: string; name: string }[]> {
  return db.selectFrom('users').select(['email', 'name']).where('notify_pending_comments', '=', 1).where('role', 'in', ['owner', 'admin', 'editor']).execute();
}

export async function setModeratorNotifications(db: Db, userId: number, on: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ notify_pending_comments: on ? 1 : 0 })
    .where('id', '=', userId)
    .execute();
}

export async function readModeratorNotifications(db: Db, userId: number): Promise<boolean> {
  const row = await db.selectFrom('users').select('notify_pending_comments').where('id', '=', userId).executeTakeFirst();
  return Number(row?.notify_pending_comments ?? 0) === 1;
}
