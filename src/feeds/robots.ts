import { absoluteUrl, sitemapUrl } from '../platform/urls.ts';

/**
 * robots.txt: everything public may be crawled except the newsroom, and crawlers are told where
 * the sitemaps are. "/admin/" and "/admin$" rather than "/admin", which as a prefix would also
 * hide a section called "administration".
 */
export function robotsTxt(publicUrl: string): string {
  return [
    'User-agent: *',
    'Disallow: /admin/',
    'Disallow: /admin$',
    '',
    `Sitemap: ${absoluteUrl(publicUrl, sitemapUrl({ kind: 'index' }))}`,
    `Sitemap: ${absoluteUrl(publicUrl, sitemapUrl({ kind: 'news', part: 1 }))}`,
    '',
  ].join('\n');
}
