import type { PublishedArticle } from '../articles/index.ts';
import { absoluteUrl, articleUrl, authorUrl, sectionUrl, tagUrl } from '../platform/urls.ts';
import { shareableImage } from '../media/index.ts';
import { type SafeHtml, trustAsHtml } from '../render/safe-html.ts';
import { htmlToText, sanitizeStoredHtml } from '../render/sanitize.ts';
import type { FeedContent } from '../settings/index.ts';
import { laterOf } from '../render/dates.ts';

/** A person or a category with the absolute URL of its page. */
export interface FeedLinkable {
  readonly name: string;
  readonly url: string;
}

export interface FeedPhoto {
  readonly url: string;
  readonly mediaType: 'image/jpeg';
  readonly width: number;
  readonly height: number;
  readonly caption: string;
  readonly credit: string;
}

/**
 * One article or comment as every feed format carries it; URLs are absolute. Each field is either
 * plain text (`string`: the feed builder escapes it wherever a format reads HTML) or `SafeHtml`,
 * so text typed by a writer or a reader cannot become markup in a feed reader.
 */
export interface FeedEntry {
  /** Permanent: made from the article's id, so no edit, new slug or new section changes it. */
  readonly id: string;
  readonly url: string;
  /** Plain text. */
  readonly title: string;
  /** Plain text: the standfirst, or the start of the body when there is none. */
  readonly summary: string;
  /** The full body (sanitised) or a comment as its page shows it; null when the newsroom publishes standfirsts only. */
  readonly contentHtml: SafeHtml | null;
  readonly authors: readonly FeedLinkable[];
  /** The section first, then the tags in order. */
  readonly categories: readonly FeedLinkable[];
  readonly photo: FeedPhoto | null;
  readonly published: Date;
  readonly updated: Date;
}

/** The year in tag: URIs never changes, or every id would (RFC 4151 asks for a date the name was held). */
const tagUriYear = 2026;

/** `tag:news.example,2026:article:12`: a GUID / Atom id that survives every edit. */
export function permanentId(publicUrl: string, kind: string, id: number | string): string {
  return `tag:${new URL(publicUrl).hostname},${tagUriYear}:${kind}:${id}`;
}

const summaryLength = 300;

function summaryOf(article: PublishedArticle): string {
  const text = article.standfirst || article.seoDescription || htmlToText(article.bodyHtml);
  return text.length > summaryLength ? `${text.slice(0, summaryLength - 1).trimEnd()}…` : text;
}

/** Sanitised body with site-relative links and inline photos made absolute: a feed is read far from the site. */
function fullTextOf(article: PublishedArticle, publicUrl: string): SafeHtml {
  // Only the start of an attribute the sanitiser wrote changes, from "/…" to "https://site/…".
  return trustAsHtml(String(sanitizeStoredHtml(article.bodyHtml)).replace(/ (href|src)="\/(?!\/)/g, ` $1="${new URL(publicUrl).origin}/`));
}

export function toFeedEntry(article: PublishedArticle, options: { publicUrl: string; content: FeedContent }): FeedEntry {
  const { publicUrl } = options;
  const photo = article.image ? shareableImage(article.image) : undefined;
  return {
    id: permanentId(publicUrl, 'article', article.id),
    url: absoluteUrl(publicUrl, articleUrl(article)),
    title: article.headline,
    summary: summaryOf(article),
    contentHtml: options.content === 'full' ? fullTextOf(article, publicUrl) : null,
    authors: article.authors.map((author) => ({ name: author.name, url: absoluteUrl(publicUrl, authorUrl(author)) })),
    categories: [
      ...(article.section ? [{ name: article.section.name, url: absoluteUrl(publicUrl, sectionUrl(article.section)) }] : []),
      ...article.tags.map((tag) => ({ name: tag.name, url: absoluteUrl(publicUrl, tagUrl(tag)) })),
    ],
    photo:
      photo && article.image
        ? {
            url: absoluteUrl(publicUrl, photo.path),
            mediaType: 'image/jpeg',
            width: photo.width,
            height: photo.height,
            caption: article.image.caption,
            credit: article.image.credit,
          }
        : null,
    published: article.publishedAt,
    updated: laterOf(article.updatedAt, article.publishedAt),
  };
}
