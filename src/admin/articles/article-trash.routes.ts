import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { can } from '../../accounts/index.ts';
import { canTrashArticle, deleteArticleForever, getArticle, restoreArticle, trashArticle } from '../../articles/index.ts';
import { ConflictError, ForbiddenError, phrase } from '../../errors.ts';
import { type AdminContext, requireStaff, staffOnly, sendAdminPage } from '../admin-context.ts';
import { auditArticle } from './article-audit.ts';
import { renderDeleteArticlePage } from './article-trash-controls.tsx';
import { rowIdParams } from '../../platform/route-schemas.ts';

const IdParams = rowIdParams('articleId');
type IdParams = Static<typeof IdParams>;
const csrfBody = { type: 'object', properties: { _csrf: { type: 'string', maxLength: 200 } } } as const;
type ArticleRequest = FastifyRequest<{ Params: IdParams }>;

/**
 * The trash: moving an article there (off the site everywhere at once), restoring it as a draft, and
 * deleting it for good after a confirmation. Each step is written to the audit log.
 */
export const articleTrashRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const articleDeps = { db: context.db, clock: context.site.clock, changes: context.changes, events: context.articleEvents };
  app.addHook('preHandler', staffOnly);

  app.post<{ Params: IdParams }>(
    '/admin/articles/:articleId/trash',
    { schema: { params: IdParams, body: csrfBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const article = await getArticle(context.db, request.params.articleId);
      if (!canTrashArticle(requireStaff(request), article)) throw new ForbiddenError(phrase('refusal.articles.trashForbidden'));
      if (!article.trashedAt) {
        await trashArticle(articleDeps, article.id);
        await auditArticle(context, request, 'trashed', article);
      }
      return reply.redirect('/admin?view=trash&done=trashed', 303);
    },
  );

  app.post<{ Params: IdParams }>(
    '/admin/articles/:articleId/restore',
    { schema: { params: IdParams, body: csrfBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const article = await getArticle(context.db, request.params.articleId);
      if (!canTrashArticle(requireStaff(request), article)) throw new ForbiddenError(phrase('refusal.articles.restoreForbidden'));
      await restoreArticle(articleDeps, article.id);
      await auditArticle(context, request, 'restored', article);
      return reply.redirect(`/admin/articles/${article.id}?done=restored`, 303);
    },
  );

  const loadDeletable = async (request: ArticleRequest) => {
    if (!can(requireStaff(request), 'delete-trashed-article')) throw new ForbiddenError(phrase('refusal.articles.deleteForbidden'));
    const article = await getArticle(context.db, request.params.articleId);
    if (!article.trashedAt) throw new ConflictError(phrase('refusal.articles.deleteNotTrashed'));
    return article;
  };

  app.get<{ Params: IdParams }>('/admin/articles/:articleId/delete', { schema: { params: IdParams } }, async (request, reply) => {
    const article = await loadDeletable(request);
    return sendAdminPage(context, request, reply, 200, renderDeleteArticlePage, { articleId: article.id, headline: article.headline });
  });

  app.post<{ Params: IdParams }>(
    '/admin/articles/:articleId/delete',
    { schema: { params: IdParams, body: csrfBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const article = await loadDeletable(request);
      await deleteArticleForever(articleDeps, article.id);
      await auditArticle(context, request, 'deleted', article);
      return reply.redirect('/admin?view=trash&done=deleted', 303);
    },
  );
};
