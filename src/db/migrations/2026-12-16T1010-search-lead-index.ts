import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.
//
// PostgreSQL ranked a search's window by reading all 2,000 of its leads (2026-12-15T1000-search-lead), one
// index probe and row each: 6 ms of a search on a million articles. Only the leads that match rank above
// the rest, so they are now found in an index of their own, by word and, as the documents are
// (2026-12-13T1000-search-recency), by run of 1,024 ids: a common word's window lies within a few runs.
// 300 searches one at a time: 27–29 → 19–21 ms each. Building it took 30 s on a million articles. SQLite
// does the same with FTS5 (2026-12-16T1000-search-lead-words).

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create index if not exists article_search_lead_words_idx on article_search_lead using gin (lead, ((article_id / 1024)::bigint))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop index if exists article_search_lead_words_idx`.execute(db);
}
