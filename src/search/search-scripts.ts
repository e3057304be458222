import { foldDiacritics } from '../platform/words.ts';

/**
 * Writing systems whose words a word index cannot find on their own. Chinese and Japanese put no
 * spaces between words, and Korean writes its particles onto the word (소방당국은 is 소방당국 + 은);
 * Arabic writes the article, "and", "with" onto the word (الميناء is ال + ميناء). For words in these
 * scripts, search looks for the text inside longer forms rather than for whole words.
 *
 * The migration 2026-12-06T1200-search-languages repeats these ranges in SQL (it may not import
 * app code); search-scripts.test.ts checks that the two agree.
 */
export const cjkCodePoints: readonly (readonly [number, number])[] = [
  [0x1100, 0x11ff], // Hangul Jamo
  [0x3005, 0x3007], // 々 〆 〇
  [0x3040, 0x309f], // Hiragana
  [0x30a0, 0x30ff], // Katakana
  [0x3130, 0x318f], // Hangul Compatibility Jamo
  [0x31f0, 0x31ff], // Katakana Phonetic Extensions
  [0x3400, 0x4dbf], // CJK Unified Ideographs Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa960, 0xa97f], // Hangul Jamo Extended-A
  [0xac00, 0xd7ff], // Hangul Syllables, Hangul Jamo Extended-B
  [0xf900, 0xfaff], // CJK Compatibility Ideographs
  [0x20000, 0x3134f], // CJK Unified Ideographs Extensions B to G
];
export const arabicCodePoints: readonly (readonly [number, number])[] = [
  [0x0600, 0x06ff], // Arabic (also Persian, Urdu)
  [0x0750, 0x077f], // Arabic Supplement
  [0x08a0, 0x08ff], // Arabic Extended-A
];

const regexClass = (ranges: readonly (readonly [number, number])[]) =>
  ranges.map(([first, last]) => `\\u{${first.toString(16)}}-\\u{${last.toString(16)}}`).join('');
const cjkRanges = regexClass(cjkCodePoints);
const arabicRanges = regexClass(arabicCodePoints);

const cjkCharacter = new RegExp(`[${cjkRanges}]`, 'u');
const arabicCharacter = new RegExp(`[${arabicRanges}]`, 'u');
const substringCharacter = new RegExp(`[${cjkRanges}${arabicRanges}]`, 'u');
const cjkRunsAndTheRest = new RegExp(`[${cjkRanges}]+|[^${cjkRanges}]+`, 'gu');

export function hasCjk(text: string): boolean {
  return cjkCharacter.test(text);
}

export function hasArabic(text: string): boolean {
  return arabicCharacter.test(text);
}

/** A query word with Chinese, Japanese, Korean or Arabic letters is looked for inside longer forms. */
export function needsSubstringSearch(term: string): boolean {
  return substringCharacter.test(term);
}

/** "g7정상회의" → [{ text: 'g7', cjk: false }, { text: '정상회의', cjk: true }]. */
export function scriptSegments(term: string): { readonly text: string; readonly cjk: boolean }[] {
  return (term.match(cjkRunsAndTheRest) ?? []).map((text) => ({ text, cjk: hasCjk(text) }));
}

/** "소방당국" → "소방 방당 당국": every pair of neighbouring characters, as PostgreSQL's index holds them. */
export function cjkBigrams(run: string): string {
  const characters = Array.from(run);
  return characters
    .slice(0, -1)
    .map((character, index) => character + characters[index + 1])
    .join(' ');
}

/** Short vowels, Quranic marks and the tatweel: optional in writing, so never part of a match. */
const arabicMarks = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/gu;

/**
 * One spelling for letters Arabic writers vary: alef with or without hamza or madda (أ إ آ ٱ → ا),
 * alef maqsura and yeh (ى → ي), ta marbuta and heh (ة → ه), and no diacritics. As Lucene's
 * ArabicNormalizer does.
 */
export function normalizeArabic(word: string): string {
  return word
    .replace(arabicMarks, '')
    .replace(/[أإآٱ]/gu, 'ا')
    .replaceAll('ى', 'ي')
    .replaceAll('ة', 'ه');
}

/**
 * The article ال and its forms with و (and), ب (with), ك (like), ف (so) and ل (for), longest first,
 * as Lucene's light stemmer removes them; then a leading و on its own. Single ب، ل، ك، ف are left
 * on: too many words begin with those letters (بلد، فلسطين، كتاب).
 */
const arabicPrefixes = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و'];
/** A shorter remainder would be found inside far too many words to mean anything. */
const shortestArabicStem = 3;

/** "الميناء" → "ميناء", "وبالميناء" → "بالميناء"… one prefix only, in the normalised spelling. */
export function arabicStem(word: string): string {
  const normal = normalizeArabic(word);
  const prefix = arabicPrefixes.find((candidate) => normal.startsWith(candidate) && normal.length - candidate.length >= shortestArabicStem);
  return prefix ? normal.slice(prefix.length) : normal;
}

const alefs = ['ا', 'أ', 'إ', 'آ'];
const finalSpellings: Readonly<Record<string, readonly string[]>> = { ه: ['ه', 'ة'], ي: ['ي', 'ى'] };

/**
 * The spellings of an Arabic stem that text may hold, for an index that keeps text as written:
 * its first alef with or without hamza or madda, its last letter as ه or ة, ي or ى.
 *
 * @example arabicSpellings('امن') // ['امن', 'أمن', 'إمن', 'آمن']
 */
export function arabicSpellings(stem: string): string[] {
  const characters = Array.from(stem);
  if (characters.length === 0) return [];
  const firsts = characters[0] === 'ا' ? alefs : [characters[0]!];
  const last = characters.at(-1)!;
  const lasts = characters.length > 1 ? (finalSpellings[last] ?? [last]) : [''];
  const middle = characters.slice(1, -1).join('');
  return firsts.flatMap((first) => lasts.map((end) => (characters.length > 1 ? first + middle + end : first)));
}

const latinWithDiacritics = /[\u00C0-\u024F\u1E00-\u1EFF]/u;

/**
 * Latin letters without their diacritics ("são" → "sao"), as both indexes fold them; other scripts
 * are left whole: taking the marks off Japanese kana would turn が into か, and FTS5 keeps them.
 */
export function foldLatinDiacritics(text: string): string {
  return latinWithDiacritics.test(text)
    ? Array.from(text, (character) => (latinWithDiacritics.test(character) ? foldDiacritics(character) : character)).join('')
    : text;
}

/** One character as matching compares it: lower case, compatibility forms folded, Latin without diacritics, Arabic in one spelling. */
export function foldForMatching(character: string): string {
  const lower = foldLatinDiacritics(character.normalize('NFKC').toLowerCase());
  return hasArabic(lower) ? normalizeArabic(lower) : lower;
}
