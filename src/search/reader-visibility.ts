import { type RawBuilder, sql } from 'kysely';
import { toTimestamp } from '../db/row-values.ts';
import type { SearchRequest } from './search-index.ts';

// Which matches readers may see: `articles` is the source of truth for what is out, not the index.

/** What readers may see of the article `a` right now, narrowed by the request's filters. */
export function visibleArticleConditions(request: SearchRequest): RawBuilder<unknown>[] {
  return [
    sql`a.status = 'published'`,
    sql`a.published_at <= ${toTimestamp(request.now)}`,
    ...(request.sectionId === undefined ? [] : [sql`a.section_id = ${request.sectionId}`]),
    ...(request.from ? [sql`a.published_at >= ${toTimestamp(request.from)}`] : []),
    ...(request.before ? [sql`a.published_at < ${toTimestamp(request.before)}`] : []),
  ];
}

/** Whether the request narrows what readers may see: by section or by dates. */
export function isFiltered(request: SearchRequest): boolean {
  return request.sectionId !== undefined || request.from !== undefined || request.before !== undefined;
}

/**
 * The ids of the indexed articles that are not out yet. article_search holds published and scheduled
 * articles only (search-documents.queries.ts writes it in the transaction of every change), so these are
 * the scheduled ones and any published with a date ahead: a few, found in articles_status_published_idx.
 * Without filters, taking them away from the matches answers what joining every match to its article
 * did, without a probe for each, thousands for a common word.
 */
export function indexedButNotOut(now: Date): RawBuilder<unknown> {
  return sql`select a.id from articles a
    where a.status = 'scheduled' or (a.status = 'published' and (a.published_at > ${toTimestamp(now)} or a.published_at is null))`;
}
