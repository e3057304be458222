import { feedMediaTypes } from '../articles/index.ts';
import type { Translator } from '../i18n/index.ts';
import { loadOnFirstUse } from '../platform/load-on-first-use.ts';
import type { FeedFormat } from '../platform/urls.ts';
import { type SafeHtml, textAsHtml } from '../render/safe-html.ts';
import type { FeedEntry, FeedPhoto } from './feed-entry.ts';
import { withoutForbiddenXmlCharacters } from './xml-characters.ts';

type Feedsmith = typeof import('feedsmith');
/** Loaded by the first feed asked for, not with the server. */
const feedsmithLibrary = loadOnFirstUse(() => import('feedsmith'));

const messages = {
  generator: 'Gazette',
};

/** What a feed is about, as every format describes it; URLs are absolute, texts are plain. */
export interface FeedChannel {
  /** Permanent, like the entries' ids. */
  readonly id: string;
  readonly title: string;
  /** Plain text (a section's or author's own description, say): escaped where a format reads HTML. */
  readonly description: string;
  /** BCP 47, e.g. "en-GB". */
  readonly language: string;
  /** The feed's own words (a photo's credit line), in `language`. */
  readonly words: Translator;
  /** The page listing the same articles. */
  readonly pageUrl: string;
  /** The feed itself in each format, for self links. */
  readonly feedUrls: Readonly<Record<FeedFormat, string>>;
  readonly publisher: { readonly name: string; readonly url: string };
  readonly logoUrl: string;
  readonly iconUrl: string;
}

export interface FeedDocument {
  readonly body: string;
  readonly contentType: string;
}

/** The newest change among the entries; the epoch for an empty feed, so its document never varies. */
export function lastUpdated(entries: readonly FeedEntry[]): Date {
  return new Date(Math.max(0, ...entries.map((entry) => entry.updated.getTime())));
}

/**
 * feedsmith pretty-prints and puts each CDATA section on a line of its own, which makes the newline
 * and indent part of the text ("\n  Trade & tariffs\n"); feed readers that do not trim show it.
 * Outside CDATA every "<" is markup (text is escaped), so the sections are found exactly.
 */
export function unindentCdata(xml: string): string {
  const parts = xml.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/);
  for (let index = 1; index < parts.length; index += 2) {
    parts[index - 1] = parts[index - 1]!.replace(/>\s+$/, '>');
    parts[index + 1] = parts[index + 1]!.replace(/^\s+</, '<');
  }
  return parts.join('');
}

/**
 * The value of a field feed readers render as HTML: RSS's <description> and content:encoded, Atom's
 * type="html", JSON Feed's content_html. Only SafeHtml gets in, so plain text cannot pass unescaped.
 */
function htmlField(html: SafeHtml): string {
  return String(html);
}

/** Media RSS for the featured photo: its size, caption and credit, which an enclosure cannot carry. */
function mediaContent(photo: FeedPhoto) {
  return {
    contents: [
      {
        url: photo.url,
        type: photo.mediaType,
        medium: 'image',
        width: photo.width,
        height: photo.height,
        ...(photo.caption ? { description: { value: photo.caption, type: 'plain' } } : {}),
        ...(photo.credit ? { credits: [{ value: photo.credit, role: 'photographer', scheme: 'urn:ebu' }] } : {}),
      },
    ],
  };
}

function rss({ generateRssFeed }: Feedsmith, channel: FeedChannel, entries: readonly FeedEntry[]): string {
  return generateRssFeed({
    title: channel.title,
    link: channel.pageUrl,
    description: htmlField(textAsHtml(channel.description)),
    language: channel.language,
    ...(entries.length > 0 ? { lastBuildDate: lastUpdated(entries) } : {}),
    generator: messages.generator,
    image: { url: channel.logoUrl, title: channel.title, link: channel.pageUrl },
    atom: { links: [{ href: channel.feedUrls.rss, rel: 'self', type: feedMediaTypes.rss }] },
    items: entries.map((entry) => ({
      title: entry.title,
      link: entry.url,
      guid: { value: entry.id, isPermaLink: false },
      pubDate: entry.published,
      // RSS has no plain-text summary: readers show <description> as HTML.
      description: htmlField(textAsHtml(entry.summary)),
      ...(entry.contentHtml ? { content: { encoded: htmlField(entry.contentHtml) } } : {}),
      // RSS's own <author> must be an e-mail address, and staff addresses are never published.
      dc: { creators: entry.authors.map((author) => author.name) },
      categories: entry.categories.map((category) => ({ name: category.name })),
      ...(entry.photo ? { enclosures: [{ url: entry.photo.url, length: 0, type: entry.photo.mediaType }], media: mediaContent(entry.photo) } : {}),
    })),
  });
}

function atom({ generateAtomFeed }: Feedsmith, channel: FeedChannel, entries: readonly FeedEntry[]): string {
  return generateAtomFeed({
    id: channel.id,
    title: { value: channel.title, type: 'text' },
    ...(channel.description ? { subtitle: { value: channel.description, type: 'text' } } : {}),
    updated: lastUpdated(entries),
    links: [
      { href: channel.pageUrl, rel: 'alternate', type: 'text/html' },
      { href: channel.feedUrls.atom, rel: 'self', type: feedMediaTypes.atom },
    ],
    // Atom wants an author for every entry; the publisher stands in for stories without a byline.
    authors: [{ name: channel.publisher.name, uri: channel.publisher.url }],
    generator: { text: messages.generator },
    icon: channel.iconUrl,
    logo: channel.logoUrl,
    xml: { lang: channel.language },
    entries: entries.map((entry) => ({
      id: entry.id,
      title: { value: entry.title, type: 'text' },
      updated: entry.updated,
      published: entry.published,
      links: [
        { href: entry.url, rel: 'alternate', type: 'text/html' },
        ...(entry.photo ? [{ href: entry.photo.url, rel: 'enclosure', type: entry.photo.mediaType }] : []),
      ],
      authors: entry.authors.map((author) => ({ name: author.name, uri: author.url })),
      categories: entry.categories.map((category) => ({ term: category.name, label: category.name })),
      summary: { value: entry.summary, type: 'text' },
      ...(entry.contentHtml ? { content: { value: htmlField(entry.contentHtml), type: 'html' } } : {}),
      ...(entry.photo ? { media: mediaContent(entry.photo) } : {}),
    })),
  });
}

function jsonFeed({ generateJsonFeed }: Feedsmith, channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const feed = generateJsonFeed({
    title: channel.title,
    home_page_url: channel.pageUrl,
    feed_url: channel.feedUrls.json,
    description: channel.description,
    icon: channel.logoUrl,
    favicon: channel.iconUrl,
    language: channel.language,
    authors: [{ name: channel.publisher.name, url: channel.publisher.url }],
    items: entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      ...(entry.contentHtml ? { content_html: htmlField(entry.contentHtml) } : { content_text: entry.summary }),
      summary: entry.summary,
      date_published: entry.published,
      date_modified: entry.updated,
      authors: entry.authors.map((author) => ({ name: author.name, url: author.url })),
      tags: entry.categories.map((category) => category.name),
      ...(entry.photo
        ? {
            image: entry.photo.url,
            attachments: [
              {
                url: entry.photo.url,
                mime_type: entry.photo.mediaType,
                title: [entry.photo.caption, entry.photo.credit && channel.words.text('story.photoCredit', { credit: entry.photo.credit })]
                  .filter(Boolean)
                  .join(' '),
              },
            ],
          }
        : {}),
    })),
  }) as { items?: unknown[] };
  // JSON Feed requires "items" even when empty; feedsmith leaves empty arrays out.
  return JSON.stringify({ ...feed, items: feed.items ?? [] });
}

const renderers: Record<FeedFormat, (library: Feedsmith, channel: FeedChannel, entries: readonly FeedEntry[]) => string> = {
  rss: (library, channel, entries) => unindentCdata(withoutForbiddenXmlCharacters(rss(library, channel, entries))),
  atom: (library, channel, entries) => unindentCdata(withoutForbiddenXmlCharacters(atom(library, channel, entries))),
  json: jsonFeed,
};

/** One feed as a document in the chosen format, e.g. `renderFeed('atom', channel, entries)`. */
export async function renderFeed(format: FeedFormat, channel: FeedChannel, entries: readonly FeedEntry[]): Promise<FeedDocument> {
  return { body: renderers[format](await feedsmithLibrary(), channel, entries), contentType: `${feedMediaTypes[format]}; charset=utf-8` };
}
