import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import { markedHit, needlesFor } from './mark-matches.ts';
import { indexedButNotOut, isFiltered, visibleArticleConditions } from './reader-visibility.ts';
import { defaultRankingWindow, type SearchHit, type SearchIndex, type SearchIndexOptions, type SearchRequest, type SearchResults } from './search-index.ts';
import { cjkBigrams, hasArabic, needsSubstringSearch, scriptSegments } from './search-scripts.ts';
import { candidateWords, openingOf, type WordTest, wordMarkedHit } from './word-marks.ts';

/**
 * The text-search configurations the indexed articles use (one per language with a stemmer, `simple`
 * for the rest), read by skipping from one to the next through their index: a few index probes,
 * however many articles there are.
 */
async function configurationsInUse(trx: Transaction<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    with recursive used(config) as (
      (select config from article_search order by config limit 1)
      union all
      select (select s.config from article_search s where s.config > used.config order by s.config limit 1) from used where used.config is not null
    )
    select config::text as name from used where config is not null
  `.execute(trx);
  return rows.map((row) => row.name);
}

/**
 * One query word, every part of it a bound value read by a function that takes no operators
 * (plainto_tsquery, phraseto_tsquery), so nothing the reader typed can act as tsquery syntax.
 * Chinese, Japanese and Korean runs are found as the phrase of their neighbouring pairs, as the
 * document holds them (a single character as the start of one, or nothing if the parser drops it);
 * other words in every configuration in use, each document being indexed in its own; Arabic ones
 * also stemmed by `arabic`, which takes their prefixes off. `search_fold` (from the search index
 * migration) strips accents as the document's were.
 */
function termQuery(term: string, configurations: readonly string[]): RawBuilder<unknown> {
  const parts = scriptSegments(term).map(({ text, cjk }) => {
    if (cjk) {
      return Array.from(text).length === 1
        ? sql`coalesce(nullif(plainto_tsquery('simple', ${text})::text, '') || ':*', '')::tsquery`
        : sql`phraseto_tsquery('simple', ${cjkBigrams(text)})`;
    }
    const stemmed = configurations.map((configuration) => sql`plainto_tsquery(${configuration}::regconfig, search_fold(${text}))`);
    if (hasArabic(text)) stemmed.push(sql`plainto_tsquery(search_config('ar'), ${text})`);
    return sql`(${sql.join(stemmed, sql` || `)})`;
  });
  return sql`(${sql.join(parts, sql` && `)})`;
}

function tsQuery(terms: readonly string[], match: SearchRequest['match'], configurations: readonly string[]): RawBuilder<unknown> {
  return sql`(${sql.join(
    terms.map((term) => termQuery(term, configurations)),
    match === 'all' ? sql` && ` : sql` || `,
  )})`;
}

/**
 * The matches `m` readers may see: without filters, all but the indexed articles not out yet; with them,
 * those whose article the filters keep.
 */
function visibleMatches(request: SearchRequest): RawBuilder<unknown> {
  if (!isFiltered(request)) return sql`select m.id from matches m where m.id not in (${indexedButNotOut(request.now)})`;
  return sql`select m.id from matches m join articles a on a.id = m.id where ${sql.join(visibleArticleConditions(request), sql` and `)}`;
}

interface FoundRow {
  id: number;
  /** The text-search configuration the article is indexed in. */
  config: string;
  headline: string;
  standfirst: string;
  body: string;
}

/** Each word's lexemes in a configuration, several at once: `[configuration, word]` pairs in, their lexemes out. */
async function lexemesOf(trx: Transaction<Database>, pairs: readonly (readonly [string, string])[]): Promise<Map<string, string[]>> {
  if (pairs.length === 0) return new Map();
  const { rows } = await sql<{ config: string; word: string; lexemes: string[] }>`
    select w.config, w.word, tsvector_to_array(to_tsvector(w.config::regconfig, search_fold(w.word))) as lexemes
    from unnest(${pairs.map(([config]) => config)}::text[], ${pairs.map(([, word]) => word)}::text[]) as w(config, word)
  `.execute(trx);
  return new Map(rows.map((row) => [`${row.config} ${row.word}`, row.lexemes]));
}

/**
 * How the page's hits are marked, by configuration: a word of the text is a query word when PostgreSQL
 * gives the two a lexeme in common, as the document's own configuration indexed them. Only the words
 * that begin as a query word's lexeme does are stemmed (word-marks.ts), all in one statement, where
 * ts_headline parsed each hit's whole body: about 1 ms a body on a big archive.
 */
async function wordTests(trx: Transaction<Database>, terms: readonly string[], rows: readonly FoundRow[]): Promise<Map<string, WordTest>> {
  const configurations = [...new Set(rows.map((row) => row.config))];
  const termLexemes = await lexemesOf(
    trx,
    configurations.flatMap((config) => terms.map((term) => [config, term] as const)),
  );
  const wanted = new Map(configurations.map((config) => [config, new Set(terms.flatMap((term) => termLexemes.get(`${config} ${term}`) ?? []))]));
  const candidates = configurations.flatMap((config) => {
    const texts = rows.filter((row) => row.config === config).flatMap((row) => [row.headline, row.standfirst, row.body]);
    return [...candidateWords(texts, [...wanted.get(config)!])].map((word) => [config, word] as const);
  });
  const wordLexemes = await lexemesOf(trx, candidates);
  return new Map(
    configurations.map((config) => {
      const lexemes = wanted.get(config)!;
      const test: WordTest = {
        openings: [...new Set([...lexemes].map(openingOf))],
        key: (word) => wordLexemes.get(`${config} ${word}`)?.find((lexeme) => lexemes.has(lexeme)),
      };
      return [config, test];
    }),
  );
}

/** The page's hits, marked in the application: by words as each document's configuration stems them, or by the query's text wherever it occurs. */
async function markedHits(trx: Transaction<Database>, terms: readonly string[], rows: readonly FoundRow[]): Promise<SearchHit[]> {
  if (terms.some(needsSubstringSearch)) {
    const needles = needlesFor(terms);
    return rows.map((row) => markedHit(row.id, row, needles));
  }
  const tests = await wordTests(trx, terms, rows);
  return rows.map((row) => wordMarkedHit(row.id, row, tests.get(row.config)!));
}

/**
 * How far back from the newest article each attempt looks for the newest matches, in article ids; the
 * last attempt looks everywhere. A word in most articles fills the window from the first slice, and a
 * rare one has few entries to read however far back it looks.
 */
const defaultRecentSlices: readonly number[] = [4_096, 32_768, 262_144];

/** The runs of article ids the text index files each row under (article_search_document_recency_idx). */
const defaultIdsPerRun = 1_024;

interface Slices {
  /** How far back each attempt but the last looks, in article ids. */
  readonly sizes: readonly number[];
  /** As the index's expression has it; another value is answered right, without the index's help. */
  readonly idsPerRun: number;
}

/**
 * The ids of the newest `wanted` articles readers may see that match, newest first: fewer only when fewer
 * match. Each attempt asks the text index for the matches in the runs of ids a slice reaches into, which
 * the index intersects itself; a slice that yields `wanted` holds the newest of all, since every article
 * outside it is older.
 */
async function newestMatches(
  trx: Transaction<Database>,
  matching: RawBuilder<unknown>,
  request: SearchRequest,
  wanted: number,
  { sizes, idsPerRun }: Slices,
): Promise<number[]> {
  const { rows: newestRows } = await sql<{ id: number | null }>`select max(article_id) as id from article_search`.execute(trx);
  const newestId = newestRows[0]?.id ?? 0;
  const runs = [...new Set(sizes.map((size) => Math.floor((newestId - size) / idsPerRun)).filter((run) => run > 0))];
  const starts = [...runs, undefined];
  for (const start of starts) {
    // Materialized, so the matches come from the text index: joined as it stands, the planner may walk the
    // primary key newest-first instead, reading every document it passes to test it.
    const { rows } = await sql<{ id: number }>`
      with matches as materialized (
        select article_id as id from article_search
        where document @@ ${matching} ${start === undefined ? sql`` : sql`and (article_id / ${sql.lit(idsPerRun)})::bigint >= ${start}::bigint`}
      )
      ${visibleMatches(request)}
      order by m.id desc limit ${wanted}
    `.execute(trx);
    if (rows.length >= wanted || start === undefined) return rows.map((row) => row.id);
  }
  return [];
}

/** The most runs of ids a window may reach into for its leads to be looked for by run. */
const defaultRunsForLeads = 64;

/**
 * ts_rank of the window's articles whose lead (2026-12-15T1000-search-lead) matches, found in the leads'
 * own index (2026-12-16T1010-search-lead-index): reading every lead of the window took a probe each, 6 ms
 * of a search on a million articles. A window within a few runs of ids (a common word's) has its leads
 * looked for in those runs, as its documents were; a wider one reads the words' entries alone, since
 * naming every run from the window's oldest on read them all. Those whose lead does not match have no
 * rank. A lead found outside the window (not out, or filtered out) is never asked for by the ranking.
 */
async function leadRanks(
  trx: Transaction<Database>,
  matching: RawBuilder<unknown>,
  window: readonly number[],
  { idsPerRun, runsForLeads }: { readonly idsPerRun: number; readonly runsForLeads: number },
): Promise<Map<number, number>> {
  const oldest = Math.min(...window);
  const firstRun = Math.floor(oldest / idsPerRun);
  const inRange =
    Math.floor(Math.max(...window) / idsPerRun) - firstRun < runsForLeads
      ? sql`(l.article_id / ${sql.lit(idsPerRun)})::bigint >= ${firstRun}::bigint`
      : sql`l.article_id >= ${oldest}`;
  const { rows } = await sql<{ id: number; rank: number }>`
    select l.article_id as id, ts_rank(l.lead, ${matching}) as rank from article_search_lead l
    where l.lead @@ ${matching} and ${inRange}
  `.execute(trx);
  return new Map(rows.map((row) => [row.id, row.rank]));
}

/**
 * A generated tsvector with a GIN index, found with it and ranked by ts_rank on each match's lead. The
 * newest matches come from the index a slice of ids at a time (newestMatches), with sequential scans off:
 * for a common word the planner would rather scan the table, or walk the primary key newest-first, testing
 * (and so reading) every document it passes. No document is read whole: the window is ranked on the
 * leads' small vectors, and only the page's text is read, for marking.
 */
export function postgresSearchIndex({
  rankingWindow = defaultRankingWindow,
  recentSlices = defaultRecentSlices,
  idsPerRun = defaultIdsPerRun,
  runsForLeads = defaultRunsForLeads,
}: SearchIndexOptions & { readonly recentSlices?: readonly number[]; readonly idsPerRun?: number; readonly runsForLeads?: number } = {}): SearchIndex {
  return {
    rankingWindow,

    async search(db: Kysely<Database>, request: SearchRequest, page: { limit: number; offset: number }): Promise<SearchResults> {
      if (request.terms.length === 0) return { total: 0, hits: [] };
      const { total, hits } = await db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const configurations = await configurationsInUse(trx);
        if (configurations.length === 0) return { total: 0, hits: [] };
        const matching = tsQuery(request.terms, request.match, configurations);
        const newest = await newestMatches(trx, matching, request, rankingWindow + 1, { sizes: recentSlices, idsPerRun });
        const window = newest.slice(0, rankingWindow);
        if (page.offset >= window.length) return { total: newest.length, hits: [] };
        // Ranked by the lead's words, then newest first: an article with the words only in its body ranks
        // below those whose lead holds them, and among its like by date.
        const rankOf = await leadRanks(trx, matching, window, { idsPerRun, runsForLeads });
        const shown = window.sort((a, b) => (rankOf.get(b) ?? 0) - (rankOf.get(a) ?? 0) || b - a).slice(page.offset, page.offset + page.limit);
        const { rows: unordered } = await sql<FoundRow>`
          select s.article_id as id, s.config::text as config, s.headline, s.standfirst, s.body
          from article_search s where s.article_id = any(${shown}::int[])
        `.execute(trx);
        const byId = new Map(unordered.map((row) => [row.id, row]));
        const rows = shown.flatMap((id) => byId.get(id) ?? []);
        return { total: newest.length, hits: await markedHits(trx, request.terms, rows) };
      });
      return { total, hits };
    },
  };
}
