import { englishStopWords, wordsOf } from '../platform/words.ts';

/** Longer queries are cut to this many characters; the page says so. */
export const maxQueryLength = 200;
/** Words beyond this add nothing a reader would notice, only work for the database. */
export const maxTerms = 8;

/** A reader's query, made safe to show, to put back into links and to search for. */
export interface SearchQuery {
  /** What the reader typed, without invisible characters, white space folded, at most `maxQueryLength`. */
  readonly text: string;
  /**
   * The words to look for: letters and digits only, lower case, no stop words or repeats. This is
   * the only part of the query a database ever sees, as bound values, never as query syntax.
   */
  readonly terms: readonly string[];
  /** The query was longer than `maxQueryLength` and was cut. */
  readonly shortened: boolean;
}

/**
 * Turns whatever arrived in `?q=` into a `SearchQuery`. Control characters become spaces; format
 * characters (bidirectional overrides, zero-width joiners, soft hyphens), private-use and lone
 * surrogate code points are removed, so nothing invisible is echoed back on the page.
 *
 * @example parseSearchQuery('  "Harbour" AND (storm*  ') // { text: '"Harbour" AND (storm*', terms: ['harbour', 'storm'], shortened: false }
 */
export function parseSearchQuery(raw: string): SearchQuery {
  const visible = raw
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/[\p{Cf}\p{Co}\p{Cs}\p{Cn}]+/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  const characters = Array.from(visible);
  const shortened = characters.length > maxQueryLength;
  const text = shortened ? characters.slice(0, maxQueryLength).join('').trimEnd() : visible;
  const terms = [...new Set(wordsOf(text).filter((word) => !englishStopWords.has(word)))].slice(0, maxTerms);
  return { text, terms, shortened };
}
