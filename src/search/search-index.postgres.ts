import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { toCount, toTimestamp } from '../db/row-values.ts';
import { highlightEnd, highlightStart } from './highlight.ts';
import type { SearchHit, SearchIndex, SearchRequest } from './search-index.ts';

const wholeField = `HighlightAll=true, StartSel=${highlightStart}, StopSel=${highlightEnd}`;
const bodyExcerpt = `MaxWords=36, MinWords=18, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … ", StartSel=${highlightStart}, StopSel=${highlightEnd}`;

/**
 * A tsquery made of one plainto_tsquery per word, each word a bound value: plainto_tsquery reads
 * no operators at all, so nothing the reader typed can act as tsquery syntax. `search_fold`
 * (from the migration) strips accents the way the indexed document was.
 */
function tsQuery(terms: readonly string[], match: SearchRequest['match']): RawBuilder<unknown> {
  const words = terms.map((term) => sql`plainto_tsquery('english', search_fold(${term}))`);
  return sql`(${sql.join(words, match === 'all' ? sql` && ` : sql` || `)})`;
}

/** For highlighting: any word, folded or as typed, since ts_headline reads the text as written. */
function highlightQuery(terms: readonly string[]): RawBuilder<unknown> {
  const asTyped = terms.map((term) => sql`plainto_tsquery('english', ${term})`);
  return sql`(${tsQuery(terms, 'any')} || ${sql.join(asTyped, sql` || `)})`;
}

const edge = 40;

/** ts_headline returns bare passages; mark where the body goes on beyond them, as FTS5's snippet does. */
export function withEllipses(excerpt: string, bodyStart: string, bodyEnd: string): string {
  const plain = excerpt.replaceAll(highlightStart, '').replaceAll(highlightEnd, '');
  if (plain === '') return excerpt;
  const opensBody = plain.slice(0, edge) === bodyStart.slice(0, Math.min(edge, plain.length));
  const endsBody = plain.slice(-edge) === bodyEnd.slice(-Math.min(edge, plain.length));
  return `${opensBody ? '' : '…'}${excerpt}${endsBody ? '' : '…'}`;
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

/** A generated tsvector with a GIN index, ranked by ts_rank; headlines are made only for the page's rows. */
export const postgresSearchIndex: SearchIndex = {
  async count(db: Db, request: SearchRequest): Promise<number> {
    const { rows } = await sql<{ count: string }>`
      select count(*) as count
      from article_search s join articles a on a.id = s.article_id
      where s.document @@ ${tsQuery(request.terms, request.match)} and ${visibleArticles(request)}
    `.execute(db);
    return toCount(rows[0]?.count);
  },

  async find(db: Db, request: SearchRequest, page: { limit: number; offset: number }): Promise<SearchHit[]> {
    const { rows } = await sql<{ id: number; headline: string; standfirst: string; excerpt: string; body_start: string; body_end: string }>`
      with query as (select ${tsQuery(request.terms, request.match)} as matching, ${highlightQuery(request.terms)} as marking),
      hits as (
        select s.article_id as id, ts_rank(s.document, query.matching) as rank, a.published_at
        from query, article_search s join articles a on a.id = s.article_id
        where s.document @@ query.matching and ${visibleArticles(request)}
        order by rank desc, a.published_at desc, a.id desc
        limit ${page.limit} offset ${page.offset}
      )
      select hits.id,
        ts_headline('english', s.headline, query.marking, ${wholeField}) as headline,
        ts_headline('english', s.standfirst, query.marking, ${wholeField}) as standfirst,
        ts_headline('english', s.body, query.marking, ${bodyExcerpt}) as excerpt,
        left(s.body, ${edge}) as body_start, right(s.body, ${edge}) as body_end
      from hits join article_search s on s.article_id = hits.id, query
      order by hits.rank desc, hits.published_at desc, hits.id desc
    `.execute(db);
    return rows.map((row) => ({
      articleId: row.id,
      headline: row.headline,
      standfirst: row.standfirst,
      bodyExcerpt: withEllipses(row.excerpt, row.body_start, row.body_end),
    }));
  },
};
