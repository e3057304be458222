import { highlightEnd, highlightStart } from './highlight.ts';
import type { SearchHit } from './search-index.ts';
import { arabicStem, foldForMatching, hasArabic, hasCjk } from './search-scripts.ts';

/**
 * Marking matches in the application, for queries the databases cannot mark themselves: a Korean,
 * Chinese, Japanese or Arabic word found inside a longer form (소방당국 in 소방당국은), which neither
 * FTS5's highlight() nor ts_headline sees as a match.
 */

/** What to look for, folded; Chinese, Japanese and Korean matches stay as found, others grow to the whole word. */
export interface MatchNeedle {
  readonly text: string;
  readonly wholeWord: boolean;
}

function fold(text: string): string {
  return Array.from(text, foldForMatching).join('');
}

/** What each query word looks like in text: an Arabic word without its prefix, in one spelling. */
export function needlesFor(terms: readonly string[]): MatchNeedle[] {
  return terms
    .map((term) => (hasCjk(term) ? { text: fold(term), wholeWord: false } : { text: fold(hasArabic(term) ? arabicStem(term) : term), wholeWord: true }))
    .filter((needle) => needle.text !== '');
}

/** Text folded as matching compares it, with where in the original each folded code unit came from. */
function folded(text: string): { folded: string; origins: number[] } {
  let result = '';
  const origins: number[] = [];
  for (let offset = 0; offset < text.length; ) {
    const character = String.fromCodePoint(text.codePointAt(offset)!);
    const folding = foldForMatching(character);
    for (let unit = 0; unit < folding.length; unit++) origins.push(offset);
    result += folding;
    offset += character.length;
  }
  return { folded: result, origins };
}

const wordCharacter = /[\p{L}\p{M}\p{N}]/u;

function isWordCharacterAt(text: string, index: number): boolean {
  const code = text.codePointAt(index);
  return code !== undefined && wordCharacter.test(String.fromCodePoint(code));
}

/** [start, end) of every match in `text`, merged where they overlap or touch, in order. */
export function matchRanges(text: string, needles: readonly MatchNeedle[]): [number, number][] {
  const { folded: haystack, origins } = folded(text);
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    for (let at = haystack.indexOf(needle.text); at !== -1; at = haystack.indexOf(needle.text, at + needle.text.length)) {
      const foldedEnd = at + needle.text.length;
      let start = origins[at]!;
      let end = foldedEnd < origins.length ? origins[foldedEnd]! : text.length;
      if (needle.wholeWord) {
        while (start > 0 && isWordCharacterAt(text, start - 1)) start--;
        while (end < text.length && isWordCharacterAt(text, end)) end++;
      }
      ranges.push([start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

function withMarkers(text: string, ranges: readonly [number, number][], from = 0, to = text.length): string {
  let marked = '';
  let position = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    const markStart = Math.max(start, from);
    const markEnd = Math.min(end, to);
    marked += `${text.slice(position, markStart)}${highlightStart}${text.slice(markStart, markEnd)}${highlightEnd}`;
    position = markEnd;
  }
  return marked + text.slice(position, to);
}

/** The whole text, every match marked. */
export function markMatches(text: string, needles: readonly MatchNeedle[]): string {
  return withMarkers(text, matchRanges(text, needles));
}

/** About as much text as the databases' own excerpts (36 words); a Chinese, Japanese or Korean character counts twice. */
const excerptWidth = 240;
/** How much of the excerpt comes before its first match. */
const leadWidth = 60;
/** How far an excerpt's edge moves to fall between words rather than inside one. */
const wordSearch = 24;

const width = (character: string) => (hasCjk(character) ? 2 : 1);

/** From `start`, where the text has used up `budget` (code unit offset). */
function advance(text: string, start: number, budget: number): number {
  let offset = start;
  for (let used = 0; offset < text.length && used < budget; ) {
    const character = String.fromCodePoint(text.codePointAt(offset)!);
    used += width(character);
    offset += character.length;
  }
  return offset;
}

/** Back from `end` by `budget`. */
function retreat(text: string, end: number, budget: number): number {
  let offset = end;
  for (let used = 0; offset > 0 && used < budget; ) {
    const low = text.charCodeAt(offset - 1);
    const size = low >= 0xdc00 && low <= 0xdfff && offset > 1 ? 2 : 1;
    used += width(text.slice(offset - size, offset));
    offset -= size;
  }
  return offset;
}

/**
 * The passage of `text` around its first match (its beginning when nothing matches), matches
 * marked, with "…" where it is cut, like FTS5's snippet().
 */
export function excerptMatches(text: string, needles: readonly MatchNeedle[]): string {
  const ranges = matchRanges(text, needles);
  let start = ranges.length === 0 ? 0 : retreat(text, ranges[0]![0], leadWidth);
  let end = advance(text, start, excerptWidth);
  if (end >= text.length) {
    end = text.length;
    start = retreat(text, end, excerptWidth);
  }
  if (start > 0) {
    const space = text.slice(start, start + wordSearch).search(/\s/u);
    if (space !== -1 && (ranges.length === 0 || start + space < ranges[0]![0])) start += space + 1;
  }
  if (end < text.length) {
    const space = text.slice(Math.max(start, end - wordSearch), end).search(/\s\S*$/u);
    if (space !== -1) end = Math.max(start, end - wordSearch) + space;
  }
  return `${start > 0 ? '…' : ''}${withMarkers(text, ranges, start, end)}${end < text.length ? '…' : ''}`;
}

/** A found article's fields, marked in the application. */
export function markedHit(articleId: number, fields: { headline: string; standfirst: string; body: string }, needles: readonly MatchNeedle[]): SearchHit {
  return {
    articleId,
    headline: markMatches(fields.headline, needles),
    standfirst: markMatches(fields.standfirst, needles),
    bodyExcerpt: excerptMatches(fields.body, needles),
  };
}
