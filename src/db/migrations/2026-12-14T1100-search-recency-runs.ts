import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.
//
// The first version of 2026-12-13T1000-search-recency indexed each search document beside its article id;
// the version after it, beside its run of 1,024 ids (see there why). A database migrated in between has
// the first index and that migration recorded as done, so it would never get the second: searches would
// still be right, but the slices would find no index to narrow them. This builds the runs index where it
// is missing and drops the per-id one. On any other database it finds both so and does nothing.

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create index if not exists article_search_document_recency_idx on article_search using gin (document, ((article_id / 1024)::bigint))`.execute(db);
  await sql`drop index if exists article_search_document_id_idx`.execute(db);
}

// Nothing to undo: the index is 2026-12-13T1000's, which drops it when that migration is undone.
export async function down(): Promise<void> {}
