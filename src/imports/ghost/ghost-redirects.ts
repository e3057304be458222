import type { Db } from '../../db/database.ts';
import type { RedirectTarget } from '../import.table.ts';
import type { ImportReport } from '../import-report.ts';
import { findRedirect, saveRedirect } from '../redirects.queries.ts';
import { redirectKey } from '../redirects.ts';
import type { GhostLookups } from './ghost-run.ts';
import type { GhostSite } from './ghost-site.ts';

/** What the import made of each thing (photos by their path under content/images). */
type Made = GhostLookups & { readonly mediaIds: ReadonlyMap<string, number> };

/**
 * Ghost's public addresses as 301s to their Gazette equivalents: posts at `/:slug/` (Ghost's default
 * permalink) and their AMP copies, pages at `/:slug/`, tag archives (a tag that became a section leads to the section),
 * author archives, each archive's feed (`/tag/x/rss/`), the site's feed (`/rss/`) and the photos under
 * `/content/images/`. They are resolved when asked for, so later renames in Gazette are followed.
 */
export async function saveGhostRedirects(db: Db, context: { site: GhostSite; lookups: Made; dryRun: boolean; now: Date; report: ImportReport }): Promise<void> {
  const { site, lookups } = context;
  const redirects = new Map<string, { kind: RedirectTarget; id: number | null }>();
  const add = (path: string, kind: RedirectTarget, id: number | null | undefined) => {
    const key = redirectKey(path);
    if (id !== undefined && key && key !== '/' && !redirects.has(key)) redirects.set(key, { kind, id });
  };
  const segment = (slug: string) => encodeURIComponent(slug);

  for (const post of site.articles) {
    const id = lookups.articleIds.get(post.id);
    add(`/${segment(post.slug)}/`, 'article', id);
    add(`/${segment(post.slug)}/amp/`, 'article', id);
  }
  // Pages share the posts' /:slug/ (Ghost keeps one slug space for both); Ghost served no AMP copy of a page, but the address costs nothing.
  for (const page of site.pages) {
    const id = lookups.pageIds.get(page.id);
    add(`/${segment(page.slug)}/`, 'page', id);
    add(`/${segment(page.slug)}/amp/`, 'page', id);
  }
  for (const tag of site.file.tags) {
    const sectionId = lookups.sectionIds.get(tag.id);
    const [kind, feed, id] =
      sectionId !== undefined ? (['section', 'section-feed', sectionId] as const) : (['tag', 'tag-feed', lookups.tagIds.get(tag.id)] as const);
    add(`/tag/${segment(tag.slug)}/`, kind, id);
    add(`/tag/${segment(tag.slug)}/rss/`, feed, id);
  }
  for (const user of site.file.users) {
    const id = lookups.authorIds.get(user.id);
    add(`/author/${segment(user.slug)}/`, 'author', id);
    add(`/author/${segment(user.slug)}/rss/`, 'author-feed', id);
  }
  for (const [path, id] of lookups.mediaIds) add(`/content/images/${path.split('/').map(segment).join('/')}`, 'media', id);
  for (const feed of ['/rss/', '/feed/']) add(feed, 'site-feed', null);

  for (const [path, target] of redirects) {
    const stored = await findRedirect(db, path);
    if (stored?.targetKind === target.kind && stored.targetId === target.id) context.report.count('redirects', 'unchanged');
    else {
      if (!context.dryRun) await saveRedirect(db, path, { targetKind: target.kind, targetId: target.id }, context.now);
      context.report.count('redirects', stored ? 'updated' : 'created');
    }
  }
}
