import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { toTimestamp } from '../db/row-values.ts';
import { markedHit, needlesFor } from './mark-matches.ts';
import { defaultRankingWindow, type SearchHit, type SearchIndex, type SearchIndexOptions, type SearchRequest, type SearchResults } from './search-index.ts';
import { needsSubstringSearch } from './search-scripts.ts';
import { trigramMatchExpression } from './trigram-match.ts';
import { porterWordTest, wordMarkedHit } from './word-marks.ts';

/** Headline, standfirst, body, tags, authors: a word in the headline counts ten times one in the body. */
const columnWeights = sql`10.0, 3.0, 1.0, 5.0, 5.0`;

/**
 * The FTS5 table a query is answered from: words (porter stemming, diacritics folded) or, for Chinese,
 * Japanese, Korean and Arabic, the trigram table that finds text inside longer forms.
 */
interface FtsTable {
  readonly name: RawBuilder<unknown>;
  /** How a result's text is marked: by words with the query's Porter stems, or by the query's text wherever it occurs. */
  readonly marks: 'stems' | 'text';
}

const wordTable: FtsTable = { name: sql.raw('article_search_fts'), marks: 'stems' };
const trigramTable: FtsTable = { name: sql.raw('article_search_fts_trigram'), marks: 'text' };

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
 * Matches that readers may see right now, narrowed by the filters: `articles` is the source of truth
 * for what is published, not the index. "cross join" keeps FTS5 as the outer loop.
 */
function visibleMatches({ table, expression }: FtsQuery, request: SearchRequest): RawBuilder<unknown> {
  const conditions = [
    sql`${table.name} match ${expression}`,
    sql`a.status = 'published'`,
    sql`a.published_at <= ${toTimestamp(request.now)}`,
    ...(request.sectionId === undefined ? [] : [sql`a.section_id = ${request.sectionId}`]),
    ...(request.from ? [sql`a.published_at >= ${toTimestamp(request.from)}`] : []),
    ...(request.before ? [sql`a.published_at < ${toTimestamp(request.before)}`] : []),
  ];
  return sql`${table.name} cross join articles a on a.id = ${table.name}.rowid where ${sql.join(conditions, sql` and `)}`;
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
 * FTS5 with bm25, in one pass: the newest matches up to one past the ranking window, each with its score,
 * ranked here. Counting them first and then ranking in SQLite's own sort read the window twice (14 ms
 * against 8 ms a query on 100,000 articles); "order by rank" would score every match. Only the page's
 * rows are then marked.
 */
export function sqliteSearchIndex({ rankingWindow = defaultRankingWindow }: SearchIndexOptions = {}): SearchIndex {
  return {
    rankingWindow,

    async search(db: Kysely<Database>, request: SearchRequest, page: { limit: number; offset: number }): Promise<SearchResults> {
      const query = await ftsQueryFor(db, request);
      if (!query) return { total: 0, hits: [] };
      const { rows: newest } = await sql<{ id: number; score: number }>`
        select a.id, bm25(${query.table.name}, ${columnWeights}) as score from ${visibleMatches(query, request)}
        order by ${query.table.name}.rowid desc limit ${rankingWindow + 1}
      `.execute(db);
      // bm25() is lower for a better match.
      const ranked = newest
        .slice(0, rankingWindow)
        .sort((a, b) => a.score - b.score || b.id - a.id)
        .slice(page.offset, page.offset + page.limit);
      if (ranked.length === 0) return { total: newest.length, hits: [] };
      const hits = await markedHits(
        db,
        query,
        request,
        ranked.map((row) => row.id),
      );
      return { total: newest.length, hits: ranked.flatMap(({ id }) => hits.get(id) ?? []) };
    },
  };
}
