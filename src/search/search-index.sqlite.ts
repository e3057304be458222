import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { toCount, toTimestamp } from '../db/row-values.ts';
import { highlightEnd, highlightStart } from './highlight.ts';
import type { SearchHit, SearchIndex, SearchRequest } from './search-index.ts';

/** Tokens either side of the best-matching part of the body. */
const excerptTokens = 36;

/**
 * An FTS5 query in which every word is a quoted string, so nothing the reader typed can act as
 * FTS5 syntax (NEAR, column filters, *, ^, parentheses). Words are letters and digits already;
 * doubling quotes is the belt to those braces.
 */
export function ftsMatchExpression(terms: readonly string[], match: SearchRequest['match']): string {
  return terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(match === 'all' ? ' AND ' : ' OR ');
}

/** What readers may see right now, narrowed by the filters; `articles` is the source of truth, not the index. */
function visibleArticles(request: SearchRequest): RawBuilder<unknown> {
  return sql.join(
    [
      sql`a.status = 'published'`,
      sql`a.published_at <= ${toTimestamp(request.now)}`,
      ...(request.sectionId === undefined ? [] : [sql`a.section_id = ${request.sectionId}`]),
      ...(request.from ? [sql`a.published_at >= ${toTimestamp(request.from)}`] : []),
      ...(request.before ? [sql`a.published_at < ${toTimestamp(request.before)}`] : []),
    ],
    sql` and `,
  );
}

/**
 * FTS5 with bm25 ranking. "order by rank" lets FTS5 rank in its own sorted pass, so snippets are
 * made only for the rows returned; "cross join" keeps the index as the outer loop.
 */
export const sqliteSearchIndex: SearchIndex = {
  async count(db: Db, request: SearchRequest): Promise<number> {
    const { rows } = await sql<{ count: number }>`
      select count(*) as count
      from article_search_fts cross join articles a on a.id = article_search_fts.rowid
      where article_search_fts match ${ftsMatchExpression(request.terms, request.match)} and ${visibleArticles(request)}
    `.execute(db);
    return toCount(rows[0]?.count);
  },

  async find(db: Db, request: SearchRequest, page: { limit: number; offset: number }): Promise<SearchHit[]> {
    const { rows } = await sql<{ id: number; headline: string; standfirst: string; excerpt: string }>`
      select a.id,
        highlight(article_search_fts, 0, ${highlightStart}, ${highlightEnd}) as headline,
        highlight(article_search_fts, 1, ${highlightStart}, ${highlightEnd}) as standfirst,
        snippet(article_search_fts, 2, ${highlightStart}, ${highlightEnd}, '…', ${excerptTokens}) as excerpt
      from article_search_fts cross join articles a on a.id = article_search_fts.rowid
      where article_search_fts match ${ftsMatchExpression(request.terms, request.match)} and ${visibleArticles(request)}
      order by rank
      limit ${page.limit} offset ${page.offset}
    `.execute(db);
    return rows.map((row) => ({ articleId: row.id, headline: row.headline, standfirst: row.standfirst, bodyExcerpt: row.excerpt }));
  },
};
