import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { audit, can } from '../../accounts/index.ts';
import { type CommentPolicy, commentPolicyLimits } from '../../settings/index.ts';
import {
  addBlock,
  deleteBlock,
  editComment,
  eraseCommenterData,
  exportCommenterData,
  findModeratedComment,
  listBlocks,
  replyAsStaff,
} from '../../comments/index.ts';
import { normaliseEmailAddress } from '../../platform/email-address.ts';
import { ForbiddenError, NotFoundError, phrase, ValidationError } from '../../errors.ts';
import { contentTags } from '../../platform/content-changes.ts';
import { accountDeps, adminChrome, type AdminContext, newsroomWords, requestMeta, requireStaff, sendHtml, staffOnly } from '../admin-context.ts';
import { type NewsroomKey, type Translator, translator } from '../../i18n/index.ts';
import { NoticeQuery, type NoticeTable, noticeText, withNotice } from '../notices.ts';
import { renderBlockListPage, renderCommentEditPage, renderCommentPolicyPage, renderPrivacyPage } from './comment-tools-pages.tsx';
import { rowIdParams } from '../../platform/route-schemas.ts';

const IdParams = rowIdParams('id');
type IdParams = Static<typeof IdParams>;
const stringsBody = (names: readonly string[]) =>
  ({ type: 'object', properties: Object.fromEntries([...names, '_csrf'].map((name) => [name, { type: 'string', maxLength: 100_000 }])) }) as const;
type Body = Record<string, string | undefined>;

/** What the tools' pages say after a form, by notice code, in the newsroom's words. */
const notices = (words: Translator<NewsroomKey>) =>
  ({
    'block-added': words.text('moderation.blockAdded'),
    'block-removed': words.text('moderation.blockRemoved'),
    erased: (count) => words.text('moderation.erased', { count }),
    'policy-saved': words.text('moderation.policySaved'),
  }) satisfies NoticeTable;

/** Editing, staff replies, the block list, privacy requests and the comment policy. */
export const commentToolsRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const deps = context.comments;
  app.addHook('preHandler', staffOnly);
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!can(requireStaff(request), 'moderate-comments')) throw new ForbiddenError(phrase('moderation.roleCannotModerate'));
  });
  const chrome = (request: FastifyRequest, reply: FastifyReply) => adminChrome(context, request, reply);
  const moderator = (request: FastifyRequest) => ({ id: requireStaff(request).id, name: requireStaff(request).name });
  const commentOrThrow = async (id: number) => {
    const comment = await findModeratedComment(context.db, id);
    if (!comment) throw new NotFoundError(phrase('moderation.commentGone'));
    return comment;
  };
  /** The comment form's own words (the reader catalog's) in the newsroom's language, for the checks a moderator's edit or reply goes through. */
  const formWords = () => {
    const words = newsroomWords(context);
    return translator(words.language, words.timeZone);
  };

  app.get<{ Params: IdParams }>('/admin/comments/:id/edit', { schema: { params: IdParams } }, async (request, reply) => {
    const comment = await commentOrThrow(request.params.id);
    const values = { name: comment.authorName, website: comment.authorWebsite, comment: comment.body };
    return sendHtml(reply, 200, renderCommentEditPage(chrome(request, reply), { comment, values, errors: {}, replyValue: '', replyError: '' }));
  });

  app.post<{ Params: IdParams; Body: Body }>(
    '/admin/comments/:id/edit',
    { schema: { params: IdParams, body: stringsBody(['name', 'website', 'comment']) }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const comment = await commentOrThrow(request.params.id);
      const values = { name: request.body.name ?? '', website: request.body.website ?? '', comment: request.body.comment ?? '' };
      try {
        await editComment(deps, comment.id, values, formWords());
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const errors = error.fieldsIn(newsroomWords(context));
        return sendHtml(reply, 422, renderCommentEditPage(chrome(request, reply), { comment, values, errors, replyValue: '', replyError: '' }));
      }
      await audit(accountDeps(context), requireStaff(request), 'comments.edited', String(comment.id), requestMeta(request));
      return reply.redirect(withNotice(`/admin/comments?status=${comment.status}`, 'saved'), 303);
    },
  );

  app.post<{ Params: IdParams; Body: Body }>(
    '/admin/comments/:id/reply',
    { schema: { params: IdParams, body: stringsBody(['reply']) }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const comment = await commentOrThrow(request.params.id);
      const text = request.body.reply ?? '';
      try {
        await replyAsStaff(deps, moderator(request), comment.id, text, formWords());
        // Back to the queue the comment was in: replying is one step of working through it.
        return reply.redirect(withNotice(`/admin/comments?status=${comment.status}`, 'replied'), 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const values = { name: comment.authorName, website: comment.authorWebsite, comment: comment.body };
        const words = newsroomWords(context);
        const replyError = error.fieldsIn(words).comment ?? error.textIn(words);
        return sendHtml(reply, 422, renderCommentEditPage(chrome(request, reply), { comment, values, errors: {}, replyValue: text, replyError }));
      }
    },
  );

  const showBlocks = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state: { values?: Body; errors?: Record<string, string>; notice?: string },
  ) =>
    sendHtml(
      reply,
      status,
      renderBlockListPage(chrome(request, reply), {
        blocks: await listBlocks(context.db),
        values: { kind: state.values?.kind ?? 'word', pattern: state.values?.pattern ?? '' },
        errors: state.errors ?? {},
        notice: state.notice ?? '',
      }),
    );

  app.get<{ Querystring: NoticeQuery }>('/admin/comments/blocks', { schema: { querystring: NoticeQuery } }, (request, reply) =>
    showBlocks(request, reply, 200, { notice: noticeText(notices(newsroomWords(context)), request.query) }),
  );

  app.post<{ Body: Body }>(
    '/admin/comments/blocks',
    { schema: { body: stringsBody(['kind', 'pattern']) }, preHandler: app.csrfProtection },
    async (request, reply) => {
      try {
        await addBlock(deps, moderator(request), request.body.kind ?? '', request.body.pattern ?? '');
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return showBlocks(request, reply, 422, { values: request.body, errors: error.fieldsIn(newsroomWords(context)) });
      }
      await audit(
        accountDeps(context),
        requireStaff(request),
        'comments.block-added',
        `${request.body.kind}: ${request.body.pattern}`.slice(0, 200),
        requestMeta(request),
      );
      return reply.redirect(withNotice('/admin/comments/blocks', 'block-added'), 303);
    },
  );

  app.post<{ Params: IdParams }>(
    '/admin/comments/blocks/:id/delete',
    { schema: { params: IdParams, body: stringsBody([]) }, preHandler: app.csrfProtection },
    async (request, reply) => {
      await deleteBlock(context.db, request.params.id);
      await audit(accountDeps(context), requireStaff(request), 'comments.block-removed', String(request.params.id), requestMeta(request));
      return reply.redirect(withNotice('/admin/comments/blocks', 'block-removed'), 303);
    },
  );

  const EmailQuery = Type.Object({ email: Type.Optional(Type.String({ maxLength: 254 })), ...NoticeQuery.properties });

  app.get<{ Querystring: Static<typeof EmailQuery> }>('/admin/comments/privacy', { schema: { querystring: EmailQuery } }, async (request, reply) => {
    const email = normaliseEmailAddress(request.query.email ?? '');
    const found = email ? (await exportCommenterData(context.db, email)).comments.length : null;
    return sendHtml(
      reply,
      200,
      renderPrivacyPage(chrome(request, reply), { email, found, error: '', notice: noticeText(notices(newsroomWords(context)), request.query) }),
    );
  });

  app.get<{ Querystring: Static<typeof EmailQuery> }>('/admin/comments/privacy/export', { schema: { querystring: EmailQuery } }, async (request, reply) => {
    const email = normaliseEmailAddress(request.query.email ?? '');
    if (email === '') throw new ValidationError(phrase('moderation.exportWhom'));
    await audit(accountDeps(context), requireStaff(request), 'commenter.exported', email, requestMeta(request));
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="commenter-data.json"')
      .send(JSON.stringify(await exportCommenterData(context.db, email), null, 2));
  });

  app.post<{ Body: Body }>(
    '/admin/comments/privacy/erase',
    { schema: { body: stringsBody(['email', 'confirm']) }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const email = normaliseEmailAddress(request.body.email ?? '');
      if (email === '' || normaliseEmailAddress(request.body.confirm ?? '') !== email) {
        const found = email ? (await exportCommenterData(context.db, email)).comments.length : null;
        return sendHtml(
          reply,
          422,
          renderPrivacyPage(chrome(request, reply), { email, found, error: newsroomWords(context).text('moderation.confirmMismatch'), notice: '' }),
        );
      }
      const erased = await context.db.transaction().execute((trx) => eraseCommenterData(trx, email));
      context.changes.announce(erased.articleIds.map(contentTags.article));
      // The audit log records that an erasure happened, not whose: the email itself is what was erased.
      await audit(accountDeps(context), requireStaff(request), 'commenter.erased', `${erased.comments} comments`, requestMeta(request));
      return reply.redirect(withNotice('/admin/comments/privacy', 'erased', erased.comments), 303);
    },
  );

  const policyFields = ['moderation', 'order', ...Object.keys(commentPolicyLimits)] as const;
  const policyValues = (policy: CommentPolicy) => Object.fromEntries(policyFields.map((key) => [key, String(policy[key as keyof CommentPolicy])]));
  const requireSettingsRole = async (request: FastifyRequest) => {
    if (!can(requireStaff(request), 'manage-settings')) throw new ForbiddenError(phrase('moderation.policyRole'));
  };

  app.get<{ Querystring: NoticeQuery }>(
    '/admin/comments/policy',
    { schema: { querystring: EmailQuery }, preHandler: requireSettingsRole },
    (request, reply) => {
      const policy = context.site.settings.current().comments;
      return sendHtml(
        reply,
        200,
        renderCommentPolicyPage(chrome(request, reply), {
          values: policyValues(policy),
          errors: {},
          notice: noticeText(notices(newsroomWords(context)), request.query),
          policy,
        }),
      );
    },
  );

  app.post<{ Body: Body }>(
    '/admin/comments/policy',
    { schema: { body: stringsBody(policyFields) }, preHandler: [requireSettingsRole, app.csrfProtection] },
    async (request, reply) => {
      const current = context.site.settings.current().comments;
      const values = Object.fromEntries(policyFields.map((key) => [key, request.body[key] ?? '']));
      const errors: Record<string, string> = {};
      const words = newsroomWords(context);
      const numbers: Record<string, number> = {};
      for (const [key, { min, max }] of Object.entries(commentPolicyLimits)) {
        const text = (values[key] ?? '').trim();
        const value = Number(text);
        if (!/^\d{1,5}$/.test(text) || value < min || value > max) errors[key] = words.text('moderation.notWhole', { min: String(min), max: String(max) });
        else numbers[key] = value;
      }
      if (Object.keys(errors).length > 0) {
        return sendHtml(reply, 422, renderCommentPolicyPage(chrome(request, reply), { values, errors, notice: '', policy: current }));
      }
      const moderation = (['hold-all', 'hold-first', 'publish'] as const).find((option) => option === values.moderation) ?? current.moderation;
      const policy: CommentPolicy = { ...current, ...numbers, moderation, order: values.order === 'newest' ? 'newest' : 'oldest' };
      await context.site.settings.update({ comments: policy });
      await audit(accountDeps(context), requireStaff(request), 'comments.policy-changed', moderation, requestMeta(request));
      return reply.redirect(withNotice('/admin/comments/policy', 'policy-saved'), 303);
    },
  );
};
