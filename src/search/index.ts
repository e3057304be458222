import type { DialectName } from '../db/connect.ts';
import type { SearchIndex } from './search-index.ts';
import { postgresSearchIndex } from './search-index.postgres.ts';
import { sqliteSearchIndex } from './search-index.sqlite.ts';

export type { SearchFilters, SearchHit, SearchIndex, SearchRequest } from './search-index.ts';
export { parseSearchQuery, type SearchQuery } from './search-query.ts';
export { searchRoutes, type SearchRoutesOptions } from './search.routes.tsx';

/** The search index for the database in use: chosen once, in buildApp. */
export function searchIndexFor(dialect: DialectName): SearchIndex {
  return dialect === 'postgres' ? postgresSearchIndex : sqliteSearchIndex;
}
