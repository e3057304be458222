import { commonJsExports, loadOnFirstUse } from '../platform/load-on-first-use.ts';
import { sitemapTextLimits, truncate } from './sitemap-plan.ts';

/** Loaded by the first sitemap index asked for, not with the server. */
const sitemapLibrary = loadOnFirstUse(async () => commonJsExports(await import('sitemap'), 'SitemapIndexStream'));

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

/**
 * What a sitemap's text drops: every character the sitemap library dropped (C0 and C1 controls
 * but tab, line breaks and U+0085, lone surrogates, noncharacters) and what
 * `withoutForbiddenXmlCharacters` drops besides (U+FFFE, U+FFFF).
 */
const droppedFromText =
  /[^\t\n\r\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFDCF\uFDE0-\uFFFD\u{10000}-\u{1FFFD}\u{20000}-\u{2FFFD}\u{30000}-\u{3FFFD}\u{40000}-\u{4FFFD}\u{50000}-\u{5FFFD}\u{60000}-\u{6FFFD}\u{70000}-\u{7FFFD}\u{80000}-\u{8FFFD}\u{90000}-\u{9FFFD}\u{A0000}-\u{AFFFD}\u{B0000}-\u{BFFFD}\u{C0000}-\u{CFFFD}\u{D0000}-\u{DFFFD}\u{E0000}-\u{EFFFD}\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/gu;
/** A quick look for anything `droppedFromText` might drop; any surrogate sends text the long way. */
const mayDrop = /[^\t\n\r\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFDCF\uFDE0-\uFFFD]/;

/**
 * Text content of an element, as the library wrote it: & < > escaped (quotes and apostrophes stay
 * as they are) and forbidden characters dropped. Dropping after escaping or before is the same,
 * since no escape holds a dropped character.
 */
function text(value: string): string {
  let safe = mayDrop.test(value) ? value.replace(droppedFromText, '') : value;
  if (safe.includes('&')) safe = safe.replaceAll('&', '&amp;');
  if (safe.includes('<')) safe = safe.replaceAll('<', '&lt;');
  if (safe.includes('>')) safe = safe.replaceAll('>', '&gt;');
  return safe;
}

/**
 * An http(s) URL that WHATWG URL serializes as it stands: lowercase ASCII host whose last label
 * starts with a letter (so no IP address, and no punycode label to check), no user or port, a path
 * of characters left as they are without dot segments, and a query without what it would encode.
 */
const serializedAsItStands = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*(?:\/[A-Za-z0-9\-._~!$&'()*+,;=:@%]*)+(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?$/;
const dotSegmentOrPunycode = /\/(?:\.|%2e){1,2}(?:[/?]|$)|xn--/i;

/**
 * A <loc>: the URL as WHATWG URL serializes it (host lowercased, default port dropped, dot
 * segments resolved, quotes, angle brackets, spaces and non-ASCII percent-encoded), as the library
 * wrote it. What does not parse as an absolute URL, or is not http(s), throws. URLs the app built
 * with `absoluteUrl` are serialized already, and most are seen to be without parsing them again.
 */
function loc(url: string): string {
  let href = url;
  if (!serializedAsItStands.test(url) || dotSegmentOrPunycode.test(url)) {
    href = new URL(url).href;
    if (!href.startsWith('https://') && !href.startsWith('http://')) throw new TypeError(`Not an http(s) URL for a sitemap: ${url}`);
  }
  return href.includes('&') ? href.replaceAll('&', '&amp;') : href;
}

/** Why a news entry is refused: what the sitemap library checked for Google News. */
function newsProblem(news: { name: string; language: string; title: string }): string | undefined {
  if (!news.name || !news.language || !news.title) return 'a news entry needs a publication name, a language and a title';
  if (!/^(?:zh-cn|zh-tw|[a-z]{2,3})$/.test(news.language)) return `"${news.language}" is not a Google News language code`;
  return undefined;
}

function writeEntry(entry: SitemapEntry): string {
  let xml = `<url><loc>${loc(entry.url)}</loc>`;
  if (entry.lastModified) xml += `<lastmod>${entry.lastModified.toISOString()}</lastmod>`;
  if (entry.news) {
    const name = truncate(entry.news.publicationName, sitemapTextLimits.publicationName);
    const title = truncate(entry.news.title, sitemapTextLimits.title);
    const { language } = entry.news;
    const publishedAt = entry.news.publishedAt.toISOString();
    const problem = newsProblem({ name, language, title });
    if (problem) throw new Error(`${entry.url}: ${problem}`);
    xml += `<news:news><news:publication><news:name>${text(name)}</news:name><news:language>${language}</news:language></news:publication>`;
    xml += `<news:publication_date>${publishedAt}</news:publication_date><news:title>${text(title)}</news:title></news:news>`;
  }
  if (entry.image) {
    xml += `<image:image><image:loc>${loc(entry.image.url)}</image:loc>`;
    // Empty captions are left out; one of dropped characters only still writes an empty element.
    if (entry.image.caption) xml += `<image:caption>${text(truncate(entry.image.caption, sitemapTextLimits.caption))}</image:caption>`;
    xml += '</image:image>';
  }
  return `${xml}</url>`;
}

/**
 * A <urlset>, declaring the image or news namespace only when asked. Invalid data throws rather
 * than being logged and skipped, so a broken sitemap is an error someone sees. Written as one
 * string: a monthly sitemap of thousands of articles is rendered on a request.
 */
export async function renderUrlset(entries: readonly SitemapEntry[], extensions: { image?: boolean; news?: boolean } = {}): Promise<string> {
  if (entries.length === 0) {
    // An empty urlset is still a valid one (a quiet news day).
    const declarations = Object.entries(extensions)
      .filter(([, wanted]) => wanted)
      .map(([prefix]) => ` xmlns:${prefix}="${namespaceUris[prefix as 'image' | 'news']}"`)
      .join('');
    return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="${namespaceUris.sitemap}"${declarations}></urlset>`;
  }
  let start = `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="${namespaceUris.sitemap}"`;
  if (extensions.news) start += ` xmlns:news="${namespaceUris.news}"`;
  if (extensions.image) start += ` xmlns:image="${namespaceUris.image}"`;
  // Joined once: appended entry by entry, 4,200 entries were a tree of strings that lived through the
  // render and was copied by every young-generation collection, then walked again to make the bytes.
  const parts = [`${start}>`];
  for (const entry of entries) parts.push(writeEntry(entry));
  parts.push('</urlset>');
  return parts.join('');
}

/** A <sitemapindex> naming each sitemap file with its lastmod. */
export async function renderSitemapIndex(files: readonly { readonly url: string; readonly lastModified?: Date }[]): Promise<string> {
  const { ErrorLevel, SitemapIndexStream, streamToPromise } = await sitemapLibrary();
  const stream = new SitemapIndexStream({ level: ErrorLevel.THROW });
  const done = streamToPromise(stream);
  for (const file of files) stream.write({ url: file.url, ...(file.lastModified ? { lastmod: file.lastModified.toISOString() } : {}) });
  stream.end();
  return (await done).toString('utf8');
}
