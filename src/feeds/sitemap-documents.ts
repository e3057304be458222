import { ErrorLevel, SitemapIndexStream, type SitemapItemLoose, SitemapStream, streamToPromise } from 'sitemap';
import { sitemapTextLimits, truncate } from './sitemap-plan.ts';
import { withoutForbiddenXmlCharacters } from './xml-characters.ts';

/** One <url> of a sitemap; URLs are absolute. */
export interface SitemapEntry {
  readonly url: string;
  readonly lastModified?: Date;
  readonly image?: { readonly url: string; readonly caption: string };
  readonly news?: {
    readonly publicationName: string;
    /** ISO 639, as Google News wants it. */
    readonly language: string;
    readonly publishedAt: Date;
    readonly title: string;
  };
}

export const sitemapContentType = 'application/xml; charset=utf-8';

const namespaceUris = {
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  image: 'http://www.google.com/schemas/sitemap-image/1.1',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
};

function toItem(entry: SitemapEntry): SitemapItemLoose {
  return {
    url: entry.url,
    ...(entry.lastModified ? { lastmod: entry.lastModified.toISOString() } : {}),
    ...(entry.image
      ? { img: [{ url: entry.image.url, ...(entry.image.caption ? { caption: truncate(entry.image.caption, sitemapTextLimits.caption) } : {}) }] }
      : {}),
    ...(entry.news
      ? {
          news: {
            publication: { name: truncate(entry.news.publicationName, sitemapTextLimits.publicationName), language: entry.news.language },
            publication_date: entry.news.publishedAt.toISOString(),
            title: truncate(entry.news.title, sitemapTextLimits.title),
          },
        }
      : {}),
  };
}

/**
 * A <urlset>, declaring the image or news namespace only when asked. Invalid data throws rather
 * than being logged and skipped, so a broken sitemap is an error someone sees.
 */
export async function renderUrlset(entries: readonly SitemapEntry[], extensions: { image?: boolean; news?: boolean } = {}): Promise<string> {
  if (entries.length === 0) {
    // The library refuses to write an empty urlset, which is still a valid one (a quiet news day).
    const declarations = Object.entries(extensions)
      .filter(([, wanted]) => wanted)
      .map(([prefix]) => ` xmlns:${prefix}="${namespaceUris[prefix as 'image' | 'news']}"`)
      .join('');
    return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="${namespaceUris.sitemap}"${declarations}></urlset>`;
  }
  const stream = new SitemapStream({
    level: ErrorLevel.THROW,
    xmlns: { image: extensions.image ?? false, news: extensions.news ?? false, video: false, xhtml: false },
  });
  const done = streamToPromise(stream);
  for (const entry of entries) stream.write(toItem(entry));
  stream.end();
  return withoutForbiddenXmlCharacters((await done).toString('utf8'));
}

/** A <sitemapindex> naming each sitemap file with its lastmod. */
export async function renderSitemapIndex(files: readonly { readonly url: string; readonly lastModified?: Date }[]): Promise<string> {
  const stream = new SitemapIndexStream({ level: ErrorLevel.THROW });
  const done = streamToPromise(stream);
  for (const file of files) stream.write({ url: file.url, ...(file.lastModified ? { lastmod: file.lastModified.toISOString() } : {}) });
  stream.end();
  return (await done).toString('utf8');
}
