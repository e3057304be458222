import type { FastifyPluginAsync } from 'fastify';
import { contentTags } from '../../platform/content-changes.ts';
import { type PageCache, pageCacheRoute, servePage } from '../../platform/page-cache.ts';
import type { SiteContext } from '../../settings/index.ts';
import { renderApiDocsPage } from './api-docs-page.tsx';
import type { JsonSchema } from './api-docs-schema.tsx';
import { apiDocsCss, apiDocsStylesheetPath } from './api-docs-styles.ts';

export const apiDocsPath = '/api/docs';

export interface ApiDocsDeps {
  readonly site: SiteContext;
  readonly pages: PageCache;
  /** The OpenAPI document as /api/v1/openapi.json sends it (made once, after the app is ready). */
  readonly document: () => unknown;
}

/**
 * GET /api/docs: the API's reference, drawn by Gazette from its own OpenAPI document; nothing from a
 * CDN and no script. Kept in the page cache like a reader page: the document never changes while
 * the app runs, and the site's name (the one thing of the settings it shows) drops it when changed.
 */
export const apiDocsRoutes: FastifyPluginAsync<ApiDocsDeps> = async (app, { site, pages, document }) => {
  app.get(apiDocsPath, { ...pageCacheRoute, schema: { hide: true } }, async (request, reply) =>
    servePage(request, reply, pages, apiDocsPath, async () => {
      // A JSON round trip gives the document exactly as clients read it, with nothing but plain data in it.
      const served = JSON.parse(JSON.stringify(document())) as JsonSchema;
      const html = renderApiDocsPage({
        document: served,
        siteName: site.settings.current().name,
        stylesheetUrls: [site.assets.stylesheetUrl, apiDocsStylesheetPath],
        iconUrl: site.assets.iconUrl,
      });
      return { html, tags: [contentTags.settings] };
    }),
  );

  app.get(apiDocsStylesheetPath, { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(apiDocsCss),
  );
};
