/**
 * Every reader-facing URL is built here, so pages, feeds, sitemaps, JSON-LD and redirects can
 * never disagree about where something lives.
 */

/**
 * A slug as it appears in a URL: slugs in Korean or Arabic are percent-encoded, so every address
 * Gazette writes (links, Location headers, sitemaps, cache keys) is plain ASCII; browsers show it decoded.
 */
function segment(slug: string): string {
  // The builders double as route patterns (feedUrl({ slug: ':tagSlug' })); no slug starts with a colon.
  return slug.startsWith(':') ? slug : encodeURIComponent(slug);
}

export function homeUrl(): string {
  return '/';
}

export function articleUrl(article: { readonly slug: string; readonly section: { readonly slug: string } | null }): string {
  return `/${segment(article.section?.slug ?? 'news')}/${segment(article.slug)}`;
}

function withPage(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}

export function sectionUrl(section: { readonly slug: string }, page = 1): string {
  return withPage(`/${segment(section.slug)}`, page);
}

export function tagUrl(tag: { readonly slug: string }, page = 1): string {
  return withPage(`/tag/${segment(tag.slug)}`, page);
}

export function authorUrl(author: { readonly slug: string }, page = 1): string {
  return withPage(`/author/${segment(author.slug)}`, page);
}

export type FeedFormat = 'rss' | 'atom' | 'json';

export const feedFormats: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/** What a feed lists: the whole site, or the articles of one section, tag or author. */
export type FeedSubject = { readonly kind: 'site' } | { readonly kind: 'section' | 'tag' | 'author'; readonly slug: string };

const feedFileNames: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'feed.atom', json: 'feed.json' };

/**
 * A feed lives beside the page that lists the same articles: /feed.xml, /world/feed.atom,
 * /tag/climate/feed.json. No article can answer at /world/feed.xml, because slugs have no dots.
 */
export function feedUrl(subject: FeedSubject, format: FeedFormat): string {
  const file = feedFileNames[format];
  switch (subject.kind) {
    case 'site':
      return `/${file}`;
    case 'section':
      return `${sectionUrl(subject)}/${file}`;
    case 'tag':
      return `${tagUrl(subject)}/${file}`;
    case 'author':
      return `${authorUrl(subject)}/${file}`;
  }
}

/** One file of the sitemap; a list too long for one file continues in parts 2, 3 … */
export type SitemapFile =
  | { readonly kind: 'index' }
  | { readonly kind: 'articles'; readonly year: number; readonly month: number; readonly part: number }
  | { readonly kind: 'sections' | 'tags' | 'authors' | 'news'; readonly part: number };

/** /sitemap.xml (the index), /sitemaps/articles-2026-11.xml, /sitemaps/tags-2.xml, /sitemaps/news.xml */
export function sitemapUrl(file: SitemapFile): string {
  if (file.kind === 'index') return '/sitemap.xml';
  const name = file.kind === 'articles' ? `articles-${file.year}-${String(file.month).padStart(2, '0')}` : file.kind;
  return `/sitemaps/${name}${file.part > 1 ? `-${file.part}` : ''}.xml`;
}

export function robotsUrl(): string {
  return '/robots.txt';
}

/** A published newsroom standard, e.g. the corrections policy. */
export function policyUrl(policy: string): string {
  return `/policies/${policy}`;
}

/** A plain page by its path of slugs, each encoded: pageUrl('about/masthead') is /page/about/masthead. */
export function pageUrl(path: string): string {
  return `/page/${path.split('/').map(segment).join('/')}`;
}

/** What a search asks for; empty parts are left out of the URL, so links stay short. */
export interface SearchParams {
  readonly q?: string;
  readonly section?: string;
  readonly from?: string;
  readonly to?: string;
  readonly page?: number;
}

/** /search, or /search?q=harbour+storm&section=world&page=2 */
export function searchUrl(params: SearchParams = {}): string {
  const query = new URLSearchParams();
  for (const name of ['q', 'section', 'from', 'to'] as const) {
    const value = params[name];
    if (value) query.set(name, value);
  }
  if (params.page && params.page > 1) query.set('page', String(params.page));
  const encoded = query.toString();
  return encoded ? `/search?${encoded}` : '/search';
}

/** The oEmbed card of the page at `pageUrl` (absolute). */
export function oembedUrl(pageUrl: string): string {
  return `/oembed?${new URLSearchParams({ url: pageUrl, format: 'json' })}`;
}

/**
 * A path the URL parser would copy as it is: from the root, of characters it never encodes, with no
 * `.` or `..` segment to resolve. The site's own paths (slugs, media keys) are all like this.
 */
const plainRootPath = /^(?!\/\/)(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9\-_~.]*)+$/;

let lastSite: { publicUrl: string; root: string } | undefined;

/**
 * Absolute form of a site path, for canonical links, OpenGraph and JSON-LD. A page names a dozen or
 * more; a plain path is joined to the site's root as the URL parser would join it, without parsing.
 */
export function absoluteUrl(publicUrl: string, path: string): string {
  if (plainRootPath.test(path)) {
    if (lastSite?.publicUrl !== publicUrl) lastSite = { publicUrl, root: new URL('/', `${publicUrl}/`).href.slice(0, -1) };
    return lastSite.root + path;
  }
  return new URL(path, `${publicUrl}/`).href;
}

/**
 * First path segments the site itself uses; a section may not take one, or its page would be
 * unreachable. "news" is where articles without a section live.
 */
export const reservedSectionSlugs: ReadonlySet<string> = new Set([
  'admin',
  'api',
  'assets',
  'author',
  'authors',
  'feed',
  'feeds',
  'media',
  'news',
  'oembed',
  'page',
  'robots.txt',
  'policies',
  'preview',
  'search',
  'sitemap',
  'sitemap.xml',
  'sitemaps',
  'static',
  'tag',
  'tags',
  'favicon.ico',
  'corrections',
  'comments',
  // Load balancers' probes (platform/health.ts).
  'healthz',
  'readyz',
]);

const commentFeedFileNames: Record<FeedFormat, string> = { rss: 'comments.xml', atom: 'comments.atom', json: 'comments.json' };

/** An article's comments feed, beside it: /world/harbour-reopens/comments.xml. */
export function commentsFeedUrl(article: { readonly slug: string; readonly section: { readonly slug: string } | null }, format: FeedFormat): string {
  return `${articleUrl(article)}/${commentFeedFileNames[format]}`;
}
