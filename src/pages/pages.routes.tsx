import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { contentTags } from '../platform/content-changes.ts';
import { type PageCache, servePage } from '../platform/page-cache.ts';
import { isValidSlug, slugMaxLength } from '../platform/slugs.ts';
import { absoluteUrl, homeUrl, pageUrl } from '../platform/urls.ts';
import { htmlToText, sanitizeStoredHtml } from '../render/sanitize.ts';
import { renderDocument } from '../render/safe-html.ts';
import { type SiteContext, siteChrome } from '../settings/index.ts';
import { PageView } from './page-view.tsx';
import { listChildPages } from './pages.queries.ts';
import { findPublicPage, maxPageDepth, pagesChanged } from './pages.service.ts';

const messages = { notFound: 'There is no such page.' };

export interface PageRouteDeps {
  readonly db: Db;
  readonly site: SiteContext;
  readonly pages: PageCache;
}

const PagePathParams = Type.Object({ '*': Type.String({ minLength: 1, maxLength: maxPageDepth * (slugMaxLength + 1) }) });

/** The path of slugs a reader asked for, or undefined for one no page can have. */
function pagePathOf(wildcard: string): string | undefined {
  const parts = wildcard.replace(/\/+$/, '').split('/');
  return parts.length <= maxPageDepth && parts.every(isValidSlug) ? parts.join('/') : undefined;
}

/** Plain pages at /page/about and /page/about/masthead, published ones only. */
export const pageRoutes: FastifyPluginAsync<PageRouteDeps> = async (app, { db, site, pages }) => {
  app.get<{ Params: Static<typeof PagePathParams> }>('/page/*', { schema: { params: PagePathParams } }, async (request, reply) => {
    const path = pagePathOf(request.params['*']);
    const found = path === undefined ? undefined : await findPublicPage(db, path);
    if (!found) throw new NotFoundError(messages.notFound);
    const { page, ancestors } = found;
    const url = pageUrl(page.path);
    return servePage(request, reply, pages, url, async () => {
      const settings = site.settings.current();
      const body = sanitizeStoredHtml(page.bodyHtml);
      const children = await listChildPages(db, page.id, { publishedOnly: true });
      const html = renderDocument(
        <PageView
          data={{
            site: siteChrome(site, url, site.clock.now()),
            head: {
              title: page.title,
              description: htmlToText(page.bodyHtml).slice(0, 200) || `${page.title}, from ${settings.name}.`,
              canonicalUrl: absoluteUrl(site.publicUrl, url),
              ogType: 'website',
            },
            title: page.title,
            body,
            breadcrumbs:
              ancestors.length > 0
                ? [{ label: 'Home', href: homeUrl() }, ...ancestors.map((ancestor) => ({ label: ancestor.title, href: pageUrl(ancestor.path) }))]
                : [],
            children: children.map((child) => ({ label: child.title, href: pageUrl(child.path) })),
          }}
        />,
      );
      return { html, tags: [pagesChanged, contentTags.settings] };
    });
  });
};
