import { type SitemapFile, sitemapUrl } from '../platform/urls.ts';

/**
 * Entries per file. The protocol allows 50,000 URLs or 50 MB, whichever comes first; these counts
 * keep clear of both without measuring anything. An article entry holds at most two URLs (each far
 * under 2,048 characters: the site's address, a section and an article slug of at most 120 characters
 * each, or a media path) and a caption cut to 512 characters, so it stays under 8 KB; a collection
 * entry, one URL, stays under 2.2 KB, so 20,000 stay under 44 MB. Article files hold 1,000, as Yoast
 * SEO's do (WordPress's own, 2,000): a file is built on a request, and a month of 4,200 articles in one
 * file took 60–70 ms of a server's time each time a crawler fetched it, 22 files a second with 16 at
 * once on two cores. Google News reads at most 1,000 URLs from a news sitemap.
 */
export const entriesPerSitemap = { articles: 1_000, collections: 20_000, news: 1_000 } as const;

/** Google News lists articles published in the last two days. */
export const newsWindowMs = 48 * 60 * 60 * 1000;

/** The longest image caption and news title the sitemap extensions accept. */
export const sitemapTextLimits = { caption: 512, title: 200, publicationName: 256 } as const;

/** Cuts text to `max` UTF-16 units with an ellipsis, never inside a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '');
  return `${cut}…`;
}

/** Splits a list into files of at most `perFile`; part 1 exists even for an empty list. */
export function splitIntoParts<T>(items: readonly T[], perFile: number): T[][] {
  if (perFile < 1) throw new RangeError('perFile must be at least 1');
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += perFile) parts.push(items.slice(start, start + perFile));
  return parts.length > 0 ? parts : [[]];
}

/** The newest of some dates, or undefined for none. */
export function newest(dates: readonly Date[]): Date | undefined {
  return dates.length > 0 ? new Date(Math.max(...dates.map((date) => date.getTime()))) : undefined;
}

/** The UTC month a monthly sitemap covers: [from, before). */
export function monthRange(year: number, month: number): { from: Date; before: Date } {
  return { from: new Date(Date.UTC(year, month - 1, 1)), before: new Date(Date.UTC(year, month, 1)) };
}

export interface PlannedSitemap {
  readonly file: SitemapFile;
  readonly lastModified: Date | undefined;
}

/**
 * The monthly article sitemaps, newest month first, from every published article's times (oldest
 * first, the order the files are cut in), so the index knows each part and its lastmod.
 */
export function planArticleSitemaps(times: readonly { publishedAt: Date; updatedAt: Date }[], perFile: number): PlannedSitemap[] {
  const byMonth = new Map<string, { year: number; month: number; updates: Date[] }>();
  for (const { publishedAt, updatedAt } of times) {
    const year = publishedAt.getUTCFullYear();
    const month = publishedAt.getUTCMonth() + 1;
    const key = `${year}-${month}`;
    const bucket = byMonth.get(key) ?? { year, month, updates: [] };
    bucket.updates.push(updatedAt);
    byMonth.set(key, bucket);
  }
  return [...byMonth.values()]
    .sort((a, b) => b.year - a.year || b.month - a.month)
    .flatMap(({ year, month, updates }) =>
      splitIntoParts(updates, perFile).map((part, index) => ({
        file: { kind: 'articles', year, month, part: index + 1 } as const,
        lastModified: newest(part),
      })),
    );
}

/** The news sitemap changes by itself when its oldest story turns 48 hours old. */
export function newsSitemapExpiry(publishedTimes: readonly Date[]): Date | undefined {
  const oldest = publishedTimes.length > 0 ? Math.min(...publishedTimes.map((date) => date.getTime())) : undefined;
  return oldest === undefined ? undefined : new Date(oldest + newsWindowMs);
}

/** Reads a file name under /sitemaps/ back into what it lists; only canonical names count. */
export function parseSitemapFile(name: string): SitemapFile | undefined {
  const match = /^(?:articles-(\d{4})-(\d{2})|(sections|tags|authors|news))(?:-(\d{1,5}))?\.xml$/.exec(name);
  if (!match) return undefined;
  const part = match[4] ? Number(match[4]) : 1;
  const file: SitemapFile = match[3]
    ? { kind: match[3] as 'sections' | 'tags' | 'authors' | 'news', part }
    : { kind: 'articles', year: Number(match[1]), month: Number(match[2]), part };
  if (file.kind === 'articles' && (file.month < 1 || file.month > 12)) return undefined;
  // "-1", "-02" and the like would be second names for a file; each file has one.
  return sitemapUrl(file) === `/sitemaps/${name}` ? file : undefined;
}

/** Google News wants an ISO 639 code, except zh-cn / zh-tw for the two Chinese scripts. */
export function newsLanguage(languageTag: string): string {
  const [language = 'en', ...rest] = languageTag.toLowerCase().split('-');
  if (language !== 'zh') return language;
  return rest.some((subtag) => ['hant', 'tw', 'hk', 'mo'].includes(subtag)) ? 'zh-tw' : 'zh-cn';
}
