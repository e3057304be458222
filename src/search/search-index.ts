import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/** Narrows a search to one section and to a span of publication times. */
export interface SearchFilters {
  readonly sectionId?: number;
  /** Published at or after. */
  readonly from?: Date;
  /** Published before. */
  readonly before?: Date;
}

export interface SearchRequest extends SearchFilters {
  /** Words from `parseSearchQuery`: letters and digits only. Never empty. */
  readonly terms: readonly string[];
  /** "all": every word must appear; "any": at least one, the fallback when nothing has them all. */
  readonly match: 'all' | 'any';
  /** Only articles published by then are found. */
  readonly now: Date;
}

/** One found article; text fields carry the highlight markers of ./highlight.ts, nothing else. */
export interface SearchHit {
  readonly articleId: number;
  /** The whole headline, matches marked. */
  readonly headline: string;
  /** The whole standfirst, matches marked. */
  readonly standfirst: string;
  /** The part of the body that best matches, matches marked. */
  readonly bodyExcerpt: string;
}

/**
 * How many of the newest matching articles a search ranks. A word found in tens of thousands of
 * articles would otherwise be scored in every one of them on every query; past this many, a reader
 * is better served by the best of the newest than by the best of a decade, and the page says so.
 */
export const defaultRankingWindow = 2_000;

export interface SearchIndexOptions {
  readonly rankingWindow?: number;
}

/**
 * Ranked full-text search over published articles' headline, standfirst, body, tags and authors.
 * One implementation per database (FTS5 with bm25 on SQLite, a tsvector with ts_rank on PostgreSQL),
 * chosen once in `buildApp`. Both read `article_search`, which article writes keep current, and both
 * check `articles` for what is published at `now`, so a draft or a scheduled article is never found.
 * Both rank the newest `rankingWindow` matches (by article id) and count up to one past it.
 *
 * @example
 * const index = searchIndexFor('sqlite');
 * const { total, hits } = await index.search(db, { terms: ['harbour'], match: 'all', now: new Date() }, { limit: 10, offset: 0 });
 */
export interface SearchIndex {
  readonly rankingWindow: number;
  /** Not inside a transaction: the PostgreSQL implementation opens its own to tune the plan. */
  search(db: Kysely<Database>, request: SearchRequest, page: { readonly limit: number; readonly offset: number }): Promise<SearchResults>;
}

export interface SearchResults {
  /** How many articles match: exact up to `rankingWindow`; `rankingWindow + 1` means "more than that". */
  readonly total: number;
  /** The requested page, best match first, ranked among the newest `rankingWindow` matches. */
  readonly hits: readonly SearchHit[];
}
