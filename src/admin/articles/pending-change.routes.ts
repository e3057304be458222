import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  acceptPendingChange,
  type Article,
  canEditArticle,
  canPublishArticle,
  getArticle,
  getProposedChange,
  loadSnapshotNames,
  type PendingChange,
  rejectPendingChange,
  snapshotOfArticle,
  withdrawPendingChange,
} from '../../articles/index.ts';
import { articleUrl } from '../../platform/urls.ts';
import { ConflictError, ForbiddenError, NotFoundError, phrase, ValidationError } from '../../errors.ts';
import { formatDateTime } from '../../render/dates.ts';
import { type AdminContext, newsroomWords, requireStaff, staffOnly, sendAdminPage } from '../admin-context.ts';
import { auditChange } from './article-audit.ts';
import { renderPendingChangePage } from './pending-change-page.tsx';
import { readableSnapshot } from './snapshot-differences.tsx';
import { rowIdParams } from '../../platform/route-schemas.ts';

const ChangeParams = rowIdParams('articleId', 'changeId');
type ChangeParams = Static<typeof ChangeParams>;
const csrfBody = { type: 'object', properties: { _csrf: { type: 'string', maxLength: 200 } } } as const;
const acceptBody = {
  type: 'object',
  required: ['liveVersion'],
  properties: { liveVersion: { type: 'string', pattern: '^[0-9]{1,9}$' }, _csrf: { type: 'string', maxLength: 200 } },
} as const;

type ChangeRequest = FastifyRequest<{ Params: ChangeParams }>;

/**
 * A change to a live article held for review: the comparison with the published version, and the
 * decisions on it (accept or reject by those who may publish the article, withdraw by its writer).
 */
export const pendingChangeRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const { db, site } = context;
  const articleDeps = { db, clock: site.clock, changes: context.changes, events: context.articleEvents };
  app.addHook('preHandler', staffOnly);

  const load = async (request: ChangeRequest): Promise<{ article: Article; change: PendingChange }> => {
    const staff = requireStaff(request);
    const article = await getArticle(db, request.params.articleId);
    const change = await getProposedChange(db, article.id, request.params.changeId);
    const isProposer = change.proposedBy === staff.id && canEditArticle(staff, article);
    if (!isProposer && !canPublishArticle(staff, article)) throw new ForbiddenError(phrase('refusal.articles.changeForbidden'));
    return { article, change };
  };

  const show = async (request: ChangeRequest, reply: FastifyReply, status: number, message?: string) => {
    const { article, change } = await load(request);
    const staff = requireStaff(request);
    const live = snapshotOfArticle(article);
    const names = await loadSnapshotNames(db, [live, change.snapshot]);
    // Also the times' style: as the newsroom writes them in its language (Korean: 18:40).
    const words = newsroomWords(context);
    const formerMember = words.text('articles.formerMember');
    const waiting = change.state === 'pending';
    return sendAdminPage(context, request, reply, status, renderPendingChangePage, {
      articleId: article.id,
      liveHeadline: article.headline,
      liveVersion: article.version,
      publicUrl: article.status === 'published' ? articleUrl(article) : null,
      change: {
        id: change.id,
        state: change.state,
        byName: change.proposedByName ?? formerMember,
        atLabel: formatDateTime(change.proposedAt, words),
        ...(change.decidedAt ? { decided: { byName: change.decidedByName ?? formerMember, atLabel: formatDateTime(change.decidedAt, words) } } : {}),
      },
      liveMovedOn: article.version > change.baseVersion,
      live: readableSnapshot(live, names, words),
      proposed: readableSnapshot(change.snapshot, names, words),
      canDecide: waiting && canPublishArticle(staff, article),
      canWithdraw: waiting && change.proposedBy === staff.id,
      ...(message ? { message } : {}),
    });
  };

  /** A refused decision re-shows the comparison as it now stands, with the reason. */
  const refused = (request: ChangeRequest, reply: FastifyReply, error: unknown) => {
    const words = newsroomWords(context);
    if (error instanceof ValidationError) {
      const problems = Object.values(error.fieldsIn(words)).join(' ') || error.textIn(words);
      return show(request, reply, 422, words.text('articles.change.cannotPublish', { problems }));
    }
    if (error instanceof ConflictError) return show(request, reply, 409, error.textIn(words));
    throw error;
  };

  app.get<{ Params: ChangeParams }>('/admin/articles/:articleId/changes/:changeId', { schema: { params: ChangeParams } }, (request, reply) =>
    show(request, reply, 200),
  );

  app.post<{ Params: ChangeParams; Body: { liveVersion: string } }>(
    '/admin/articles/:articleId/changes/:changeId/accept',
    { schema: { params: ChangeParams, body: acceptBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const { article } = await load(request);
      try {
        const { change } = await acceptPendingChange(articleDeps, article.id, {
          editor: requireStaff(request),
          changeId: request.params.changeId,
          expectedVersion: Number(request.body.liveVersion),
        });
        await auditChange(context, request, 'change-accepted', article, change);
        return reply.redirect(`/admin/articles/${article.id}?done=accepted`, 303);
      } catch (error) {
        return refused(request, reply, error);
      }
    },
  );

  app.post<{ Params: ChangeParams }>(
    '/admin/articles/:articleId/changes/:changeId/reject',
    { schema: { params: ChangeParams, body: csrfBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const { article } = await load(request);
      try {
        const change = await rejectPendingChange(articleDeps, article.id, { editor: requireStaff(request), changeId: request.params.changeId });
        await auditChange(context, request, 'change-rejected', article, change);
        return reply.redirect(`/admin/articles/${article.id}?done=rejected`, 303);
      } catch (error) {
        return refused(request, reply, error);
      }
    },
  );

  app.post<{ Params: ChangeParams }>(
    '/admin/articles/:articleId/changes/:changeId/withdraw',
    { schema: { params: ChangeParams, body: csrfBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const { article } = await load(request);
      try {
        const change = await withdrawPendingChange(articleDeps, article.id, { editor: requireStaff(request), changeId: request.params.changeId });
        await auditChange(context, request, 'change-withdrawn', article, change);
        return reply.redirect(`/admin/articles/${article.id}?done=withdrawn`, 303);
      } catch (error) {
        if (error instanceof NotFoundError) return refused(request, reply, new ConflictError(error.phrase ?? error.message));
        return refused(request, reply, error);
      }
    },
  );
};
