import { fastifyCookie } from '@fastify/cookie';
import type { Db } from '../db/database.ts';
import { pageAddress } from '../platform/page-address.ts';
import type { Translator } from '../i18n/index.ts';
import { formatDateTime } from '../render/dates.ts';
import type { CommentOrder, CommentPolicy, SettingsStore } from '../settings/index.ts';
import type { CommentFormValues } from './comment-input.ts';
import { closingTime, commentsAreOpen } from './comment-closing.ts';
import type { CommentNodeView, CommentSectionView } from './comment-section-view.tsx';
import { type CommentSigner, readRememberedComments, rememberedCommentsCookie, stampForm } from './comment-signing.ts';
import { type CommentLayout, type CommentLayoutReader, type PlacedComment, readCommentLayout } from './comment-layouts.ts';
import type { KeptCommentPages } from './kept-comment-pages.ts';
import { type CommentThread, takesReplies } from './comment-threads.ts';
import type { PublicComment } from './comment.ts';
import { filterPendingCommentIds } from './comments.queries.ts';

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

/** What a reader asks of the comment section through the article's address: order, page, and the comment to reply to. */
export type CommentView = Pick<CommentSectionRequest, 'order' | 'page' | 'replyTo'>;

/**
 * The article page's address for a view of its comments, with the default order and page 1 left
 * out: what the section links to, and the page cache's key for it. `path` may be empty for a link
 * relative to the page.
 *
 * @example commentViewAddress('/world/harbour', { order: 'newest', page: 2 }, 'oldest') === '/world/harbour?comments=newest&comments-page=2'
 */
export function commentViewAddress(path: string, view: CommentView, defaultOrder: CommentOrder): string {
  return pageAddress(path, [
    ['comments', view.order === defaultOrder ? undefined : view.order],
    ['comments-page', view.page !== undefined && view.page > 1 ? String(view.page) : undefined],
    ['replyto', view.replyTo?.toString()],
  ]);
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

/** The comments one view of a page of them shows, the same for every reader without pending comments: see KeptCommentPages. */
export interface ShownComments {
  readonly threads: readonly CommentNodeView[];
  readonly jsonLd: readonly CommentJsonLd[];
  /** Who wrote each comment shown, for the form's "Reply to …". */
  readonly authorNames: ReadonlyMap<number, string>;
}

/** About the bytes a page of comments takes kept: its text twice (the views and the HTML drawn from them) and some markup per comment, two bytes a character. */
function weightOf(shown: ShownComments): number {
  let characters = 0;
  for (const comment of shown.jsonLd) characters += comment.text.length + comment.author.name.length;
  return 2 * (2 * characters + 600 * shown.authorNames.size);
}

interface Arranged {
  readonly policy: CommentPolicy;
  readonly open: boolean;
  readonly layout: CommentLayout;
  readonly replyTarget: PlacedComment | undefined;
  readonly page: number;
  readonly pendingIds: readonly number[];
}

/** A cached page's form is re-stamped this often, well inside the stamp's two-day life. */
const restampAfterMs = 6 * 60 * 60 * 1000;

const emptyValues: CommentFormValues = { name: '', email: '', website: '', comment: '', replyAlerts: false };

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
    /** How the comments are read and threaded: paged in the database unless the reader has pending ones (see readCommentLayout). */
    private readonly readLayout: CommentLayoutReader = readCommentLayout,
    /** Where the pages every reader sees are kept between renders; without it, each render reads its own. */
    private readonly keptPages?: KeptCommentPages<ShownComments>,
  ) {}

  /** The comments this browser says it posted (a signed cookie), for showing it its own pending ones. */
  ownCommentIds(cookieHeader: string | undefined): number[] {
    if (!cookieHeader?.includes(rememberedCommentsCookie)) return [];
    return readRememberedComments(this.signer, fastifyCookie.parse(cookieHeader)[rememberedCommentsCookie]);
  }

  /** Of the comments this browser posted, those on this article still awaiting moderation. */
  pendingOwnIds(articleId: number, ownIds: readonly number[]): Promise<number[]> {
    return filterPendingCommentIds(this.db, articleId, ownIds);
  }

  policy(): CommentPolicy {
    return this.settings.current().comments;
  }

  /** The comments this request sees (its own pending ones too), threaded and paged, and the comment a reply form answers. */
  async #arrange(article: CommentableArticleView, request: CommentSectionRequest, now: Date): Promise<Arranged> {
    const policy = this.policy();
    const pendingIds = await filterPendingCommentIds(this.db, article.id, request.ownCommentIds ?? []);
    const layout = await this.readLayout(this.db, article.id, { pendingIds, order: request.order ?? policy.order, perPage: policy.perPage });
    const open = commentsAreOpen(article, policy, now);
    const found = request.replyTo === undefined ? undefined : await layout.place(request.replyTo);
    const replyTarget = found && takesReplies(found.thread, open, policy.maxDepth) ? found : undefined;
    // A reply form shows the page with the comment it answers.
    const asked = request.page ?? replyTarget?.page ?? 1;
    const page = Math.min(Math.max(1, asked), layout.pageCount);
    return { policy, open, layout, replyTarget, page, pendingIds };
  }

  /**
   * What a request for a view of the comments should have asked, checked against the comments: a
   * page past the last becomes the last, and a reply form is kept only for a comment that takes
   * replies, on the page showing it. The article route sends any other request there before
   * rendering, so the page cache holds one entry per view that exists, however many are asked for.
   */
  async canonicalView(article: CommentableArticleView, request: CommentSectionRequest, now: Date): Promise<CommentView> {
    // The first page always exists and asks for no reply form: most requests need not read the comments to know that.
    if (request.replyTo === undefined && (request.page === undefined || request.page === 1)) return { order: request.order ?? this.policy().order, page: 1 };
    const { layout, replyTarget, page } = await this.#arrange(article, request, now);
    const canonicalPage = replyTarget ? replyTarget.page : page;
    return { order: layout.order, page: canonicalPage, ...(replyTarget ? { replyTo: replyTarget.thread.comment.id } : {}) };
  }

  /** The section in `words`: the article's language when Gazette speaks it, else the site's (see `translatorFor`). */
  async load(article: CommentableArticleView, request: CommentSectionRequest, now: Date, words: Translator): Promise<LoadedCommentSection> {
    const arranged = await this.#arrange(article, request, now);
    const { policy, open, layout, replyTarget, page, pendingIds } = arranged;
    const { order, pageCount } = layout;
    const read = async () => {
      const value = await this.#shownComments(article, arranged, words);
      return { value, bytes: weightOf(value) };
    };
    // A reader with pending comments of their own sees a page nobody else does.
    const view = `${article.path}|${order}|${page}|${open}|${policy.order}|${policy.maxDepth}|${policy.perPage}|${words.locale}|${words.timeZone}`;
    const shown = pendingIds.length > 0 || !this.keptPages ? (await read()).value : await this.keptPages.get(article.id, view, read);
    const address = (view: CommentView, fragment: string) => `${commentViewAddress(article.path, view, policy.order)}#${fragment}`;
    // The reply form's comment is on this page: canonicalView sends a reply form to the page showing it.
    const replyingTo = replyTarget ? replyTarget.thread.comment.id : undefined;
    const replyingToName = replyingTo === undefined ? undefined : shown.authorNames.get(replyingTo);
    return {
      view: {
        words,
        count: layout.approvedCount,
        threads: shown.threads,
        order,
        orderLinks: layout.threadCount > 1 ? { oldest: address({ order: 'oldest' }, 'comments'), newest: address({ order: 'newest' }, 'comments') } : null,
        pages: pageCount > 1 ? { current: page, count: pageCount, url: (target: number) => address({ order, page: target }, 'comments') } : null,
        form: open
          ? {
              articleId: article.id,
              stamp: request.stamp ?? stampForm(this.signer, article.id, now),
              values: request.values ?? emptyValues,
              errors: request.errors ?? {},
              message: request.message ?? '',
              replyTo: replyingTo !== undefined && replyingToName !== undefined ? { id: replyingTo, authorName: replyingToName } : null,
              articlePath: article.path,
            }
          : null,
      },
      jsonLd: shown.jsonLd,
      ...(open ? { freshUntil: new Date(Math.min(now.getTime() + restampAfterMs, closingTime(article, policy)?.getTime() ?? Number.POSITIVE_INFINITY)) } : {}),
    };
  }

  /** One page's comments as this view shows them: the part of the section that is the same for every reader without pending comments. */
  async #shownComments(article: CommentableArticleView, arranged: Arranged, words: Translator): Promise<ShownComments> {
    const { policy, open, layout, page } = arranged;
    const { order } = layout;
    // Only this page's comments are read whole.
    const shown = await layout.threadsOn(page);
    const shownComments: PublicComment[] = [];
    const collect = (node: CommentThread<PublicComment>) => {
      shownComments.push(node.comment);
      node.children.forEach(collect);
    };
    shown.forEach(collect);
    const toView = (node: CommentThread<PublicComment>): CommentNodeView[] => {
      const { comment } = node;
      const replies = node.children.flatMap(toView);
      return [
        {
          id: comment.id,
          authorName: comment.authorName,
          authorWebsite: comment.authorWebsite,
          isStaff: comment.isStaff,
          body: comment.body,
          createdIso: comment.createdAt.toISOString(),
          createdLabel: formatDateTime(comment.createdAt, words),
          pending: comment.status === 'pending',
          // Relative, with this view's order and page: the reply form then opens on the page it was asked from.
          replyUrl: takesReplies(node, open, policy.maxDepth) ? `${commentViewAddress('', { order, page, replyTo: comment.id }, policy.order)}#respond` : null,
          replies,
        },
      ];
    };
    // A shown reply's parent is on the same page (a reply whose parent is not shown starts a thread).
    // The page's structured data describes the approved comments it shows; commentCount gives the whole number.
    const shownApproved = shownComments.filter((comment) => comment.status === 'approved');
    const approvedIds = new Set(shownApproved.map((comment) => comment.id));
    return {
      threads: shown.flatMap(toView),
      authorNames: new Map(shownComments.map((comment) => [comment.id, comment.authorName])),
      jsonLd: shownApproved.map((comment) => ({
        '@type': 'Comment',
        '@id': commentUrl(this.publicUrl, article.path, comment.id),
        url: commentUrl(this.publicUrl, article.path, comment.id),
        text: comment.body,
        dateCreated: comment.createdAt.toISOString(),
        author: { '@type': 'Person', name: comment.authorName },
        ...(comment.parentId !== null && approvedIds.has(comment.parentId)
          ? { parentItem: { '@id': commentUrl(this.publicUrl, article.path, comment.parentId) } }
          : {}),
      })),
    };
  }
}
