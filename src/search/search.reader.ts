import { type ArticleSummary, listPublishedSummaries, listPublishedSummariesByIds, type SummariesByIds } from '../articles/index.ts';
import type { Db } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import type { SearchFilters, SearchHit, SearchIndex, SearchRequest } from './search-index.ts';

const messages = {
  pastTheEnd: (page: number, last: number) => `There is no page ${page} of these results; the last is page ${last}.`,
};

export const resultsPerPage = 10;
/** How many of the latest stories stand in for results when nothing matches. */
const latestCount = 6;

export interface FoundArticle {
  readonly summary: ArticleSummary;
  readonly hit: SearchHit;
}

export type SearchOutcome =
  | {
      readonly kind: 'found';
      /** "any" when no article had every word, and these have some of them. */
      readonly match: SearchRequest['match'];
      /** Exact, or the ranking window when `more` is set. */
      readonly total: number;
      /** More articles match than the index ranks: these are the best of the newest `total`. */
      readonly more: boolean;
      readonly page: number;
      readonly pageCount: number;
      readonly found: readonly FoundArticle[];
    }
  | { readonly kind: 'nothing'; readonly latest: readonly ArticleSummary[] };

export function loadLatestArticles(db: Db, now: Date): Promise<ArticleSummary[]> {
  return listPublishedSummaries(db, { scope: { kind: 'all' }, now, limit: latestCount });
}

/**
 * One page of results: articles with every word, or, when there are none, with any of them; when
 * nothing matches at all, the latest articles instead of an empty page. A page past the end is a 404.
 * Pages hold `resultsPerPage` results unless `perPage` says otherwise (the Content API's `limit`).
 */
export async function searchArticles(
  db: Db,
  index: SearchIndex,
  options: { terms: readonly string[]; filters: SearchFilters; page: number; now: Date; perPage?: number; summaries?: SummariesByIds },
): Promise<SearchOutcome> {
  const { terms, filters, page, now, perPage = resultsPerPage, summaries: readSummaries = listPublishedSummariesByIds } = options;
  const attempts: SearchRequest['match'][] = terms.length === 0 ? [] : terms.length === 1 ? ['all'] : ['all', 'any'];
  for (const match of attempts) {
    const request: SearchRequest = { ...filters, terms, match, now };
    const results = await index.search(db, request, { limit: perPage, offset: (page - 1) * perPage });
    if (results.total === 0) continue;
    const total = Math.min(results.total, index.rankingWindow);
    const pageCount = Math.ceil(total / perPage);
    if (page > pageCount) throw new NotFoundError(messages.pastTheEnd(page, pageCount));
    const { hits } = results;
    const hitsById = new Map(hits.map((hit) => [hit.articleId, hit]));
    const summaries = await readSummaries(db, [...hitsById.keys()], now);
    return {
      kind: 'found',
      match,
      total,
      more: results.total > total,
      page,
      pageCount,
      found: summaries.map((summary) => ({ summary, hit: hitsById.get(summary.id)! })),
    };
  }
  if (page > 1) throw new NotFoundError(messages.pastTheEnd(page, 1));
  return { kind: 'nothing', latest: await loadLatestArticles(db, now) };
}
