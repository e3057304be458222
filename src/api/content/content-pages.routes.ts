import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../db/database.ts';
import { NotFoundError } from '../../errors.ts';
import { findPageById, findPageIdByOldPath, findPublicPage, listPageSummaries, maxPageDepth, type Page, pagesChanged } from '../../pages/index.ts';
import { contentTags } from '../../platform/content-changes.ts';
import { pageCacheRoute } from '../../platform/page-cache.ts';
import { isValidSlug, slugMaxLength } from '../../platform/slugs.ts';
import { type ContentDeps, jsonCacheKey, jsonContextOf, notModified, serveJson } from './content-cache.ts';
import { PageJson, PageSummaryJson, pageJson, pageSummaryJson } from './content-json.ts';
import { problemResponses } from '../problem-details.ts';

const messages = { notFound: 'There is no published page with this id or path.' };

const tags = ['Content'];

const PageParams = Type.Object({
  ref: Type.String({
    minLength: 1,
    maxLength: maxPageDepth * (slugMaxLength + 3),
    description: 'Its id (12), or its path: about, or about%2Fmasthead for a page below another.',
  }),
});
type PageParams = Static<typeof PageParams>;

/** Every page answer shows other pages too (a parent, whether it is public), so any page change drops them all, as on the site. */
const pageTags = [pagesChanged, contentTags.settings];

/** The path of slugs asked for, or undefined for one no page can have. */
function pagePathOf(ref: string): string | undefined {
  const parts = ref.replace(/^\/+|\/+$/g, '').split('/');
  return parts.length <= maxPageDepth && parts.every(isValidSlug) ? parts.join('/') : undefined;
}

/** The page readers see for this id or path, or at a path it moved from; undefined when it, or a page above it, is a draft. */
async function findPageFor(db: Db, ref: string): Promise<Page | undefined> {
  if (/^\d{1,10}$/.test(ref)) {
    const page = await findPageById(db, Number(ref));
    const visible = page && (await findPublicPage(db, page.path));
    if (visible) return visible.page;
  }
  const path = pagePathOf(ref);
  if (path === undefined) return undefined;
  const found = await findPublicPage(db, path);
  if (found) return found.page;
  const movedId = await findPageIdByOldPath(db, path);
  const moved = movedId === undefined ? undefined : await findPageById(db, movedId);
  return moved && (await findPublicPage(db, moved.path))?.page;
}

/** The site's plain pages (About, Contact…): published ones under published parents only. */
export const contentPageRoutes: FastifyPluginAsync<ContentDeps> = async (app, deps) => {
  const { db, site } = deps;

  app.get(
    '/pages',
    {
      ...pageCacheRoute,
      schema: {
        tags,
        summary: 'List pages',
        description: 'In the order the newsroom set; a page below another names it in `parentId`.',
        response: { 200: Type.Object({ pages: Type.Array(Type.Ref(PageSummaryJson)) }), ...notModified, ...problemResponses(429) },
      },
    },
    async (request, reply) =>
      serveJson(request, reply, deps, jsonCacheKey('/pages'), async () => {
        const pages = await listPageSummaries(db);
        const published = new Set(pages.filter((page) => page.status === 'published').map((page) => page.path));
        const isPublic = (path: string) => path.split('/').every((_, index, parts) => published.has(parts.slice(0, index + 1).join('/')));
        const context = jsonContextOf(site);
        return { data: { pages: pages.filter((page) => isPublic(page.path)).map((page) => pageSummaryJson(page, context)) }, tags: pageTags };
      }),
  );

  app.get<{ Params: PageParams }>(
    '/pages/:ref',
    {
      ...pageCacheRoute,
      schema: {
        tags,
        summary: 'Get a page by its id or path',
        description: 'A path the page had before it moved still finds it.',
        params: PageParams,
        response: { 200: Type.Ref(PageJson), ...notModified, ...problemResponses(404, 429) },
      },
    },
    async (request, reply) =>
      serveJson(request, reply, deps, jsonCacheKey(`/pages/${request.params.ref}`), async () => {
        const page = await findPageFor(db, request.params.ref);
        if (!page) throw new NotFoundError(messages.notFound);
        return { data: pageJson(page, jsonContextOf(site)), tags: pageTags };
      }),
  );
};
