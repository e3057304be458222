import type { FeedLink } from '../render/document.tsx';
import { type FeedFormat, feedFormats, type FeedSubject, feedUrl } from '../platform/urls.ts';

const messages = {
  formatNames: { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' } satisfies Record<FeedFormat, string>,
};

/** The media type each feed is served as, and announced as in <link rel="alternate">. */
export const feedMediaTypes: Record<FeedFormat, FeedLink['type']> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/**
 * A subject's feeds in every format, for a page head, e.g.
 * `feedLinks({ kind: 'section', slug: 'world' }, 'World | Gazette')` → "World | Gazette (RSS)" at /world/feed.xml …
 */
export function feedLinks(subject: FeedSubject, title: string): FeedLink[] {
  return feedFormats.map((format) => ({
    title: `${title} (${messages.formatNames[format]})`,
    href: feedUrl(subject, format),
    type: feedMediaTypes[format],
  }));
}

/** "World | The Harbour Gazette" for a section's feeds, the site's name alone for the site's. */
export function feedTitle(siteName: string, subjectName?: string): string {
  return subjectName ? `${subjectName} | ${siteName}` : siteName;
}
