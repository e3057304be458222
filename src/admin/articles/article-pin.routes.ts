import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { can } from '../../accounts/index.ts';
import { getArticle, pinArticle } from '../../articles/index.ts';
import { ForbiddenError, phrase } from '../../errors.ts';
import { rowIdParams } from '../../platform/route-schemas.ts';
import { type AdminContext, requireStaff, staffOnly } from '../admin-context.ts';
import { auditArticle } from './article-audit.ts';

const IdParams = rowIdParams('articleId');
const PinBody = Type.Object({ pinned: Type.Union([Type.Literal('on'), Type.Literal('off')]), _csrf: Type.Optional(Type.String({ maxLength: 200 })) });

/** Pinning an article as the home page's lead (WordPress's "sticky"), audited. */
export const articlePinRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const articleDeps = { db: context.db, clock: context.site.clock, changes: context.changes, events: context.articleEvents };
  app.addHook('preHandler', staffOnly);

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof PinBody> }>(
    '/admin/articles/:articleId/pin',
    { schema: { params: IdParams, body: PinBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      if (!can(requireStaff(request), 'publish-any-article')) throw new ForbiddenError(phrase('refusal.articles.pinForbidden'));
      const article = await getArticle(context.db, request.params.articleId);
      const pinned = request.body.pinned === 'on';
      await pinArticle(articleDeps, article.id, pinned);
      await auditArticle(context, request, pinned ? 'pinned' : 'unpinned', article);
      return reply.redirect(`/admin/articles/${article.id}?done=${pinned ? 'pinned' : 'unpinned'}`, 303);
    },
  );
};
