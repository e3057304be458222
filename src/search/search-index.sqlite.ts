import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { toCount, toTimestamp } from '../db/row-values.ts';
import { highlightEnd, highlightStart } from './highlight.ts';
import { defaultRankingWindow, type SearchIndex, type SearchIndexOptions, type SearchRequest, type SearchResults } from './search-index.ts';

/** Tokens either side of the best-matching part of the body. */
const excerptTokens = 36;
/** Headline, standfirst, body, tags, authors: a word in the headline counts ten times one in the body. */
const bm25 = sql`bm25(article_search_fts, 10.0, 3.0, 1.0, 5.0, 5.0)`;

/**
 * better-sqlite3 binds every JS number as a REAL, and FTS5 ignores a rowid constraint given a REAL
 * (SQLite 3.53: `rowid = 5.0` matches every row), so rowids are cast before FTS5 sees them.
 */
const rowid = (id: number) => sql`cast(${id} as integer)`;

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
function visibleMatches(request: SearchRequest): RawBuilder<unknown> {
  const conditions = [
    sql`article_search_fts match ${ftsMatchExpression(request.terms, request.match)}`,
    sql`a.status = 'published'`,
    sql`a.published_at <= ${toTimestamp(request.now)}`,
    ...(request.sectionId === undefined ? [] : [sql`a.section_id = ${request.sectionId}`]),
    ...(request.from ? [sql`a.published_at >= ${toTimestamp(request.from)}`] : []),
    ...(request.before ? [sql`a.published_at < ${toTimestamp(request.before)}`] : []),
  ];
  return sql`article_search_fts cross join articles a on a.id = article_search_fts.rowid where ${sql.join(conditions, sql` and `)}`;
}

/**
 * FTS5 with bm25. Ranking is done in SQLite's own sort so the window's rowid bound limits the work
 * ("order by rank" would score every match first); snippets are then made for the page's rows only.
 */
export function sqliteSearchIndex({ rankingWindow = defaultRankingWindow }: SearchIndexOptions = {}): SearchIndex {
  /** How many match (exact up to the window, then one more), and the oldest id inside the window, in one pass. */
  async function measure(db: Kysely<Database>, request: SearchRequest): Promise<{ total: number; windowStart: number }> {
    const { rows } = await sql<{ count: number; oldest: number | null }>`
      select count(*) as count, min(id) as oldest from (
        select a.id from ${visibleMatches(request)} order by article_search_fts.rowid desc limit ${rankingWindow}
      )
    `.execute(db);
    const count = toCount(rows[0]?.count);
    const oldest = rows[0]?.oldest ?? 0;
    if (count < rankingWindow) return { total: count, windowStart: 0 };
    const { rows: older } = await sql`
      select 1 from ${visibleMatches(request)} and article_search_fts.rowid < ${rowid(oldest)} limit 1
    `.execute(db);
    return { total: older.length > 0 ? rankingWindow + 1 : rankingWindow, windowStart: oldest };
  }

  return {
    rankingWindow,

    async search(db: Kysely<Database>, request: SearchRequest, page: { limit: number; offset: number }): Promise<SearchResults> {
      const { total, windowStart } = await measure(db, request);
      if (total === 0) return { total, hits: [] };
      const { rows: ranked } = await sql<{ id: number }>`
        select a.id from ${visibleMatches(request)} and article_search_fts.rowid >= ${rowid(windowStart)}
        order by ${bm25}, a.id desc limit ${page.limit} offset ${page.offset}
      `.execute(db);
      if (ranked.length === 0) return { total, hits: [] };
      const { rows } = await sql<{ id: number; headline: string; standfirst: string; excerpt: string }>`
        select rowid as id,
          highlight(article_search_fts, 0, ${highlightStart}, ${highlightEnd}) as headline,
          highlight(article_search_fts, 1, ${highlightStart}, ${highlightEnd}) as standfirst,
          snippet(article_search_fts, 2, ${highlightStart}, ${highlightEnd}, '…', ${excerptTokens}) as excerpt
        from article_search_fts
        where article_search_fts match ${ftsMatchExpression(request.terms, request.match)}
          and rowid in (${sql.join(ranked.map((row) => rowid(row.id)))})
      `.execute(db);
      const byId = new Map(rows.map((row) => [row.id, row]));
      const hits = ranked.flatMap(({ id }) => {
        const row = byId.get(id);
        return row ? [{ articleId: id, headline: row.headline, standfirst: row.standfirst, bodyExcerpt: row.excerpt }] : [];
      });
      return { total, hits };
    },
  };
}
