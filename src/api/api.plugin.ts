import swagger from '@fastify/swagger';
import type { FastifyPluginAsync } from 'fastify';
import { adminArticleSchemas } from './admin/admin-article-json.ts';
import { adminArticleRoutes } from './admin/admin-articles.routes.ts';
import { adminCommentRoutes } from './admin/admin-comments.routes.ts';
import { adminMediaRoutes } from './admin/admin-media.routes.ts';
import { adminTaxonomyRoutes } from './admin/admin-taxonomy.routes.ts';
import { adminWebhookRoutes } from './admin/admin-webhooks.routes.ts';
import { apiDocsRoutes } from './reference/api-docs.routes.ts';
import { requireBearerToken } from './api-callers.ts';
import type { ApiDeps } from './api-deps.ts';
import { sharedArticleSchemas } from './article-json.ts';
import { contentApiRoutes } from './content/content-api.plugin.ts';
import { makePostsIdempotent } from './idempotency.ts';
import { checkBodiesStrictly } from './strict-bodies.ts';
import { openApiOptions, serveOpenApiDocument } from './reference/openapi.ts';
import { answerErrorsAsProblems, Problem } from './problem-details.ts';

export const apiPrefix = '/api/v1';

/**
 * The Content API (public, read-only) and the Admin API (bearer tokens) under /api/v1. Errors are
 * problem details; every route declares its schemas, and the OpenAPI document is made from them.
 */
export const apiRoutes: FastifyPluginAsync<ApiDeps> = async (app, deps) => {
  await app.register(swagger, openApiOptions(deps.site.publicUrl));
  app.addSchema(Problem);
  for (const schema of [...sharedArticleSchemas, ...adminArticleSchemas]) app.addSchema(schema);

  await app.register(
    async (api) => {
      answerErrorsAsProblems(api);
      checkBodiesStrictly(api, deps.schemas);
      serveOpenApiDocument(api, () => app.swagger());
      await api.register(contentApiRoutes, deps);
      await api.register(
        async (admin) => {
          requireBearerToken(admin, deps.authenticate);
          makePostsIdempotent(admin, deps);
          await admin.register(adminArticleRoutes, deps);
          await admin.register(adminCommentRoutes, deps);
          await admin.register(adminTaxonomyRoutes, deps);
          await admin.register(adminMediaRoutes, deps);
          await admin.register(adminWebhookRoutes, deps);
        },
        { prefix: '/admin' },
      );
    },
    { prefix: apiPrefix },
  );
  await app.register(apiDocsRoutes, { site: deps.site, pages: deps.pages, document: () => app.swagger() });
};
