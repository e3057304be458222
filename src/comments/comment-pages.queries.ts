import { type RawBuilder, sql } from 'kysely';
import { constant } from '../db/constant.ts';
import type { Db } from '../db/database.ts';
import { toCount } from '../db/row-values.ts';
import type { CommentOrder } from '../settings/index.ts';
import type { CommentOutline, PublicComment } from './comment.ts';
import { type CommentStatus, commentStatuses } from './comment.table.ts';
import { type PublicCommentRow, publicCommentOf } from './comments.queries.ts';

// One page of an article's approved comments, read without its whole outline. As arrangeComments
// threads them, a thread starts at an approved comment whose parent is not shown: it has none, or
// the parent is held, spam or trash (or, never stored, on another article).

const approved = constant('approved');

/** Statuses a reader never sees, written into the SQL like `approved`. */
const hiddenStatuses = commentStatuses.filter((status) => status !== 'approved').map((status) => constant<CommentStatus>(status));

/**
 * Whether the approved comment `c` starts a thread. Its parent is looked up by id for each comment:
 * as a count, PostgreSQL runs it row by row, where an `exists` it may answer by first hashing every
 * approved comment of the article. A page near the start of the order so reads little more than its
 * own comments.
 */
function startsThread(articleId: number): RawBuilder<boolean> {
  return sql<boolean>`(c.parent_id is null or (
    select count(*) from comments p where p.id = c.parent_id and p.article_id = ${articleId} and p.status = ${approved}
  ) = 0)`;
}

export interface CommentCounts {
  /** Approved comments: the count the section shows. */
  readonly approved: number;
  /** Top-level threads, what the pages are counted in. */
  readonly threads: number;
}

/**
 * How many approved comments and threads an article has, counted in the database: one pass over its
 * approved comments (those with no parent start threads), and the approved replies to its hidden
 * comments, which are few, found from them through comments_parent_idx. Replies are only ever stored
 * under a comment of the same article (findReplyTarget, the importers), so that is every thread.
 */
export async function countCommentThreads(db: Db, articleId: number): Promise<CommentCounts> {
  // `cross join` keeps SQLite to that order (PostgreSQL plans it as any join): without it, SQLite read
  // every approved reply and looked its parent up, 74 ms on 58,000 comments rather than 14.
  const { rows } = await sql<{ approved: string | number; roots: string | number; orphans: string | number }>`
    select count(*) as approved, count(case when c.parent_id is null then 1 end) as roots,
      (select count(*) from comments held cross join comments reply
        where held.article_id = ${articleId} and held.status in (${sql.join(hiddenStatuses)})
          and reply.parent_id = held.id and reply.article_id = ${articleId} and reply.status = ${approved}) as orphans
    from comments c where c.article_id = ${articleId} and c.status = ${approved}
  `.execute(db);
  const row = rows[0]!;
  return { approved: toCount(row.approved), threads: toCount(row.roots) + toCount(row.orphans) };
}

/**
 * One page of threads, whole: `limit` threads after `offset` in `order` (by time, then id), each with
 * all its approved replies, found by a recursive query down comments_parent_idx, then each comment's
 * row by its id, in the same statement. Rows come oldest first, as listCommentOutline gives them, so
 * arrangeComments threads them the same way.
 */
export async function listThreadPage(
  db: Db,
  articleId: number,
  page: { readonly order: CommentOrder; readonly limit: number; readonly offset: number },
): Promise<PublicComment[]> {
  const threadOrder = page.order === 'oldest' ? sql`c.created_at, c.id` : sql`c.created_at desc, c.id desc`;
  const { rows } = await sql<PublicCommentRow>`
    with recursive
      roots(id, parent_id, created_at) as (
        select c.id, c.parent_id, c.created_at from comments c
        where c.article_id = ${articleId} and c.status = ${approved} and ${startsThread(articleId)}
        order by ${threadOrder}
        limit ${page.limit} offset ${page.offset}
      ),
      thread(id, parent_id, created_at) as (
        select id, parent_id, created_at from roots
        union all
        select c.id, c.parent_id, c.created_at from thread cross join comments c
        where c.parent_id = thread.id and c.article_id = ${articleId} and c.status = ${approved}
      )
    select c.id, c.article_id, c.parent_id, c.author_name, c.author_website, c.staff_user_id, c.body, c.created_at
    from thread cross join comments c where c.id = thread.id
    order by thread.created_at, thread.id
  `.execute(db);
  return rows.map((row) => publicCommentOf(row, 'approved'));
}

/** Where an approved comment sits: its depth (1 at the top) and how many threads come before its own in the order. */
export interface ThreadPlace {
  readonly comment: CommentOutline;
  readonly depth: number;
  readonly threadsBefore: number;
}

/** Approved comments `c` older than the comment `root` (by time, then id), or newer. */
function beside(side: 'older' | 'newer'): RawBuilder<boolean> {
  return side === 'older'
    ? sql<boolean>`c.created_at <= root.created_at and (c.created_at < root.created_at or c.id < root.id)`
    : sql<boolean>`c.created_at >= root.created_at and (c.created_at > root.created_at or c.id > root.id)`;
}

/**
 * Finds an approved comment's thread by climbing its approved parents (one lookup by id a step, in
 * one recursive query), then counts the threads on one side of it. Counting checks the parent of
 * every comment it passes, so it counts on the nearer side: a reply on the last page is counted from
 * the end. The approved comments older than the thread, counted in comments_article_idx alone, say
 * which side that is. `counts` are the article's (countCommentThreads). Undefined when the comment
 * is not shown: unknown, on another article, or not approved.
 */
export async function findThreadPlace(
  db: Db,
  articleId: number,
  commentId: number,
  order: CommentOrder,
  counts: CommentCounts,
): Promise<ThreadPlace | undefined> {
  const threadsBeside = (side: 'older' | 'newer') =>
    sql`(select count(*) from comments c where c.article_id = ${articleId} and c.status = ${approved} and ${beside(side)} and ${startsThread(articleId)})`;
  const { rows } = await sql<{ parent_id: number | null; depth: string | number; older: string | number | null; newer: string | number | null }>`
    with recursive
      chain(id, parent_id, created_at, steps) as (
        select id, parent_id, created_at, 0 from comments where id = ${commentId} and article_id = ${articleId} and status = ${approved}
        union all
        select c.id, c.parent_id, c.created_at, chain.steps + 1 from chain cross join comments c
        where c.id = chain.parent_id and c.article_id = ${articleId} and c.status = ${approved}
      ),
      root(id, created_at, steps) as (select id, created_at, steps from chain order by steps desc limit 1),
      -- "limit 1" keeps it a subquery of its own, computed once, not copied into both columns below.
      side(from_start) as (
        select (select count(*) from comments c where c.article_id = ${articleId} and c.status = ${approved} and c.created_at < root.created_at) * 2
          <= ${counts.approved} from root limit 1
      )
    select
      (select parent_id from chain where steps = 0) as parent_id,
      root.steps + 1 as depth,
      case when side.from_start then ${threadsBeside('older')} end as older,
      case when side.from_start then null else ${threadsBeside('newer')} end as newer
    from root, side
  `.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const older = row.older !== null ? toCount(row.older) : counts.threads - 1 - toCount(row.newer);
  const threadsBefore = order === 'oldest' ? older : counts.threads - 1 - older;
  return { comment: { id: commentId, parentId: row.parent_id, status: 'approved' }, depth: toCount(row.depth), threadsBefore };
}
