import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { SearchRequest } from './search-index.ts';
import { arabicSpellings, arabicStem, foldLatinDiacritics, hasArabic } from './search-scripts.ts';

/**
 * The SQLite trigram table finds any text of three or more characters inside longer forms. A word of
 * one or two characters (서울, 中国) has no trigram of its own: it is looked up as the start of the
 * trigrams that begin with it, which every occurrence is, since each column is indexed with two
 * spaces after it. A very common start is followed by many different characters; the most
 * widespread of the first `trigramsRead` trigrams are searched for.
 */
const trigramLength = 3;
const trigramsRead = 2_000;
const trigramsSearched = 200;

/** A quoted FTS5 string: whatever is inside is text to find, never query syntax. */
const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** The spellings of a query word the table may hold, folded as its tokenizer folds them: lower case, Latin diacritics off. */
function spellingsOf(term: string): string[] {
  return hasArabic(term) ? arabicSpellings(arabicStem(term)) : [foldLatinDiacritics(term)];
}

async function trigramsStartingWith(db: Kysely<Database>, start: string): Promise<string[]> {
  const { rows } = await sql<{ term: string }>`
    select term from (
      select term, doc from article_search_fts_trigram_terms where term >= ${start} and term < ${`${start}\u{10FFFF}`} limit ${trigramsRead}
    ) order by doc desc limit ${trigramsSearched}
  `.execute(db);
  return rows.map((row) => row.term);
}

/** What may stand for one query word: its spellings, each quoted whole or as the trigrams it starts. */
async function alternativesOf(db: Kysely<Database>, term: string): Promise<string[]> {
  const alternatives = new Set<string>();
  for (const spelling of spellingsOf(term)) {
    const found = Array.from(spelling).length >= trigramLength ? [spelling] : await trigramsStartingWith(db, spelling);
    for (const text of found) alternatives.add(quoted(text));
  }
  return [...alternatives];
}

/**
 * An FTS5 expression for the trigram table: per word, its alternatives joined by OR; the words joined
 * by AND or OR. Undefined when nothing can match (an "all" word that no trigram starts with).
 */
export async function trigramMatchExpression(db: Kysely<Database>, terms: readonly string[], match: SearchRequest['match']): Promise<string | undefined> {
  const groups: string[][] = [];
  for (const term of terms) groups.push(await alternativesOf(db, term));
  if (match === 'all' && groups.some((group) => group.length === 0)) return undefined;
  const present = groups.filter((group) => group.length > 0);
  if (present.length === 0) return undefined;
  return present.map((group) => `(${group.join(' OR ')})`).join(match === 'all' ? ' AND ' : ' OR ');
}
