import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { contentTags } from '../platform/content-changes.ts';
import { type PageCache, pageCacheRoute, servePage } from '../platform/page-cache.ts';
import { isValidSlug, slugMaxLength } from '../platform/slugs.ts';
import { pageUrl } from '../platform/urls.ts';
import type { SiteContext } from '../settings/index.ts';
import { renderPlainPage } from './page-document.tsx';
import { findMovedPageUrl, findPublicPage, maxPageDepth, pagesChanged } from './pages.service.ts';

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
  app.get<{ Params: Static<typeof PagePathParams> }>('/page/*', { ...pageCacheRoute, schema: { params: PagePathParams } }, async (request, reply) => {
    const path = pagePathOf(request.params['*']);
    const found = path === undefined ? undefined : await findPublicPage(db, path);
    if (!found) {
      // A page moved or renamed in the newsroom still answers at its old address.
      const moved = path === undefined ? undefined : await findMovedPageUrl(db, path);
      if (moved) return reply.redirect(moved, 301);
      throw new NotFoundError(messages.notFound);
    }
    const { page, ancestors } = found;
    const url = pageUrl(page.path);
    return servePage(request, reply, pages, url, async () => {
      const html = await renderPlainPage({ db, site }, page, ancestors);
      return { html, tags: [pagesChanged, contentTags.settings] };
    });
  });
};
