import { fastifyCookie } from '@fastify/cookie';
import type { Db } from '../db/database.ts';
import { type DateStyle, formatDateTime } from '../render/dates.ts';
import type { SettingsStore } from '../settings/settings.service.ts';
import type { PublicComment } from './comment.ts';
import type { CommentFormValues } from './comment-input.ts';
import { type CommentOrder, type CommentPolicy, closingTime, commentsAreOpen } from './comment-policy.ts';
import type { CommentNodeView, CommentSectionView } from './comment-section.tsx';
import { type CommentSigner, readRememberedComments, rememberedCommentsCookie, stampForm } from './comment-signing.ts';
import { filterPendingCommentIds, listPublicComments } from './comments.queries.ts';

/** What the reader asked of the comment section, and the state of a form that came back. */
export interface CommentSectionRequest {
  /** Comments this browser posted; those still pending are shown to it alone. */
  readonly ownCommentIds?: readonly number[];
  readonly page?: number;
  readonly order?: CommentOrder;
  readonly replyTo?: number;
  readonly values?: CommentFormValues;
  readonly errors?: Readonly<Record<string, string>>;
  readonly message?: string;
  /** The stamp of a form that came back refused, kept so correcting it and sending it at once is not taken for a robot. */
  readonly stamp?: string;
}

export interface CommentableArticleView {
  readonly id: number;
  readonly path: string;
  readonly publishedAt: Date;
  readonly commentsOpen: boolean;
}

/** A comment as schema.org Comment, for the article's JSON-LD: never the email. */
export interface CommentJsonLd {
  readonly '@type': 'Comment';
  readonly '@id': string;
  readonly url: string;
  readonly text: string;
  readonly dateCreated: string;
  readonly author: { readonly '@type': 'Person'; readonly name: string };
  readonly parentItem?: { readonly '@id': string };
}

export interface LoadedCommentSection {
  readonly view: CommentSectionView;
  readonly jsonLd: readonly CommentJsonLd[];
  /** When a cached copy must be rebuilt: its form's stamp ages, and the comments may close. */
  readonly freshUntil?: Date;
}

/** A cached page's form is re-stamped this often, well inside the stamp's two-day life. */
const restampAfterMs = 6 * 60 * 60 * 1000;

const emptyValues: CommentFormValues = { name: '', email: '', website: '', comment: '', replyAlerts: false };

interface Tree {
  readonly comment: PublicComment;
  readonly depth: number;
  readonly children: Tree[];
}

function buildThreads(comments: readonly PublicComment[]): Tree[] {
  const byId = new Map<number, Tree>();
  const roots: Tree[] = [];
  for (const comment of comments) byId.set(comment.id, { comment, depth: 1, children: [] });
  for (const comment of comments) {
    const node = byId.get(comment.id)!;
    const parent = comment.parentId === null ? undefined : byId.get(comment.parentId);
    // A reply whose parent is not shown (held, trashed) is shown at the top level rather than lost.
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const setDepth = (node: Tree, depth: number) => {
    (node as { depth: number }).depth = depth;
    for (const child of node.children) setDepth(child, depth + 1);
  };
  for (const root of roots) setDepth(root, 1);
  return roots;
}

function commentUrl(publicUrl: string, path: string, id: number): string {
  return `${publicUrl}${path}#comment-${id}`;
}

/** The comment section of one article: threads, the form (stamped for this render) and its JSON-LD. */
export class CommentSections {
  constructor(
    private readonly db: Db,
    private readonly signer: CommentSigner,
    private readonly settings: Pick<SettingsStore, 'current'>,
    private readonly publicUrl: string,
  ) {}

  /** The comments this browser says it posted (a signed cookie), for showing it its own pending ones. */
  ownCommentIds(cookieHeader: string | undefined): number[] {
    if (!cookieHeader || !cookieHeader.includes(rememberedCommentsCookie)) return [];
    return readRememberedComments(this.signer, fastifyCookie.parse(cookieHeader)[rememberedCommentsCookie]);
  }

  /** Of the comments this browser posted, those on this article still awaiting moderation. */
  pendingOwnIds(articleId: number, ownIds: readonly number[]): Promise<number[]> {
    return filterPendingCommentIds(this.db, articleId, ownIds);
  }

  policy(): CommentPolicy {
    return this.settings.current().comments;
  }

  async load(article: CommentableArticleView, request: CommentSectionRequest, now: Date, dateStyle: DateStyle): Promise<LoadedCommentSection> {
    const policy = this.policy();
    const pendingIds = await filterPendingCommentIds(this.db, article.id, request.ownCommentIds ?? []);
    const comments = await listPublicComments(this.db, article.id, pendingIds);
    const open = commentsAreOpen(article, policy, now);
    const order = request.order ?? policy.order;
    const threads = buildThreads(comments);
    if (order === 'newest') threads.reverse();
    const pageCount = Math.max(1, Math.ceil(threads.length / policy.perPage));
    const page = Math.min(Math.max(1, request.page ?? 1), pageCount);
    const shown = threads.slice((page - 1) * policy.perPage, page * policy.perPage);
    const toView = (node: Tree): CommentNodeView => ({
      id: node.comment.id,
      authorName: node.comment.authorName,
      authorWebsite: node.comment.authorWebsite,
      isStaff: node.comment.isStaff,
      body: node.comment.body,
      createdIso: node.comment.createdAt.toISOString(),
      createdLabel: formatDateTime(node.comment.createdAt, dateStyle),
      pending: node.comment.status === 'pending',
      replyable: open && node.comment.status === 'approved' && node.depth < policy.maxDepth,
      replies: node.children.map(toView),
    });
    const replyTarget = request.replyTo === undefined ? undefined : comments.find((comment) => comment.id === request.replyTo && comment.status === 'approved');
    const query = (params: Record<string, string>) => {
      const search = new URLSearchParams(params).toString();
      return `${article.path}${search ? `?${search}` : ''}#comments`;
    };
    const approved = comments.filter((comment) => comment.status === 'approved');
    return {
      view: {
        count: approved.length,
        threads: shown.map(toView),
        order,
        orderLinks: threads.length > 1 ? { oldest: query(policy.order === 'oldest' ? {} : { comments: 'oldest' }), newest: query(policy.order === 'newest' ? {} : { comments: 'newest' }) } : null,
        pages:
          pageCount > 1
            ? { current: page, count: pageCount, url: (target: number) => query({ ...(order !== policy.order ? { comments: order } : {}), ...(target > 1 ? { 'comments-page': String(target) } : {}) }) }
            : null,
        form: open
          ? {
              articleId: article.id,
              stamp: request.stamp ?? stampForm(this.signer, article.id, now),
              values: request.values ?? emptyValues,
              errors: request.errors ?? {},
              message: request.message ?? '',
              replyTo: replyTarget ? { id: replyTarget.id, authorName: replyTarget.authorName } : null,
              articlePath: article.path,
            }
          : null,
        closedNote: 'Comments are closed on this article.',
      },
      jsonLd: approved.map((comment) => ({
        '@type': 'Comment',
        '@id': commentUrl(this.publicUrl, article.path, comment.id),
        url: commentUrl(this.publicUrl, article.path, comment.id),
        text: comment.body,
        dateCreated: comment.createdAt.toISOString(),
        author: { '@type': 'Person', name: comment.authorName },
        ...(comment.parentId !== null && approved.some((other) => other.id === comment.parentId)
          ? { parentItem: { '@id': commentUrl(this.publicUrl, article.path, comment.parentId) } }
          : {}),
      })),
      ...(open ? { freshUntil: new Date(Math.min(now.getTime() + restampAfterMs, closingTime(article, policy)?.getTime() ?? Number.POSITIVE_INFINITY)) } : {}),
    };
  }
}
