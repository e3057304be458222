import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { toCount, toTimestamp } from '../db/row-values.ts';
import { highlightEnd, highlightStart } from './highlight.ts';
import { defaultRankingWindow, type SearchIndex, type SearchIndexOptions, type SearchRequest, type SearchResults } from './search-index.ts';

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

/** What readers may see right now, narrowed by the filters: `articles` is the source of truth, not the index. */
function visibleArticles(request: SearchRequest): RawBuilder<unknown> {
  const conditions = [
    sql`a.status = 'published'`,
    sql`a.published_at <= ${toTimestamp(request.now)}`,
    ...(request.sectionId === undefined ? [] : [sql`a.section_id = ${request.sectionId}`]),
    ...(request.from ? [sql`a.published_at >= ${toTimestamp(request.from)}`] : []),
    ...(request.before ? [sql`a.published_at < ${toTimestamp(request.before)}`] : []),
  ];
  return sql.join(conditions, sql` and `);
}

/**
 * A generated tsvector with a GIN index, ranked by ts_rank, in one statement. The matching ids are
 * taken from the GIN index first, with sequential scans off for the statement: for a common word the
 * planner would rather scan the table, or walk the primary key newest-first, testing (and so reading)
 * every document it passes. Only the window's documents are read for ranking, and only the page's
 * for headlines.
 */
export function postgresSearchIndex({ rankingWindow = defaultRankingWindow }: SearchIndexOptions = {}): SearchIndex {
  return {
    rankingWindow,

    async search(db: Kysely<Database>, request: SearchRequest, page: { limit: number; offset: number }): Promise<SearchResults> {
      const matching = tsQuery(request.terms, request.match);
      const { rows } = await db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        return sql<{ total: string; id: number | null; headline: string; standfirst: string; excerpt: string; body_start: string; body_end: string }>`
          with matches as materialized (select article_id as id from article_search where document @@ ${matching}),
          newest as (
            select m.id from matches m join articles a on a.id = m.id
            where ${visibleArticles(request)}
            order by m.id desc limit ${rankingWindow + 1}
          ),
          hits as (
            select w.id, ts_rank(s.document, ${matching}) as rank
            from (select id from newest order by id desc limit ${rankingWindow}) w join article_search s on s.article_id = w.id
            order by rank desc, w.id desc
            limit ${page.limit} offset ${page.offset}
          ),
          marking as (select ${highlightQuery(request.terms)} as query)
          select counted.total, hits.id,
            ts_headline('english', s.headline, marking.query, ${wholeField}) as headline,
            ts_headline('english', s.standfirst, marking.query, ${wholeField}) as standfirst,
            ts_headline('english', s.body, marking.query, ${bodyExcerpt}) as excerpt,
            left(s.body, ${edge}) as body_start, right(s.body, ${edge}) as body_end
          from (select count(*) as total from newest) counted
          left join (hits join article_search s on s.article_id = hits.id cross join marking) on true
          order by hits.rank desc, hits.id desc
        `.execute(trx);
      });
      const hits = rows.flatMap((row) =>
        row.id === null
          ? []
          : [{ articleId: row.id, headline: row.headline, standfirst: row.standfirst, bodyExcerpt: withEllipses(row.excerpt, row.body_start, row.body_end) }],
      );
      return { total: toCount(rows[0]?.total), hits };
    },
  };
}
