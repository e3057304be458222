import { stemmer } from 'stemmer';
import { foldDiacritics } from '../platform/words.ts';
import { highlightEnd, highlightStart } from './highlight.ts';
import type { SearchHit } from './search-index.ts';

/**
 * Marking found articles' words, and cutting the body's best passage, in the application. FTS5's
 * highlight() and snippet() cut and stem every word of every result's body again on every search:
 * 0.5 ms for a body of 1,000 words, as long as finding and ranking the results together. Here one
 * regular expression finds the words that begin as a query word's stem does, only those are stemmed
 * (each distinct word once per process), and only the passage's own words are counted.
 */

/**
 * Which query word a word of the text is, as the index sees it (the key of its stem), or undefined
 * when it is none of them. The key tells a passage with several of the words from one with a single
 * word repeated.
 */
export interface WordTest {
  readonly key: (word: string) => string | undefined;
  /** How a matching word begins, lower case and without diacritics (`openingOf` its stem). */
  readonly openings: readonly string[];
}

/**
 * How every word with this stem begins, folded: a stemmer takes endings off and may change a word's last
 * letters ("cities" is "citi", "capably" is "capabl"), never those before them.
 */
export function openingOf(stem: string): string {
  return stem.slice(0, Math.max(2, stem.length - 2));
}

/** A word as FTS5's unicode61 tokenizer cuts them out: letters, marks and digits. */
const wordCharacters = '\\p{L}\\p{M}\\p{N}';
const wordPattern = new RegExp(`[${wordCharacters}]+`, 'gu');
const anyWord = new RegExp(`[${wordCharacters}]`, 'u');
/** wordsOn()'s own: matchAll() would start from the lastIndex that exec() leaves on an expression. */
const wordsFrom = new RegExp(wordPattern);

/** How many words a body passage holds, as FTS5's snippet() was asked for. */
const passageWords = 36;
/** How many words a passage shows before the first of the query's words in it. */
const leadWords = 5;
/** About how long a passage is, for weighing which matches fall in it before its words are counted. */
const passageCharacters = passageWords * 6;
/** Enough to find the best passage of a long body that mentions the word throughout. */
const mostMatchesWeighed = 200;

/** The word as the index compares it: lower case, without diacritics. */
function folded(word: string): string {
  return foldDiacritics(word).toLowerCase();
}

/** Every Latin letter with diacritics, by the letter it folds to: é, É, è… under "e". */
const lettersFoldingTo = new Map<string, string>();
for (let code = 0xc0; code <= 0x24f; code++) {
  const character = String.fromCharCode(code);
  const base = folded(character);
  if (base.length === 1 && base !== character) lettersFoldingTo.set(base, (lettersFoldingTo.get(base) ?? '') + character);
}

const escapedForClass = (text: string) => text.replace(/[\\\]^-]/gu, '\\$&');

/**
 * Words that may be query words, for text whose letters have diacritics: those beginning with one of the
 * openings' first letters, in any case or with any diacritic. No look-behind for the word's start, which
 * made the expression three times slower: the caller checks the character before.
 */
function candidatePattern(openings: readonly string[]): RegExp {
  const firstLetters = [...new Set(openings.map((opening) => String.fromCodePoint(opening.codePointAt(0)!)))];
  const letters = firstLetters.map((letter) => `${letter}${letter.toUpperCase()}${lettersFoldingTo.get(letter) ?? ''}`).join('');
  return new RegExp(`[${escapedForClass(letters)}][${wordCharacters}]*`, 'gu');
}

/**
 * Latin letters with diacritics, and the marks that combine with them: text where a word may not begin
 * as its folded form does. Code units, not a Unicode class, which took ten times as long on a body.
 */
const unfolded = /[\u00c0-\u024f\u1e00-\u1eff]|[\u0300-\u036f]/;
const wordCharacter = new RegExp(`[${wordCharacters}]`, 'u');

function isWordCodePoint(point: number): boolean {
  if (point < 0x80) return (point >= 0x30 && point <= 0x39) || ((point | 0x20) >= 0x61 && (point | 0x20) <= 0x7a);
  return wordCharacter.test(String.fromCodePoint(point));
}

/** Whether the character that ends just before `index` is part of a word (one beyond the Basic Multilingual Plane included). */
function wordCharacterBefore(text: string, index: number): boolean {
  const low = text.charCodeAt(index - 1);
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  const astral = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return isWordCodePoint(astral ? text.codePointAt(index - 2)! : low);
}

function wordEnd(text: string, from: number): number {
  let end = from;
  for (let point = text.codePointAt(end); point !== undefined && isWordCodePoint(point); point = text.codePointAt(end)) end += point > 0xffff ? 2 : 1;
  return end;
}

/** Stems by word as written; a newsroom's vocabulary is some tens of thousands of words. */
const stems = new Map<string, string>();
const mostStems = 50_000;

/** The word as the SQLite word index holds it: lower case, no diacritics, Porter-stemmed (FTS5's porter tokenizer). */
function porterStem(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    if (stems.size >= mostStems) stems.clear();
    stem = stemmer(folded(word));
    stems.set(word, stem);
  }
  return stem;
}

/** The test for the SQLite word index: a word is a query word when their Porter stems are the same. */
export function porterWordTest(terms: readonly string[]): WordTest {
  const wanted = new Set(terms.map(porterStem).filter((stem) => stem !== ''));
  return {
    key: (word) => {
      const stem = porterStem(word);
      return wanted.has(stem) ? stem : undefined;
    },
    openings: [...new Set([...wanted].map(openingOf))],
  };
}

interface Match {
  readonly start: number;
  readonly end: number;
  readonly key: string;
}

/**
 * The query's words in the text, in order. Most text is found by its openings in a lower-cased copy,
 * which the engine searches far faster than it runs a Unicode character class over every letter.
 */
function matchesIn(text: string, test: WordTest): Match[] {
  if (test.openings.length === 0) return [];
  const lower = text.toLowerCase();
  const starts = lower.length === text.length && !unfolded.test(text) ? openingsIn(lower, test.openings) : candidatesIn(text, test.openings);
  const matches: Match[] = [];
  for (const start of starts) {
    if (start > 0 && wordCharacterBefore(text, start)) continue;
    const end = wordEnd(text, start);
    const key = test.key(text.slice(start, end));
    if (key !== undefined) matches.push({ start, end, key });
  }
  return matches;
}

/** Where the openings occur, in order, each place once. */
function openingsIn(lower: string, openings: readonly string[]): number[] {
  const starts = new Set<number>();
  for (const opening of openings) {
    for (let at = lower.indexOf(opening); at !== -1; at = lower.indexOf(opening, at + 1)) starts.add(at);
  }
  return [...starts].sort((a, b) => a - b);
}

function candidatesIn(text: string, openings: readonly string[]): number[] {
  return Array.from(text.matchAll(candidatePattern(openings)), (found) => found.index);
}

function withMarks(text: string, matches: readonly Match[], from = 0, to = text.length): string {
  let marked = '';
  let position = from;
  for (const { start, end } of matches) {
    if (start < from || end > to) continue;
    marked += `${text.slice(position, start)}${highlightStart}${text.slice(start, end)}${highlightEnd}`;
    position = end;
  }
  return marked + text.slice(position, to);
}

/** The words of the texts that begin as a word with one of these stems may, each once: those a database is asked to stem. */
export function candidateWords(texts: readonly string[], stems: readonly string[]): Set<string> {
  const words = new Set<string>();
  const collecting: WordTest = {
    openings: [...new Set(stems.map(openingOf))],
    key: (word) => {
      words.add(word);
      return undefined;
    },
  };
  for (const text of texts) matchesIn(text, collecting);
  return words;
}

/** The whole text, every query word marked. */
export function markWords(text: string, test: WordTest): string {
  return withMarks(text, matchesIn(text, test));
}

/** Where the word `count` words back from `position` starts (0 when the text has fewer). */
function wordsBack(text: string, position: number, count: number): number {
  if (count === 0) return position;
  for (let reach = count * 12 + 40; ; reach *= 2) {
    const from = Math.max(0, position - reach);
    const starts = Array.from(text.slice(from, position).matchAll(wordPattern), (found) => from + found.index);
    // The first word of the slice may be cut: it counts only when the slice starts the text.
    const whole = from === 0 ? starts : starts.slice(1);
    if (whole.length >= count) return whole[whole.length - count]!;
    if (from === 0) return 0;
  }
}

/** Where the `count`th word from `position` ends, and how many words there were (fewer at the end of the text). */
function wordsOn(text: string, position: number, count: number): { end: number; counted: number } {
  const words = wordsFrom;
  words.lastIndex = position;
  let end = position;
  let counted = 0;
  for (let found = words.exec(text); found && counted < count; found = words.exec(text)) {
    end = found.index + found[0].length;
    counted++;
  }
  return { end, counted };
}

/** The match the best passage opens with: the first with the most different query words, then the most of them, close behind it. */
function bestOpening(matches: readonly Match[]): Match | undefined {
  const weighed = matches.slice(0, mostMatchesWeighed);
  let best: Match | undefined;
  let bestScore = -1;
  for (const opening of weighed) {
    const inside = weighed.filter((match) => match.start >= opening.start && match.start < opening.start + passageCharacters);
    const score = new Set(inside.map((match) => match.key)).size * passageWords + inside.length;
    if (score > bestScore) {
      best = opening;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The passage of `passageWords` words with the most of the query's words (the beginning when it has
 * none), those words marked, with "…" where the text goes on beyond it, as FTS5's snippet() gives.
 */
export function bodyPassage(text: string, test: WordTest): string {
  const matches = matchesIn(text, test);
  const opening = bestOpening(matches);
  let from = opening ? wordsBack(text, opening.start, leadWords) : 0;
  let { end, counted } = wordsOn(text, from, passageWords);
  if (counted < passageWords) {
    // The body ends within the passage: it takes in words before instead, and runs to the very end.
    from = wordsBack(text, from, passageWords - counted);
    end = text.length;
  }
  const startsText = !anyWord.test(text.slice(0, from));
  const endsText = !anyWord.test(text.slice(end));
  const to = endsText ? text.length : end;
  return `${startsText ? '' : '…'}${withMarks(text, matches, startsText ? 0 : from, to)}${endsText ? '' : '…'}`;
}

/** A found article's fields marked by words: the whole headline and standfirst, and the body's best passage. */
export function wordMarkedHit(articleId: number, fields: { headline: string; standfirst: string; body: string }, test: WordTest): SearchHit {
  return { articleId, headline: markWords(fields.headline, test), standfirst: markWords(fields.standfirst, test), bodyExcerpt: bodyPassage(fields.body, test) };
}
