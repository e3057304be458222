import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { markedHit, needlesFor } from './mark-matches.ts';
import { indexedButNotOut, isFiltered, visibleArticleConditions } from './reader-visibility.ts';
import { defaultRankingWindow, type SearchHit, type SearchIndex, type SearchIndexOptions, type SearchRequest, type SearchResults } from './search-index.ts';
import { needsSubstringSearch } from './search-scripts.ts';
import { trigramMatchExpression } from './trigram-match.ts';
import { porterWordTest, wordMarkedHit } from './word-marks.ts';

/**
 * Where an article's lead (headline, standfirst, tags, bylines) is looked up to rank the window: its
 * table, the bm25 weight of each of that table's columns (a word in the headline counts most), and how a
 * query's expression is narrowed to the lead's columns.
 */
interface LeadIndex {
  readonly name: RawBuilder<unknown>;
  readonly weights: RawBuilder<unknown>;
  readonly expression: (expression: string) => string;
}

/**
 * The FTS5 table a query is answered from: words (porter stemming, diacritics folded) or, for Chinese,
 * Japanese, Korean and Arabic, the trigram table that finds text inside longer forms.
 */
interface FtsTable {
  readonly name: RawBuilder<unknown>;
  /** How a result's text is marked: by words with the query's Porter stems, or by the query's text wherever it occurs. */
  readonly marks: 'stems' | 'text';
  readonly lead: LeadIndex;
}

/** Words have a lead index of their own (2026-12-16T1000-search-lead-words), its doclists far shorter than the whole text's. */
const wordTable: FtsTable = {
  name: sql.raw('article_search_fts'),
  marks: 'stems',
  lead: { name: sql.raw('article_search_fts_lead'), weights: sql`10.0, 3.0, 5.0, 5.0`, expression: (expression) => expression },
};
/** Text in the rarer scripts is ranked from its own table, the body's column left out. */
const trigramTable: FtsTable = {
  name: sql.raw('article_search_fts_trigram'),
  marks: 'text',
  lead: {
    name: sql.raw('article_search_fts_trigram'),
    weights: sql`10.0, 3.0, 0.0, 5.0, 5.0`,
    expression: (expression) => `{headline standfirst tags authors} : (${expression})`,
  },
};

/** A query for one FTS5 table: the table and its MATCH expression. */
interface FtsQuery {
  readonly table: FtsTable;
  readonly expression: string;
}

/**
 * An FTS5 query in which every word is a quoted string, so nothing the reader typed can act as
 * FTS5 syntax (NEAR, column filters, *, ^, parentheses). Words are letters and digits already;
 * doubling quotes is the belt to those braces.
 */
export function ftsMatchExpression(terms: readonly string[], match: SearchRequest['match']): string {
  return terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(match === 'all' ? ' AND ' : ' OR ');
}

/**
 * The matches in `table` that readers may see right now, narrowed by the filters, as a `from … where …`
 * to select from: without filters, all but the indexed articles not out yet; with them, those whose
 * article the filters keep ("cross join" keeps FTS5 as the outer loop).
 */
function visibleMatches(table: RawBuilder<unknown>, expression: string, request: SearchRequest): RawBuilder<unknown> {
  if (!isFiltered(request)) return sql`${table} where ${table} match ${expression} and ${table}.rowid not in (${indexedButNotOut(request.now)})`;
  const conditions = [sql`${table} match ${expression}`, ...visibleArticleConditions(request)];
  return sql`${table} cross join articles a on a.id = ${table}.rowid where ${sql.join(conditions, sql` and `)}`;
}

/** The table and expression for a request; undefined when nothing can match (no words, or an "all" word found nowhere). */
async function ftsQueryFor(db: Kysely<Database>, request: SearchRequest): Promise<FtsQuery | undefined> {
  if (request.terms.length === 0) return undefined;
  if (!request.terms.some(needsSubstringSearch)) return { table: wordTable, expression: ftsMatchExpression(request.terms, request.match) };
  const expression = await trigramMatchExpression(db, request.terms, request.match);
  return expression === undefined ? undefined : { table: trigramTable, expression };
}

/**
 * The page's hits, marked in the application from the stored text: FTS5's highlight() and snippet() cut
 * and stem each body again, longer than finding and ranking the results (word-marks.ts).
 */
async function markedHits(db: Kysely<Database>, query: FtsQuery, request: SearchRequest, ids: readonly number[]): Promise<Map<number, SearchHit>> {
  const rows = await db.selectFrom('article_search').select(['article_id', 'headline', 'standfirst', 'body']).where('article_id', 'in', ids).execute();
  if (query.table.marks === 'text') {
    const needles = needlesFor(request.terms);
    return new Map(rows.map((row) => [row.article_id, markedHit(row.article_id, row, needles)]));
  }
  const words = porterWordTest(request.terms);
  return new Map(rows.map((row) => [row.article_id, wordMarkedHit(row.article_id, row, words)]));
}

/**
 * How each article of the window ranks by its lead: bm25 (lower is better) of those whose lead matches the
 * query, as a visible article from the window's oldest on. Every such article is in the window, the lead
 * being part of the whole text; the rest of the window has no score.
 */
async function leadScores(db: Kysely<Database>, query: FtsQuery, request: SearchRequest, window: readonly number[]): Promise<Map<number, number>> {
  const { name, weights, expression } = query.table.lead;
  const { rows } = await sql<{ id: number; score: number }>`
    select ${name}.rowid as id, bm25(${name}, ${weights}) as score from ${visibleMatches(name, expression(query.expression), request)}
    and ${name}.rowid >= ${Math.min(...window)}
  `.execute(db);
  return new Map(rows.map((row) => [row.id, row.score]));
}

/**
 * FTS5, in two short passes: the newest matches up to one past the ranking window, ids only, then the
 * window ranked by its leads (leadScores), and among articles of equal rank by date, as on PostgreSQL.
 * bm25 over the whole text read every match's sizes from the index (4 ms a common word's search on
 * 100,000 articles, against 1 for its lead); "order by rank" would score every match. Only the page's
 * rows are then marked.
 */
export function sqliteSearchIndex({ rankingWindow = defaultRankingWindow }: SearchIndexOptions = {}): SearchIndex {
  return {
    rankingWindow,

    async search(db: Kysely<Database>, request: SearchRequest, page: { limit: number; offset: number }): Promise<SearchResults> {
      const query = await ftsQueryFor(db, request);
      if (!query) return { total: 0, hits: [] };
      const { rows: newest } = await sql<{ id: number }>`
        select ${query.table.name}.rowid as id from ${visibleMatches(query.table.name, query.expression, request)}
        order by ${query.table.name}.rowid desc limit ${rankingWindow + 1}
      `.execute(db);
      const window = newest.slice(0, rankingWindow).map((row) => row.id);
      if (page.offset >= window.length) return { total: newest.length, hits: [] };
      const scores = await leadScores(db, query, request, window);
      const ranked = window.sort((a, b) => (scores.get(a) ?? 0) - (scores.get(b) ?? 0) || b - a).slice(page.offset, page.offset + page.limit);
      const hits = await markedHits(db, query, request, ranked);
      return { total: newest.length, hits: ranked.flatMap((id) => hits.get(id) ?? []) };
    },
  };
}
