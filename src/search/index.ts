import type { DialectName } from '../db/connect.ts';
import type { SearchIndex, SearchIndexOptions } from './search-index.ts';
import { postgresSearchIndex } from './search-index.postgres.ts';
import { sqliteSearchIndex } from './search-index.sqlite.ts';

export type { SearchIndex } from './search-index.ts';
export { parseSearchQuery } from './search-query.ts';
export { searchRoutes } from './search.routes.tsx';
export { searchArticles } from './search.reader.ts';
export type { TextPart } from './highlight.ts';
export { bestPassage } from './search-results.ts';

/** The search index for the database in use: chosen once, in buildApp. */
export function searchIndexFor(dialect: DialectName, options: SearchIndexOptions = {}): SearchIndex {
  return dialect === 'postgres' ? postgresSearchIndex(options) : sqliteSearchIndex(options);
}
