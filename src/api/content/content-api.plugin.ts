import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { SearchIndex } from '../../search/index.ts';
import type { ContentDeps } from './content-cache.ts';
import { contentArticleRoutes } from './content-articles.routes.ts';
import { contentSchemas } from './content-json.ts';
import { contentPageRoutes } from './content-pages.routes.ts';
import { contentSearchRoutes } from './content-search.routes.ts';
import { contentTaxonomyRoutes } from './content-taxonomy.routes.ts';

/** What the Content API needs beyond what every API route is given. */
export interface ContentApiOptions {
  /** The database's search index, the one the reader's search page uses. */
  readonly searchIndex: SearchIndex;
  /** Requests one IP address may make a minute (GAZETTE_CONTENT_API_PER_MINUTE); past it, 429 with Retry-After. */
  readonly perMinute: number;
}

/** What the Content API is given: the API's deps (it takes no more of them) and its own options. */
export interface ContentApiDeps extends ContentDeps {
  readonly content: ContentApiOptions;
}

/** What a script on another site may read from the answers, besides the headers every browser shows. */
const exposedHeaders = 'ETag, Last-Modified, X-Cache, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset';

/**
 * Published content is public, so any site's scripts may read it: `Access-Control-Allow-Origin: *`
 * on every GET and HEAD answer (errors too, so a script can read why), and an answer to the
 * browser's preflight on each route. Only here: the Admin API, beside it, never sends these.
 */
function allowReadsFromAnyOrigin(app: FastifyInstance): { answerPreflights(): void } {
  const paths: string[] = [];
  app.addHook('onRoute', (route) => {
    if (route.method === 'GET') paths.push(route.routePath);
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD') {
      reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', exposedHeaders);
    }
  });
  return {
    answerPreflights: () => {
      for (const path of paths) {
        app.options(path, { schema: { hide: true } }, async (_request, reply) =>
          reply
            .code(204)
            .header('access-control-allow-origin', '*')
            .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
            .header('access-control-allow-headers', 'If-None-Match, If-Modified-Since, Accept, Accept-Language, Cache-Control')
            .header('access-control-max-age', '86400')
            .send(),
        );
      }
    },
  };
}

/**
 * The Content API: public and read-only. Published articles, sections, tags, authors, pages, search
 * and approved comments, answered from the page cache like reader pages and limited per IP address.
 */
export const contentApiRoutes: FastifyPluginAsync<ContentApiDeps> = async (app, deps) => {
  for (const schema of contentSchemas) app.addSchema(schema);
  // Counted where every instance counts (src/platform/rate-limit.ts), so an address gets the limit once, not once per instance.
  await app.register(rateLimit, { max: deps.content.perMinute, timeWindow: '1 minute', ...app.rateLimitStores.options('content-api') });
  const cors = allowReadsFromAnyOrigin(app);
  const readerDeps = { db: deps.db, site: deps.site, pages: deps.pages };
  await app.register(contentArticleRoutes, readerDeps);
  await app.register(contentTaxonomyRoutes, readerDeps);
  await app.register(contentPageRoutes, readerDeps);
  await app.register(contentSearchRoutes, { ...readerDeps, searchIndex: deps.content.searchIndex });
  cors.answerPreflights();
};
