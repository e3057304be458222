import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.
//
// A search ranks the newest articles that match. On PostgreSQL it took every match from the text index
// and then kept the newest: a word found in most of a million articles read most of a million index
// entries and rows, a second or more. The text index now also holds which run of 1,024 article ids each
// row is in (btree_gin, a trusted extension, makes an integer indexable in GIN), so a search asks for the
// matches among the newest runs, and the index intersects the two: for such a word, the newest 2,000
// matches in a few milliseconds. Runs rather than ids: with an entry per id, a slice of 32,768 ids was 32,768
// entries to read, and the planner left it out and read every match's row instead (94 ms against 3 for a
// word in 38,000 articles). Only this index answers `(article_id / 1024)::bigint >= n`, so the planner
// cannot take the primary key's range instead and test every document in it. The index serves searches
// without a slice as the old one did, so it replaces it. Building it reads every document: 8 minutes
// for a million articles on the 2-core machine, with writes to the table waiting. SQLite's full-text index is unchanged.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  // Two instances migrating a new database at once would both find it missing; the lock is held until commit.
  await sql`select pg_advisory_xact_lock(hashtext('gazette: create extension btree_gin'))`.execute(db);
  await sql`create extension if not exists btree_gin with schema public`.execute(db);
  // Default operator classes are found whatever schema btree_gin is in, so none is named here.
  await sql`create index if not exists article_search_document_recency_idx on article_search using gin (document, ((article_id / 1024)::bigint))`.execute(db);
  await sql`drop index if exists article_search_document_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create index if not exists article_search_document_idx on article_search using gin (document)`.execute(db);
  await sql`drop index if exists article_search_document_recency_idx`.execute(db);
}
