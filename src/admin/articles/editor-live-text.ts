import { countCharacters, graphemesOf, type ReadingStats } from '../../render/text-measures.ts';
import { slugFrom } from '../../platform/slugs.ts';

/**
 * What the article editor's panels say that the browser keeps live: character counters, the search
 * result and social card previews, the body's word count. Pure and free of Node APIs: the server
 * renders the panels with it (editor-search-panel.tsx, editor-body-stats.tsx) and the browser bundle
 * redraws them with it as people type (editor-client/search-preview.ts, body-stats.ts), so both agree.
 */

/** Longest search title and description that search engines show whole, in characters a person sees. */
export const recommendedLengths = { seoTitle: 60, seoDescription: 155 } as const;
/** Social networks show more of a description than a search result before cutting it. */
const longestSocialDescription = 200;

/** The live texts' messages: the browser bundle's (i18n/newsroom/client.ts), so server and browser write them alike. */
export type LiveTextKey = 'client.bodyStats' | 'client.characterCount' | 'client.characterCountOver' | 'client.previewNoTitle' | 'client.previewNoDescription';

/**
 * Words to write the live texts in: the newsroom's translator on the server, the bundle's own in the
 * browser. Without them the texts are in English, as written below.
 */
export interface LiveTextWords {
  text(key: LiveTextKey, values?: Readonly<Record<string, string | number>>): string;
}

export const appearanceMessages = {
  noTitle: 'The headline will show here.',
  noDescription: 'No description yet: search engines and social networks will take words from the article.',
};

/** What the previews show while there is nothing to show. */
export function appearancePlaceholders(words?: LiveTextWords): typeof appearanceMessages {
  if (!words) return appearanceMessages;
  return { noTitle: words.text('client.previewNoTitle'), noDescription: words.text('client.previewNoDescription') };
}

const numbers = new Intl.NumberFormat('en');

/**
 * "1,234 words · 6 min read", as the editor shows an article body's length.
 */
export function bodyStatsText(stats: ReadingStats, words?: LiveTextWords): string {
  if (words) return words.text('client.bodyStats', { words: stats.words, minutes: stats.minutes });
  return `${numbers.format(stats.words)} ${stats.words === 1 ? 'word' : 'words'} · ${numbers.format(stats.minutes)} min read`;
}

/** "38 of 60 characters recommended", or "65 characters, 5 over the recommended 60". */
export function characterCountText(count: number, recommended: number, words?: LiveTextWords): string {
  if (words) {
    return count <= recommended
      ? words.text('client.characterCount', { count, recommended })
      : words.text('client.characterCountOver', { count, over: count - recommended, recommended });
  }
  if (count <= recommended) return `${numbers.format(count)} of ${numbers.format(recommended)} characters recommended`;
  return `${numbers.format(count)} characters, ${numbers.format(count - recommended)} over the recommended ${numbers.format(recommended)}`;
}

/** A field's length as counted against its recommendation: what a reader sees, spaces at the ends left out. */
export function previewLength(value: string): number {
  return countCharacters(collapseSpaces(value));
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Cut as a search engine cuts a line that is too long: at a word's end when one is near, else mid-run
 * (Chinese and Japanese have no spaces to cut at), with no dangling punctuation, then "…".
 */
export function truncateForPreview(text: string, limit: number): string {
  const graphemes = graphemesOf(collapseSpaces(text));
  if (graphemes.length <= limit) return graphemes.join('');
  let cut = graphemes.slice(0, limit - 1).join('');
  const lastSpace = cut.lastIndexOf(' ');
  if (lastSpace > cut.length * 0.6) cut = cut.slice(0, lastSpace);
  return `${cut.replace(/[\s\p{P}]+$/u, '')}…`;
}

/** The editor's fields the previews are drawn from, as typed. */
export interface AppearanceFields {
  readonly headline: string;
  readonly standfirst: string;
  readonly slug: string;
  readonly seoTitle: string;
  readonly seoDescription: string;
}

export interface SearchAppearance {
  /** The address as a search result shows it: "https://news.example › world › harbour-fire". */
  readonly breadcrumb: string;
  /** Empty when there is nothing to show yet (no headline, no description). */
  readonly searchTitle: string;
  readonly searchDescription: string;
  readonly socialTitle: string;
  readonly socialDescription: string;
  /** "news.example", as social cards name the site. */
  readonly host: string;
}

/**
 * The absolute address an article's slug is appended to: its URL up to the last "/", since every
 * article address ends in its slug (platform/urls.ts articleUrl).
 * @example urlBaseOf('/world/harbour-fire', 'https://news.example') // 'https://news.example/world/'
 */
export function urlBaseOf(articleUrl: string, siteUrl: string): string {
  try {
    const url = new URL(articleUrl, `${siteUrl}/`);
    return `${url.origin}${url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1)}`;
  } catch {
    return `${siteUrl.replace(/\/+$/, '')}/`;
  }
}

function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The address's breadcrumb and host; a base that is no URL (a misconfigured site) is shown as it is. */
function addressOf(urlBase: string, slug: string): Pick<SearchAppearance, 'breadcrumb' | 'host'> {
  try {
    const url = new URL(encodeURIComponent(slug), urlBase);
    const segments = url.pathname.split('/').filter(Boolean).map(decodedSegment);
    return { breadcrumb: [url.origin, ...segments].join(' › '), host: url.host };
  } catch {
    return { breadcrumb: `${urlBase}${encodeURIComponent(slug)}`, host: '' };
  }
}

/** What the search result and social card show for these fields; `urlBase` comes from `urlBaseOf`. */
export function searchAppearance(fields: AppearanceFields, urlBase: string): SearchAppearance {
  // An empty slug is made from the headline when the article is saved (articles.service.ts).
  const slug = fields.slug.trim() || slugFrom(fields.headline);
  const title = collapseSpaces(fields.seoTitle) || collapseSpaces(fields.headline);
  const description = collapseSpaces(fields.seoDescription) || collapseSpaces(fields.standfirst);
  return {
    ...addressOf(urlBase, slug),
    searchTitle: truncateForPreview(title, recommendedLengths.seoTitle),
    searchDescription: truncateForPreview(description, recommendedLengths.seoDescription),
    socialTitle: title,
    socialDescription: truncateForPreview(description, longestSocialDescription),
  };
}
