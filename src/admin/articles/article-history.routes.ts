import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { canEditArticle, getArticle, holdsEditForReview, listArticleRevisions, loadSnapshotNames, restoreRevision } from '../../articles/index.ts';
import { ForbiddenError, phrase } from '../../errors.ts';
import { formatDateTime } from '../../render/dates.ts';
import { type AdminContext, newsroomWords, requireStaff, staffOnly, sendAdminPage } from '../admin-context.ts';
import { auditEdit } from './article-audit.ts';
import { renderRevisionsPage } from './revisions-page.tsx';
import { rowId, rowIdParams } from '../../platform/route-schemas.ts';

const ArticleParams = rowIdParams('articleId');
type ArticleParams = Static<typeof ArticleParams>;
const RevisionParams = rowIdParams('articleId', 'revisionId');
const CompareQuery = Type.Object({ from: Type.Optional(rowId), to: Type.Optional(rowId) });

/** Revisions with their differences, and restoring an old version (the preview is in article-preview.routes.ts). */
export const articleHistoryRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const { db, site } = context;
  app.addHook('preHandler', staffOnly);

  const loadEditable = async (request: FastifyRequest<{ Params: ArticleParams }>) => {
    const article = await getArticle(db, request.params.articleId);
    if (!canEditArticle(requireStaff(request), article)) throw new ForbiddenError(phrase('refusal.articles.seeOnlyOwn'));
    return article;
  };

  app.get<{ Params: ArticleParams; Querystring: Static<typeof CompareQuery> }>(
    '/admin/articles/:articleId/revisions',
    { schema: { params: ArticleParams, querystring: CompareQuery } },
    async (request, reply) => {
      const article = await loadEditable(request);
      const revisions = await listArticleRevisions(db, article.id);
      const dateStyle = newsroomWords(context);
      const byId = new Map(revisions.map((revision) => [revision.id, revision]));
      // By default: the latest save against the one before it.
      const to = byId.get(request.query.to ?? revisions[0]?.id ?? 0);
      const from = byId.get(request.query.from ?? revisions[1]?.id ?? 0);
      return sendAdminPage(context, request, reply, 200, renderRevisionsPage, {
        articleId: article.id,
        headline: article.headline,
        revisions: revisions.map((revision) => ({
          id: revision.id,
          label: formatDateTime(revision.savedAt, dateStyle),
          by: revision.savedByName ?? 'Gazette',
        })),
        ...(from && to
          ? {
              comparison: {
                from: from.snapshot,
                to: to.snapshot,
                fromId: from.id,
                toId: to.id,
                names: await loadSnapshotNames(db, [from.snapshot, to.snapshot]),
              },
            }
          : {}),
        restoreIsHeld: holdsEditForReview(requireStaff(request), article),
      });
    },
  );

  app.post<{ Params: Static<typeof RevisionParams> }>(
    '/admin/articles/:articleId/revisions/:revisionId/restore',
    { schema: { params: RevisionParams }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const article = await loadEditable(request);
      const outcome = await restoreRevision(
        { db, clock: site.clock, changes: context.changes, events: context.articleEvents },
        article.id,
        request.params.revisionId,
        {
          editor: requireStaff(request),
        },
      );
      await auditEdit(context, request, outcome);
      return reply.redirect(`/admin/articles/${article.id}?done=${outcome.kind === 'held' ? 'proposed' : 'saved'}`, 303);
    },
  );
};
