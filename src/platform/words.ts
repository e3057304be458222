/**
 * Words of free text, as search and "related articles" compare them: letters and digits only, lower
 * case, compatibility forms folded ("ｆｕｌｌ" → "full"). Everything else (punctuation, symbols,
 * emoji, control and format characters such as U+202E) separates words and never reaches a query.
 */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? []
  );
}

/** Anything but printable ASCII, which has nothing to fold. */
const nonAscii = /[^ -~]/;

/** "Tomás" → "tomas": what SQLite's remove_diacritics and our PostgreSQL fold both do. */
export function foldDiacritics(word: string): string {
  // ASCII has nothing to fold, and ranking related stories folds every word of sixty headlines.
  if (!nonAscii.test(word)) return word;
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/**
 * PostgreSQL's English stop words (tsearch_data/english.stop). Dropped from every query on both
 * databases, so "the harbour" means the same on SQLite (which indexes them) as on PostgreSQL
 * (which does not).
 */
export const englishStopWords: ReadonlySet<string> = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself ' +
    'it its itself they them their theirs themselves what which who whom this that these those am is are was were be ' +
    'been being have has had having do does did doing a an the and but if or because as until while of at by for with ' +
    'about against between into through during before after above below to from up down in out on off over under ' +
    'again further then once here there when where why how all any both each few more most other some such no nor not ' +
    'only own same so than too very s t can will just don should now'
  ).split(' '),
);
