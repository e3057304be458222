import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { ReaderDeps } from '../articles/index.ts';
import { robotsUrl, sitemapUrl } from '../platform/urls.ts';
import { NotFoundError } from '../errors.ts';
import { pageCacheRoute, servePage } from '../platform/page-cache.ts';
import { robotsTxt } from './robots.ts';
import { parseSitemapFile } from './sitemap-plan.ts';
import { buildSitemapFile, buildSitemapIndex } from './sitemaps.ts';

const messages = {
  noSuchSitemap: 'There is no sitemap at this address.',
};

const SitemapFileParams = Type.Object({ file: Type.String({ pattern: '^[a-z0-9-]+\\.xml$', maxLength: 40 }) });

/** /sitemap.xml, the files it names under /sitemaps/, and /robots.txt pointing at them. */
export const sitemapRoutes: FastifyPluginAsync<ReaderDeps> = async (app, deps) => {
  const { site, pages } = deps;

  app.get(sitemapUrl({ kind: 'index' }), pageCacheRoute, async (request, reply) =>
    servePage(request, reply, pages, sitemapUrl({ kind: 'index' }), () => buildSitemapIndex(deps, site.clock.now())),
  );

  app.get<{ Params: Static<typeof SitemapFileParams> }>(
    '/sitemaps/:file',
    { ...pageCacheRoute, schema: { params: SitemapFileParams } },
    async (request, reply) => {
      const file = parseSitemapFile(request.params.file);
      if (!file || file.kind === 'index') throw new NotFoundError(messages.noSuchSitemap);
      return servePage(request, reply, pages, sitemapUrl(file), () => buildSitemapFile(deps, file, site.clock.now()));
    },
  );

  app.get(robotsUrl(), async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(robotsTxt(site.publicUrl)),
  );
};
