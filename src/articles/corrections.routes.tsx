import type { FastifyPluginAsync } from 'fastify';
import { contentTags } from '../platform/content-changes.ts';
import { pageCacheRoute, servePage } from '../platform/page-cache.ts';
import { PageQuery } from '../platform/route-schemas.ts';
import { formatDateTime } from '../render/dates.ts';
import { renderDocument } from '../render/safe-html.ts';
import { siteChrome, siteWordsOf } from '../settings/index.ts';
import { findArticleById } from './articles.queries.ts';
import { CorrectionsPage } from './corrections-page.tsx';
import { correctionsListTag, listCorrections } from './corrections.service.ts';
import type { ReaderDeps } from './reader-deps.ts';
import { absoluteUrl, articleUrl, policyUrl } from '../platform/urls.ts';

const perPage = 30;

export const correctionsRoutes: FastifyPluginAsync<ReaderDeps> = async (app, deps) => {
  const { db, site, pages } = deps;
  app.get<{ Querystring: PageQuery }>('/corrections', { ...pageCacheRoute, schema: { querystring: PageQuery } }, async (request, reply) => {
    const page = request.query.page;
    const path = page > 1 ? `/corrections?page=${page}` : '/corrections';
    return servePage(request, reply, pages, path, async () => {
      const now = site.clock.now();
      const settings = site.settings.current();
      const words = siteWordsOf(settings);
      const { corrections: shown, pageCount } = await listCorrections(deps, now, page, perPage);
      const articles = await Promise.all(shown.map((correction) => findArticleById(db, correction.articleId)));
      const html = renderDocument(
        <CorrectionsPage
          data={{
            site: siteChrome(site, '/corrections', now),
            head: {
              title: words.text('corrections.title'),
              description: words.text('corrections.description', { siteName: settings.name }),
              canonicalUrl: absoluteUrl(site.publicUrl, path),
              ogType: 'website',
            },
            policyUrl: settings.policies.corrections ? policyUrl('corrections') : null,
            corrections: shown.map((correction, index) => ({
              iso: correction.createdAt.toISOString(),
              label: formatDateTime(correction.createdAt, words),
              text: correction.text,
              articleUrl: articles[index] ? articleUrl(articles[index]) : '/',
              headline: articles[index]?.headline ?? '',
            })),
            pages: {
              page,
              pageCount,
              previousUrl: page > 1 ? (page === 2 ? '/corrections' : `/corrections?page=${page - 1}`) : null,
              nextUrl: page < pageCount ? `/corrections?page=${page + 1}` : null,
            },
          }}
        />,
      );
      return { html, tags: [contentTags.settings, correctionsListTag, ...shown.map((correction) => contentTags.article(correction.articleId))] };
    });
  });
};
