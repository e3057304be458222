import type { CommentOutline, PublicComment } from './comment.ts';
import type { CommentOrder } from '../settings/index.ts';

/** A comment with its replies, at its depth in the thread (1 at the top). */
export interface CommentThread<C extends CommentOutline = PublicComment> {
  readonly comment: C;
  readonly depth: number;
  readonly children: readonly CommentThread<C>[];
}

/** One article's comments as readers page through them in one order. */
export interface ArrangedComments<C extends CommentOutline = PublicComment> {
  readonly order: CommentOrder;
  /** Top-level threads in that order, each with its replies. */
  readonly threads: readonly CommentThread<C>[];
  readonly pageCount: number;
  /** The comment, wherever it sits in a thread; undefined when it is not shown. */
  find(commentId: number): CommentThread<C> | undefined;
  /** The page (from 1) that shows the comment's thread; undefined when it is not shown. */
  pageOf(commentId: number): number | undefined;
}

interface Node<C> {
  comment: C;
  depth: number;
  children: Node<C>[];
  root: Node<C> | undefined;
}

/**
 * Threads comments (oldest first, as stored) and pages them, `perPage` top-level threads a page
 * with their replies. A reply whose parent is not shown (held, trashed) is shown at the top level
 * rather than lost.
 */
export function arrangeComments<C extends CommentOutline>(comments: readonly C[], order: CommentOrder, perPage: number): ArrangedComments<C> {
  const byId = new Map<number, Node<C>>();
  const roots: Node<C>[] = [];
  for (const comment of comments) byId.set(comment.id, { comment, depth: 1, children: [], root: undefined });
  for (const comment of comments) {
    const node = byId.get(comment.id)!;
    const parent = comment.parentId === null ? undefined : byId.get(comment.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const place = (node: Node<C>, depth: number, root: Node<C>) => {
    node.depth = depth;
    node.root = root;
    for (const child of node.children) place(child, depth + 1, root);
  };
  for (const root of roots) place(root, 1, root);
  if (order === 'newest') roots.reverse();
  const position = new Map(roots.map((root, index) => [root, index]));
  return {
    order,
    threads: roots,
    pageCount: Math.max(1, Math.ceil(roots.length / perPage)),
    find: (commentId) => byId.get(commentId),
    pageOf: (commentId) => {
      const root = byId.get(commentId)?.root;
      return root === undefined ? undefined : Math.floor(position.get(root)! / perPage) + 1;
    },
  };
}

/** Whether readers may reply to a comment: comments are open, it is approved, and its thread is not at the depth limit. */
export function takesReplies(thread: Pick<CommentThread<CommentOutline>, 'comment' | 'depth'>, open: boolean, maxDepth: number): boolean {
  return open && thread.comment.status === 'approved' && thread.depth < maxDepth;
}
