import type { Db } from '../db/database.ts';
import type { CommentOrder } from '../settings/index.ts';
import type { CommentOutline, PublicComment } from './comment.ts';
import { type CommentCounts, countCommentThreads, findThreadPlace, listThreadPage } from './comment-pages.queries.ts';
import { arrangeComments, type CommentThread } from './comment-threads.ts';
import { listCommentOutline, listPublicCommentsByIds } from './comments.queries.ts';

/** A comment shown on the article: where it sits in its thread, and the page (from 1) that shows the thread. */
export interface PlacedComment {
  readonly thread: Pick<CommentThread<CommentOutline>, 'comment' | 'depth'>;
  readonly page: number;
}

/**
 * One article's shown comments threaded and paged in one order, as arrangeComments does it, read only
 * as far as a request needs: the counts and pages to check a view, one page's threads to render it.
 */
export interface CommentLayout {
  readonly order: CommentOrder;
  /** Top-level threads on all pages. */
  readonly threadCount: number;
  readonly pageCount: number;
  /** Approved comments, the count the section shows (the reader's own pending ones are not counted). */
  readonly approvedCount: number;
  /** Undefined when the comment is not shown. */
  place(commentId: number): Promise<PlacedComment | undefined>;
  /** The threads of one page (from 1, at most pageCount), with their replies, read whole. */
  threadsOn(page: number): Promise<readonly CommentThread<PublicComment>[]>;
}

/** How a section's comments are read and laid out for a reader; `pendingIds` are the reader's own comments awaiting moderation. */
export type CommentLayoutReader = (db: Db, articleId: number, view: LayoutRequest) => Promise<CommentLayout>;

export interface LayoutRequest {
  readonly pendingIds: readonly number[];
  readonly order: CommentOrder;
  readonly perPage: number;
}

function pageCountOf(threadCount: number, perPage: number): number {
  return Math.max(1, Math.ceil(threadCount / perPage));
}

/** The whole outline (approved comments and the reader's pending ones) threaded in memory: what any reader could be shown. */
export async function readWholeOutline(db: Db, articleId: number, view: LayoutRequest): Promise<CommentLayout> {
  const comments = await listCommentOutline(db, articleId, view.pendingIds);
  const arranged = arrangeComments(comments, view.order, view.perPage);
  return {
    order: view.order,
    threadCount: arranged.threads.length,
    pageCount: arranged.pageCount,
    approvedCount: comments.filter((comment) => comment.status === 'approved').length,
    place: async (commentId) => {
      const thread = arranged.find(commentId);
      return thread && { thread, page: arranged.pageOf(commentId)! };
    },
    threadsOn: async (page) => {
      const threads = arranged.threads.slice((page - 1) * view.perPage, page * view.perPage);
      const outline: CommentOutline[] = [];
      const collect = (node: CommentThread<CommentOutline>) => {
        outline.push(node.comment);
        node.children.forEach(collect);
      };
      threads.forEach(collect);
      return withWholeComments(threads, await listPublicCommentsByIds(db, articleId, outline));
    },
  };
}

/** The threads with their comments read whole; one removed since the outline was read is left out, its replies in its place. */
function withWholeComments(threads: readonly CommentThread<CommentOutline>[], whole: ReadonlyMap<number, PublicComment>): CommentThread<PublicComment>[] {
  return threads.flatMap((node) => {
    const children = withWholeComments(node.children, whole);
    const comment = whole.get(node.comment.id);
    return comment ? [{ comment, depth: node.depth, children }] : children;
  });
}

/**
 * Which threads the database reads for a page: counted from the start of the order, or for a page
 * past the middle from the end (in the other order). It steps over every thread before the window,
 * checking each one's parent: on 58,000 comments, the last page counted from the start took 126 ms
 * on PostgreSQL, from the end 1 ms.
 */
function pageWindow(order: CommentOrder, page: number, perPage: number, threadCount: number) {
  const offset = (page - 1) * perPage;
  const after = threadCount - offset - perPage;
  if (after >= offset) return { order, offset, limit: perPage };
  const reverse: CommentOrder = order === 'oldest' ? 'newest' : 'oldest';
  return { order: reverse, offset: Math.max(0, after), limit: Math.max(0, perPage + Math.min(0, after)) };
}

/**
 * Approved comments only, counted and paged in the database: an article with 58,000 comments no
 * longer brings 58,000 rows into Node for each page, only the page's threads. Shown to every reader
 * without pending comments of their own, so to nearly all.
 */
async function readPagedOutline(db: Db, articleId: number, view: LayoutRequest, countThreads: CountThreads): Promise<CommentLayout> {
  const { order, perPage } = view;
  const counts = await countThreads(db, articleId);
  return {
    order,
    threadCount: counts.threads,
    pageCount: pageCountOf(counts.threads, perPage),
    approvedCount: counts.approved,
    place: async (commentId) => {
      const found = await findThreadPlace(db, articleId, commentId, order, counts);
      return found && { thread: found, page: Math.floor(found.threadsBefore / perPage) + 1 };
    },
    threadsOn: async (page) => {
      // Most articles have no approved comment yet: counted already, nothing left to read.
      if (counts.threads === 0) return [];
      const comments = await listThreadPage(db, articleId, pageWindow(order, page, perPage, counts.threads));
      // The page's threads start at comments whose parents are not on it, so they are its top level, in order.
      return arrangeComments(comments, order, perPage).threads;
    },
  };
}

/** How an article's approved comments and threads are counted: afresh, or kept between requests (KeptCommentCounts). */
export type CountThreads = (db: Db, articleId: number) => Promise<CommentCounts>;

/**
 * The paged reading, unless the reader has pending comments of their own: those can hang anywhere
 * and make threads of their own, so (rare, and small) the whole outline is threaded with them.
 */
export function commentLayoutReader(countThreads: CountThreads = countCommentThreads): CommentLayoutReader {
  return (db, articleId, view) => (view.pendingIds.length > 0 ? readWholeOutline(db, articleId, view) : readPagedOutline(db, articleId, view, countThreads));
}

export const readCommentLayout: CommentLayoutReader = commentLayoutReader();
