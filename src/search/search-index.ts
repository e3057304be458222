import type { Db } from '../db/database.ts';

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
 * Ranked full-text search over published articles' headline, standfirst, body, tags and authors.
 * One implementation per database (FTS5 with bm25 on SQLite, a tsvector with ts_rank on PostgreSQL),
 * chosen once in `buildApp`. Both read `article_search`, which article writes keep current, and both
 * check `articles` for what is published at `now`, so a draft or a scheduled article is never found.
 *
 * @example
 * const index = searchIndexFor('sqlite');
 * const request = { terms: ['harbour'], match: 'all', now: new Date() } as const;
 * const total = await index.count(db, request);
 * const hits = await index.find(db, request, { limit: 10, offset: 0 });
 */
export interface SearchIndex {
  count(db: Db, request: SearchRequest): Promise<number>;
  /** Best match first. */
  find(db: Db, request: SearchRequest, page: { readonly limit: number; readonly offset: number }): Promise<SearchHit[]>;
}
