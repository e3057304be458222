import { fastifyCookie } from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { BadRequestError, codeForStatus, ForbiddenError, RateLimitedError, ValidationError } from '../errors.ts';
import type { SiteContext } from '../settings/index.ts';
import { type CommentFormValues, commentFormValues } from './comment-input.ts';
import { normaliseEmailAddress } from '../platform/email-address.ts';
import { alertsRoutes } from './alerts.routes.tsx';
import { type CommentSectionRequest, type CommentSections, commentViewAddress } from './comment-sections.ts';
import { rememberComment, rememberedCommentsCookie } from './comment-signing.ts';
import { articleLocation } from './comment.ts';
import type { CommentDeps } from './comment-deps.ts';
import { ExpiredFormError, type PostedComment, postComment } from './comments.service.ts';
import { CommentItem } from './comment-section-view.tsx';
import { commentWords } from './comment-words.ts';
import { findCommentableArticle } from './comments.queries.ts';
import { formatDateTime } from '../render/dates.ts';

export interface CommentRoutesOptions extends CommentDeps {
  readonly sections: CommentSections;
  /** The article page with the comment form in a given state; given by the articles capability. */
  readonly renderArticlePage: (articleId: number, request: CommentSectionRequest) => Promise<string | undefined>;
  /** Comments one IP address or one email may post per minute. */
  readonly perMinute: number;
  readonly secureCookies: boolean;
  readonly site: SiteContext;
}

// These go to error pages; what the commenter is told beside the form is in the comment section's words (commentWords).
const messages = {
  crossSite: 'Comments can only be posted from this site’s own pages.',
  damaged: 'This comment form is damaged. Reload the article and try again.',
  tooFast: 'You are posting comments too quickly. Wait a minute, then send it again: your comment is still in the form.',
} as const;

// Generous for 5,000 characters of any script once form-encoded; more is refused before parsing.
const maxFormBytes = 100 * 1024;

const postBodySchema = {
  type: 'object',
  properties: Object.fromEntries(
    ['article_id', 'parent_id', 'stamp', 'name', 'email', 'website', 'comment', 'homepage', 'reply_alerts'].map((name) => [name, { type: 'string' }]),
  ),
} as const;

type PostBody = Partial<Record<'article_id' | 'parent_id' | 'stamp' | 'homepage', string>> & Record<string, unknown>;

function wantsJson(request: FastifyRequest): boolean {
  return request.headers.accept?.includes('application/json') === true && !request.headers.accept.includes('text/html');
}

/**
 * Refuses posts made from other sites' pages (Sec-Fetch-Site from modern browsers, Origin from the
 * rest). This, not a token in the page, is the cross-site defence, so article pages stay cacheable.
 */
function checkSameOrigin(request: FastifyRequest, publicUrl: string): void {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') throw new ForbiddenError(messages.crossSite);
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const ownOrigins = new Set([publicUrl, `${request.protocol}://${request.host}`]);
  if (!ownOrigins.has(origin)) throw new ForbiddenError(messages.crossSite);
}

function whole(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  if (!/^\d{1,10}$/.test(value)) throw new BadRequestError(messages.damaged);
  return Number(value);
}

/** "Leave a comment": the form posts here, with or without JavaScript. */
export const commentRoutes: FastifyPluginAsync<CommentRoutesOptions> = async (app, options) => {
  await app.register(formbody, { bodyLimit: maxFormBytes });
  await app.register(rateLimit, { global: false, ...app.rateLimitStores.options('comments') });
  await app.register(alertsRoutes, options);

  const sendRefusal = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    refusal: { values: CommentFormValues; errors: Readonly<Record<string, string>>; message: string; stampExpired: boolean },
  ) => {
    const body = request.body as PostBody;
    if (wantsJson(request)) return reply.code(status).send({ code: codeForStatus(status), message: refusal.message, errors: refusal.errors });
    const articleId = whole(body.article_id);
    const parentId = whole(body.parent_id);
    // The refused form keeps its stamp, unless the stamp itself was the problem (it expired).
    const stamp = refusal.stampExpired || !body.stamp ? {} : { stamp: body.stamp };
    const html =
      articleId === null
        ? undefined
        : await options.renderArticlePage(articleId, {
            values: refusal.values,
            errors: refusal.errors,
            message: refusal.message,
            ...stamp,
            ...(parentId !== null ? { replyTo: parentId } : {}),
          });
    if (html === undefined) throw new BadRequestError(messages.damaged);
    return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  };

  // Per address and per email; over either limit, the form comes back with what was typed.
  // The email is counted in the form it is stored and mailed in, so no spelling of it is a new one.
  const limiters = [
    app.createRateLimit({ max: options.perMinute, timeWindow: 60_000, keyGenerator: (request) => `ip:${request.ip}` }),
    app.createRateLimit({
      max: options.perMinute,
      timeWindow: 60_000,
      keyGenerator: (request) => `email:${normaliseEmailAddress(String((request.body as PostBody | undefined)?.email ?? ''))}`,
    }),
  ];
  const checkRateLimits = async (request: FastifyRequest) => {
    for (const limiter of limiters) {
      const result = await limiter(request);
      if (!result.isAllowed && result.isExceeded) throw new RateLimitedError(messages.tooFast, Math.max(1, result.ttlInSeconds));
    }
  };

  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof RateLimitedError && request.method === 'POST' && request.body) {
      if (error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
      const articleId = whole((request.body as PostBody).article_id);
      const article = articleId === null ? undefined : await findCommentableArticle(options.db, articleId, options.clock.now());
      const words = commentWords(options.settings, article?.language ?? null);
      return sendRefusal(request, reply, 429, {
        values: commentFormValues(request.body),
        errors: {},
        message: words.text('commentForm.tooFast'),
        stampExpired: false,
      });
    }
    throw error;
  });

  app.post<{ Body: PostBody }>(
    '/comments',
    {
      schema: { body: postBodySchema },
      preHandler: [async (request) => checkSameOrigin(request, options.publicUrl), checkRateLimits],
    },
    async (request, reply) => {
      const body = request.body ?? {};
      const values = commentFormValues(body);
      const articleId = whole(body.article_id);
      if (articleId === null) throw new BadRequestError(messages.damaged);
      let posted: PostedComment;
      try {
        posted = await postComment(options, {
          articleId,
          parentId: whole(body.parent_id),
          values,
          stamp: body.stamp ?? '',
          honeypot: body.homepage ?? '',
          ipAddress: request.ip,
          userAgent: String(request.headers['user-agent'] ?? ''),
        });
      } catch (error) {
        if (error instanceof ValidationError) {
          return sendRefusal(request, reply, 422, { values, errors: error.fields, message: error.message, stampExpired: error instanceof ExpiredFormError });
        }
        throw error;
      }
      const remembered = rememberComment(options.signer, fastifyCookie.parse(request.headers.cookie ?? '')[rememberedCommentsCookie], posted.id);
      reply.header(
        'set-cookie',
        fastifyCookie.serialize(rememberedCommentsCookie, remembered, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: options.secureCookies,
          maxAge: 7 * 24 * 60 * 60,
        }),
      );
      const location = `${articleLocation(posted.article)}#comment-${posted.id}`;
      if (!wantsJson(request)) return reply.redirect(location, 303);
      const published = posted.status === 'approved';
      const words = commentWords(options.settings, posted.article.language);
      return reply.code(201).send({
        id: posted.id,
        status: published ? 'approved' : 'pending',
        message: words.text(published ? 'commentForm.posted' : 'commentForm.held'),
        location,
        // The comment as the page would show it, for the script to insert without a reload.
        html: String(
          <CommentItem
            words={words}
            comment={{
              ...posted.comment,
              id: posted.id,
              isStaff: false,
              createdIso: posted.comment.createdAt.toISOString(),
              createdLabel: formatDateTime(posted.comment.createdAt, words),
              pending: !published,
              // A top-level comment can be answered at once; a reply's depth is known after a reload.
              // Its page is not known here: the article answers this address with a redirect to it.
              replyUrl:
                published && posted.parentId === null && options.site.settings.current().comments.maxDepth > 1
                  ? `${commentViewAddress('', { replyTo: posted.id }, options.site.settings.current().comments.order)}#respond`
                  : null,
              replies: [],
            }}
          />,
        ),
      });
    },
  );
};
