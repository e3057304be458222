/**
 * Every reader-facing URL is built here, so pages, feeds, sitemaps, JSON-LD and redirects can
 * never disagree about where something lives.
 */

export function homeUrl(): string {
  return '/';
}

export function articleUrl(article: { readonly slug: string; readonly section: { readonly slug: string } | null }): string {
  return `/${article.section?.slug ?? 'news'}/${article.slug}`;
}

function withPage(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}

export function sectionUrl(section: { readonly slug: string }, page = 1): string {
  return withPage(`/${section.slug}`, page);
}

export function tagUrl(tag: { readonly slug: string }, page = 1): string {
  return withPage(`/tag/${tag.slug}`, page);
}

export function authorUrl(author: { readonly slug: string }, page = 1): string {
  return withPage(`/author/${author.slug}`, page);
}

/** Absolute form of a site path, for canonical links, OpenGraph and JSON-LD. */
export function absoluteUrl(publicUrl: string, path: string): string {
  return new URL(path, `${publicUrl}/`).href;
}

/**
 * First path segments the site itself uses; a section may not take one, or its page would be
 * unreachable. "news" is where articles without a section live.
 */
export const reservedSectionSlugs: ReadonlySet<string> = new Set([
  'admin', 'api', 'assets', 'author', 'authors', 'feed', 'feeds', 'media', 'news', 'page', 'robots.txt',
  'search', 'sitemap', 'sitemap.xml', 'static', 'tag', 'tags', 'favicon.ico', 'corrections', 'comments',
]);
