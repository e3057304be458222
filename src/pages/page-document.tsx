import type { Db } from '../db/database.ts';
import { absoluteUrl, homeUrl, pageUrl } from '../platform/urls.ts';
import { renderDocument } from '../render/safe-html.ts';
import { htmlToText, sanitizeStoredHtml } from '../render/sanitize.ts';
import { type SiteContext, siteChrome } from '../settings/index.ts';
import { PageView } from './page-view.tsx';
import { findPagesByPaths, listChildPages, type Page } from './pages.queries.ts';
import { getPage } from './pages.service.ts';

export interface PageDocumentDeps {
  readonly db: Db;
  readonly site: SiteContext;
}

/** A plain page as readers see it: the site's look, breadcrumbs up through `ancestors` (top first), its published sub-pages. */
export async function renderPlainPage({ db, site }: PageDocumentDeps, page: Page, ancestors: readonly Page[]): Promise<string> {
  const url = pageUrl(page.path);
  const settings = site.settings.current();
  const chrome = siteChrome(site, url, site.clock.now());
  const { words } = chrome;
  const children = await listChildPages(db, page.id, { publishedOnly: true });
  return renderDocument(
    <PageView
      data={{
        site: chrome,
        head: {
          title: page.title,
          description: htmlToText(page.bodyHtml).slice(0, 200) || words.text('page.description', { title: page.title, siteName: settings.name }),
          canonicalUrl: absoluteUrl(site.publicUrl, url),
          ogType: 'website',
        },
        title: page.title,
        body: sanitizeStoredHtml(page.bodyHtml),
        breadcrumbs:
          ancestors.length > 0
            ? [{ label: words.text('page.home'), href: homeUrl() }, ...ancestors.map((ancestor) => ({ label: ancestor.title, href: pageUrl(ancestor.path) }))]
            : [],
        children: children.map((child) => ({ label: child.title, href: pageUrl(child.path) })),
      }}
    />,
  );
}

/** A page in any state as it will look once it and the pages above it are published: the newsroom's preview. */
export async function renderPagePreview(deps: PageDocumentDeps, id: number): Promise<string> {
  const page = await getPage(deps.db, id);
  const parts = page.path.split('/');
  const abovePaths = parts.slice(0, -1).map((_, index) => parts.slice(0, index + 1).join('/'));
  const ancestors = (await findPagesByPaths(deps.db, abovePaths)).sort((a, b) => a.path.length - b.path.length);
  return renderPlainPage(deps, page, ancestors);
}
