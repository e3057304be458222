import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { audit, can } from '../accounts/index.ts';
import { articleUrl } from '../articles/urls.ts';
import type { CommentStatus } from '../comments/comment.table.ts';
import { commentStatuses } from '../comments/comment.table.ts';
import {
  countCommentsByStatus,
  findCommenterStanding,
  findModeratedComment,
  listModeratedComments,
  readModeratorNotifications,
  setModeratorNotifications,
} from '../comments/moderation.queries.ts';
import { type ModerationAction, moderateComments, moderationActions, setCommenterBan } from '../comments/moderation.service.ts';
import { setArticleCommentsOpen } from '../comments/comments.queries.ts';
import { normaliseEmailAddress } from '../platform/email-address.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { formatDateTime } from '../render/dates.ts';
import { dateStyleOf } from '../settings/index.ts';
import { contentTags } from '../platform/content-changes.ts';
import { type AdminContext, accountDeps, adminChrome, requestMeta, requireStaff, sendHtml } from './admin-context.ts';
import { renderCommentQueuePage } from './comment-queue-page.tsx';
import { type NoticeQuery, type NoticeTable, noticeQueryProperties, noticeText, withNotice } from './notices.ts';

const perPage = 50;
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2_147_483_647 } } } as const;
const queueQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: [...commentStatuses] },
    email: { type: 'string', maxLength: 254 },
    page: { type: 'integer', minimum: 1, maximum: 100_000 },
    ...noticeQueryProperties,
  },
} as const;
const formBody = (fields: Record<string, object>) => ({ type: 'object', properties: { _csrf: { type: 'string' }, ...fields } }) as const;

const notices = {
  approve: (count) => `${count} ${count === 1 ? 'comment' : 'comments'} approved.`,
  spam: (count) => `${count} marked as spam. The filter learns from this.`,
  trash: (count) => `${count} moved to the trash.`,
  restore: (count) => `${count} restored to pending.`,
  'choose-first': 'Choose at least one comment and an action first.',
  'nothing-pending': 'Nothing of theirs is pending.',
  banned: 'Banned: their comments will go to spam.',
  unbanned: 'Ban lifted.',
  'alerts-on': 'You will get an email for each held comment.',
  'alerts-off': 'No more emails about held comments.',
  saved: 'Comment saved.',
} satisfies NoticeTable & Record<ModerationAction, (count: number) => string>;

/** Only newsroom paths back into this queue, so a crafted form cannot send a moderator elsewhere. */
function queuePath(value: unknown): string {
  return typeof value === 'string' && /^\/admin\/comments(\?[A-Za-z0-9=&%._@+-]*)?$/.test(value) ? value : '/admin/comments';
}

/** The moderation queue: editors and above, as the roles say. */
export const commentModerationRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const deps = context.comments;
  app.addHook('preHandler', requireStaff);
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!can(request.staff!, 'moderate-comments')) throw new ForbiddenError('Your role cannot moderate comments.');
  });
  const moderator = (request: FastifyRequest) => ({ id: request.staff!.id, name: request.staff!.name });

  app.get<{ Querystring: { status?: CommentStatus; email?: string; page?: number } & NoticeQuery }>(
    '/admin/comments',
    { schema: { querystring: queueQuery } },
    async (request, reply) => {
      const email = normaliseEmailAddress(request.query.email ?? '') || null;
      const status = request.query.status ?? (email ? null : 'pending');
      const page = request.query.page ?? 1;
      const comments = await listModeratedComments(context.db, { ...(status ? { status } : {}), ...(email ? { email } : {}), offset: (page - 1) * perPage, limit: perPage + 1 });
      const dateStyle = dateStyleOf(context.site.settings.current());
      return sendHtml(
        reply,
        200,
        renderCommentQueuePage(adminChrome(context, request, reply), {
          status,
          email,
          counts: await countCommentsByStatus(context.db, email ?? undefined),
          comments: comments.slice(0, perPage).map((comment) => ({
            ...comment,
            articleUrl: articleUrl({ slug: comment.article.slug, section: comment.article.sectionSlug ? { slug: comment.article.sectionSlug } : null }),
            createdLabel: formatDateTime(comment.createdAt, dateStyle),
          })),
          page,
          hasNext: comments.length > perPage,
          notice: noticeText(notices, request.query),
          error: '',
          commenter: email ? await findCommenterStanding(context.db, email) : null,
          notifyMe: await readModeratorNotifications(context.db, request.staff!.id),
        }),
      );
    },
  );

  const act = async (request: FastifyRequest, reply: FastifyReply, ids: number[], action: ModerationAction, returnTo: string) => {
    const count = await moderateComments(deps, moderator(request), ids, action);
    await audit(accountDeps(context), request.staff!, `comments.${action}`, ids.join(', ').slice(0, 200), requestMeta(request));
    return reply.redirect(withNotice(returnTo, action, count), 303);
  };

  app.post<{ Params: { id: number; action: string } }>(
    '/admin/comments/:id/:action',
    {
      schema: { params: { type: 'object', required: ['id', 'action'], properties: { id: idParams.properties.id, action: { type: 'string', enum: [...moderationActions] } } }, body: formBody({}) },
      preHandler: app.csrfProtection,
    },
    async (request, reply) => {
      const comment = await findModeratedComment(context.db, request.params.id);
      if (!comment) throw new NotFoundError('That comment no longer exists.');
      return act(request, reply, [comment.id], request.params.action as ModerationAction, `/admin/comments?status=${comment.status}`);
    },
  );

  app.post<{ Body: { action?: string; ids?: string | string[]; return_to?: string } }>(
    '/admin/comments/bulk',
    {
      schema: {
        body: formBody({ action: { type: 'string', enum: [...moderationActions] }, ids: { anyOf: [{ type: 'string', pattern: '^\\d{1,10}$' }, { type: 'array', maxItems: 500, items: { type: 'string', pattern: '^\\d{1,10}$' } }] }, return_to: { type: 'string', maxLength: 400 } }),
      },
      preHandler: app.csrfProtection,
    },
    async (request, reply) => {
      const ids = [request.body.ids ?? []].flat().map(Number);
      const returnTo = queuePath(request.body.return_to);
      if (ids.length === 0 || !request.body.action) return reply.redirect(withNotice(returnTo, 'choose-first'), 303);
      return act(request, reply, ids, request.body.action as ModerationAction, returnTo);
    },
  );

  app.post<{ Body: { email?: string; standing?: string } }>(
    '/admin/comments/commenter',
    { schema: { body: formBody({ email: { type: 'string', maxLength: 254 }, standing: { type: 'string', enum: ['ban', 'unban', 'approve-all'] } }) }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const email = normaliseEmailAddress(request.body.email ?? '');
      if (email === '') throw new ValidationError('Choose a commenter first.');
      const back = `/admin/comments?email=${encodeURIComponent(email)}`;
      if (request.body.standing === 'approve-all') {
        const pending = await listModeratedComments(context.db, { status: 'pending', email, offset: 0, limit: 500 });
        if (pending.length === 0) return reply.redirect(withNotice(back, 'nothing-pending'), 303);
        return act(request, reply, pending.map((comment) => comment.id), 'approve', back);
      }
      const banned = request.body.standing === 'ban';
      await setCommenterBan(deps, email, banned);
      await audit(accountDeps(context), request.staff!, banned ? 'commenter.banned' : 'commenter.unbanned', email, requestMeta(request));
      return reply.redirect(withNotice(back, banned ? 'banned' : 'unbanned'), 303);
    },
  );

  app.post<{ Body: { notify?: string } }>(
    '/admin/comments/notifications',
    { schema: { body: formBody({ notify: { type: 'string', enum: ['on', 'off'] } }) }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const on = request.body.notify === 'on';
      await setModeratorNotifications(context.db, request.staff!.id, on);
      return reply.redirect(withNotice('/admin/comments', on ? 'alerts-on' : 'alerts-off'), 303);
    },
  );

  app.post<{ Params: { id: number }; Body: { comments?: string } }>(
    '/admin/comments/article/:id',
    { schema: { params: idParams, body: formBody({ comments: { type: 'string', enum: ['open', 'closed'] } }) }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const open = request.body.comments === 'open';
      if (!(await setArticleCommentsOpen(context.db, request.params.id, open))) throw new NotFoundError('There is no such article.');
      context.changes.announce([contentTags.article(request.params.id)]);
      await audit(accountDeps(context), request.staff!, open ? 'comments.opened' : 'comments.closed', `article ${request.params.id}`, requestMeta(request));
      return reply.redirect(`/admin/articles/${request.params.id}?comments=${open ? 'opened' : 'closed'}`, 303);
    },
  );
};
