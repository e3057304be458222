import { type Static, type TProperties, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { audit, can } from '../../accounts/index.ts';
import { articleUrl } from '../../platform/urls.ts';
import {
  commentStatuses,
  countCommentsByStatus,
  findCommenterStanding,
  findModeratedComment,
  listModeratedComments,
  moderateComments,
  type ModerationAction,
  moderationActions,
  readModeratorNotifications,
  setArticleCommentsOpen,
  setCommenterBan,
  setModeratorNotifications,
} from '../../comments/index.ts';
import { normaliseEmailAddress } from '../../platform/email-address.ts';
import { ForbiddenError, NotFoundError, phrase, ValidationError } from '../../errors.ts';
import { formatDateTime } from '../../render/dates.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { contentTags } from '../../platform/content-changes.ts';
import { accountDeps, type AdminContext, newsroomWords, requestMeta, requireStaff, staffOnly, sendAdminPage } from '../admin-context.ts';
import { renderCommentQueuePage } from './comment-queue-page.tsx';
import { NoticeQuery, type NoticeTable, noticeText, withNotice } from '../notices.ts';
import { oneOf, rowId, rowIdParams } from '../../platform/route-schemas.ts';

const perPage = 50;
const IdParams = rowIdParams('id');
type IdParams = Static<typeof IdParams>;
const QueueQuery = Type.Object({
  status: Type.Optional(oneOf(commentStatuses)),
  email: Type.Optional(Type.String({ maxLength: 254 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  ...NoticeQuery.properties,
});
/** A newsroom form's body: its own fields, all optional, and the CSRF token. */
const formBody = <Fields extends TProperties>(fields: Fields) => Type.Object({ _csrf: Type.Optional(Type.String()), ...fields });
const commentIds = Type.Union([Type.String({ pattern: '^\\d{1,10}$' }), Type.Array(Type.String({ pattern: '^\\d{1,10}$' }), { maxItems: 500 })]);
const BulkBody = formBody({
  action: Type.Optional(oneOf(moderationActions)),
  ids: Type.Optional(commentIds),
  return_to: Type.Optional(Type.String({ maxLength: 400 })),
});
const CommenterBody = formBody({ email: Type.Optional(Type.String({ maxLength: 254 })), standing: Type.Optional(oneOf(['ban', 'unban', 'approve-all'])) });
const NotificationsBody = formBody({ notify: Type.Optional(oneOf(['on', 'off'])) });
const ArticleCommentsBody = formBody({ comments: Type.Optional(oneOf(['open', 'closed'])) });

/** What the queue says after a form, by notice code, in the newsroom's words. */
const notices = (words: Translator<NewsroomKey>) =>
  ({
    approve: (count) => words.text('moderation.approved', { count }),
    spam: (count) => words.text('moderation.markedSpam', { count }),
    trash: (count) => words.text('moderation.trashed', { count }),
    restore: (count) => words.text('moderation.restored', { count }),
    'choose-first': words.text('moderation.chooseFirst'),
    'nothing-pending': words.text('moderation.nothingPending'),
    banned: words.text('moderation.banned'),
    unbanned: words.text('moderation.unbanned'),
    'alerts-on': words.text('moderation.alertsOn'),
    'alerts-off': words.text('moderation.alertsOff'),
    saved: words.text('moderation.saved'),
    replied: words.text('moderation.replied'),
  }) satisfies NoticeTable & Record<ModerationAction, (count: number) => string>;

/** Only newsroom paths back into this queue, so a crafted form cannot send a moderator elsewhere. */
function queuePath(value: unknown): string {
  return typeof value === 'string' && /^\/admin\/comments(\?[A-Za-z0-9=&%._@+-]*)?$/.test(value) ? value : '/admin/comments';
}

/** The moderation queue: editors and above, as the roles say. */
export const commentModerationRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const deps = context.comments;
  app.addHook('preHandler', staffOnly);
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!can(requireStaff(request), 'moderate-comments')) throw new ForbiddenError(phrase('moderation.roleCannotModerate'));
  });
  const moderator = (request: FastifyRequest) => ({ id: requireStaff(request).id, name: requireStaff(request).name });

  app.get<{ Querystring: Static<typeof QueueQuery> }>('/admin/comments', { schema: { querystring: QueueQuery } }, async (request, reply) => {
    const email = normaliseEmailAddress(request.query.email ?? '') || null;
    const status = request.query.status ?? (email ? null : 'pending');
    const page = request.query.page ?? 1;
    const comments = await listModeratedComments(context.db, {
      ...(status ? { status } : {}),
      ...(email ? { email } : {}),
      offset: (page - 1) * perPage,
      limit: perPage + 1,
    });
    const words = newsroomWords(context);
    return sendAdminPage(context, request, reply, 200, renderCommentQueuePage, {
      status,
      email,
      counts: await countCommentsByStatus(context.db, email ?? undefined),
      comments: comments.slice(0, perPage).map((comment) => ({
        ...comment,
        articleUrl: articleUrl({ slug: comment.article.slug, section: comment.article.sectionSlug ? { slug: comment.article.sectionSlug } : null }),
        createdLabel: formatDateTime(comment.createdAt, words),
      })),
      page,
      hasNext: comments.length > perPage,
      notice: noticeText(notices(words), request.query),
      error: '',
      commenter: email ? await findCommenterStanding(context.db, email) : null,
      notifyMe: await readModeratorNotifications(context.db, requireStaff(request).id),
    });
  });

  const act = async (request: FastifyRequest, reply: FastifyReply, ids: number[], action: ModerationAction, returnTo: string) => {
    const count = await moderateComments(deps, moderator(request), ids, action);
    await audit(accountDeps(context), requireStaff(request), `comments.${action}`, ids.join(', ').slice(0, 200), requestMeta(request));
    return reply.redirect(withNotice(returnTo, action, count), 303);
  };

  const ActionParams = Type.Object({ id: rowId, action: oneOf(moderationActions) });
  app.post<{ Params: Static<typeof ActionParams> }>(
    '/admin/comments/:id/:action',
    {
      schema: { params: ActionParams, body: formBody({}) },
      preHandler: app.csrfProtection,
    },
    async (request, reply) => {
      const comment = await findModeratedComment(context.db, request.params.id);
      if (!comment) throw new NotFoundError(phrase('moderation.commentGone'));
      return act(request, reply, [comment.id], request.params.action, `/admin/comments?status=${comment.status}`);
    },
  );

  app.post<{ Body: Static<typeof BulkBody> }>(
    '/admin/comments/bulk',
    {
      schema: { body: BulkBody },
      preHandler: app.csrfProtection,
    },
    async (request, reply) => {
      const ids = [request.body.ids ?? []].flat().map(Number);
      const returnTo = queuePath(request.body.return_to);
      if (ids.length === 0 || !request.body.action) return reply.redirect(withNotice(returnTo, 'choose-first'), 303);
      return act(request, reply, ids, request.body.action, returnTo);
    },
  );

  app.post<{ Body: Static<typeof CommenterBody> }>(
    '/admin/comments/commenter',
    { schema: { body: CommenterBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const email = normaliseEmailAddress(request.body.email ?? '');
      if (email === '') throw new ValidationError(phrase('moderation.chooseCommenter'));
      const back = `/admin/comments?email=${encodeURIComponent(email)}`;
      if (request.body.standing === 'approve-all') {
        const pending = await listModeratedComments(context.db, { status: 'pending', email, offset: 0, limit: 500 });
        if (pending.length === 0) return reply.redirect(withNotice(back, 'nothing-pending'), 303);
        return act(
          request,
          reply,
          pending.map((comment) => comment.id),
          'approve',
          back,
        );
      }
      const banned = request.body.standing === 'ban';
      await setCommenterBan(deps, email, banned);
      await audit(accountDeps(context), requireStaff(request), banned ? 'commenter.banned' : 'commenter.unbanned', email, requestMeta(request));
      return reply.redirect(withNotice(back, banned ? 'banned' : 'unbanned'), 303);
    },
  );

  app.post<{ Body: Static<typeof NotificationsBody> }>(
    '/admin/comments/notifications',
    { schema: { body: NotificationsBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const on = request.body.notify === 'on';
      await setModeratorNotifications(context.db, requireStaff(request).id, on);
      return reply.redirect(withNotice('/admin/comments', on ? 'alerts-on' : 'alerts-off'), 303);
    },
  );

  app.post<{ Params: IdParams; Body: Static<typeof ArticleCommentsBody> }>(
    '/admin/comments/article/:id',
    { schema: { params: IdParams, body: ArticleCommentsBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const open = request.body.comments === 'open';
      if (!(await setArticleCommentsOpen(context.db, request.params.id, open))) throw new NotFoundError(phrase('moderation.noSuchArticle'));
      context.changes.announce([contentTags.article(request.params.id)]);
      await audit(
        accountDeps(context),
        requireStaff(request),
        open ? 'comments.opened' : 'comments.closed',
        `article ${request.params.id}`,
        requestMeta(request),
      );
      return reply.redirect(`/admin/articles/${request.params.id}?comments=${open ? 'opened' : 'closed'}`, 303);
    },
  );
};
