import { dictionary } from '@zxcvbn-ts/language-en';

/**
 * Real English words and names, by how often they are used: English Wikipedia's words first, then
 * the rest of everyday English (from film and TV subtitles). Both lists ship with zxcvbn's English
 * dictionary, which the password checker already depends on, so no word list is made up here.
 */

/** Markup and citation debris that Wikipedia's word counts include and an article never would. */
const notProse = new Set(['doc', 'https', 'http', 'www', 'com', 'org', 'html', 'isbn', 'px', 'jpg', 'png', 'svg', 'ref', 'nbsp', 'infobox', 'url']);

/** About 60,000 lower-case words, the most common first. */
export function newsVocabulary(): string[] {
  const words = new Set<string>();
  for (const list of [dictionary['wikipedia-en'], dictionary['commonWords-en']]) {
    for (const word of list) if (/^[a-z]+$/.test(word) && !notProse.has(word)) words.add(word);
  }
  return [...words];
}

export const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** Given names (in alphabetical order) and family names (most common first), capitalised. */
export function personNames(): { readonly given: readonly string[]; readonly family: readonly string[] } {
  const clean = (list: readonly string[]) => list.filter((name) => /^[a-z]{2,}$/.test(name)).map(capitalised);
  return { given: clean(dictionary['firstnames-en']), family: clean(dictionary['lastnames-en']).slice(0, 30_000) };
}

/**
 * Draws ranks 0…size-1 with Zipf's law: rank r turns up in proportion to 1/(r+1)^exponent, so a few
 * are everywhere and most are rare. Vose's alias method: one random number and two lookups a draw,
 * which matters when a million articles need a billion words.
 */
export function zipfSampler(size: number, exponent: number, random: () => number): () => number {
  const threshold = new Float64Array(size);
  const alias = new Int32Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) total += 1 / (rank + 1) ** exponent;
  const small: number[] = [];
  const large: number[] = [];
  for (let rank = 0; rank < size; rank++) {
    threshold[rank] = size / (rank + 1) ** exponent / total;
    (threshold[rank]! < 1 ? small : large).push(rank);
  }
  while (small.length > 0 && large.length > 0) {
    const under = small.pop()!;
    const over = large.pop()!;
    alias[under] = over;
    threshold[over] = threshold[over]! + threshold[under]! - 1;
    (threshold[over]! < 1 ? small : large).push(over);
  }
  // Whatever is left is 1 but for rounding.
  for (const rank of [...small, ...large]) threshold[rank] = 1;
  return () => {
    const scaled = random() * size;
    const column = Math.floor(scaled);
    return scaled - column < threshold[column]! ? column : alias[column]!;
  };
}

/** Draws `count` different ranks (fewer only from a list about that short), in the order drawn. */
export function distinctDraws(count: number, draw: () => number): number[] {
  const chosen: number[] = [];
  for (let tries = 0; chosen.length < count && tries < count * 20; tries++) {
    const rank = draw();
    if (!chosen.includes(rank)) chosen.push(rank);
  }
  return chosen;
}
