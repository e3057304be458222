import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.
//
// The newsroom's list, on a million articles. Sorted by when an article goes live, it sorted every
// article of the filter (0.9 s for a byline with 143,000): the same order in an index of the articles out
// of the trash makes a page a walk along it. Searched for a word in the headline or the standfirst
// (`lower(column) like '%word%'`), it read the whole table (2 s): on PostgreSQL, trigram indexes of both
// lower-cased columns find the few articles that can match (0.1 s for a word in 10,000 of them), and the
// database's owner may install pg_trgm (a trusted extension); SQLite keeps reading the table.
// Building the trigram indexes takes about a minute for a million articles, with writes to them waiting.

const goesLive = `(case when status in ('published', 'scheduled') then published_at end)`;

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // In SQLite a null sorts below every value, so descending order already puts it last.
  await sql
    .raw(
      `create index articles_goes_live_idx on articles (${goesLive} desc${postgres ? ' nulls last' : ''}, updated_at desc, id desc) where trashed_at is null`,
    )
    .execute(db);
  if (!postgres) return;
  // Installed in public unless it is already installed elsewhere; its operator class is named with its schema either way.
  // One migration at a time installs it: two at once (two instances starting on a new database) would
  // both find it missing, and the second would fail on the first's. The lock is held until commit.
  await sql`select pg_advisory_xact_lock(hashtext('gazette: create extension pg_trgm'))`.execute(db);
  await sql`create extension if not exists pg_trgm with schema public`.execute(db);
  const { rows } = await sql<{ schema: string }>`select extnamespace::regnamespace::text as schema from pg_extension where extname = 'pg_trgm'`.execute(db);
  const trigrams = sql`${sql.id(rows[0]!.schema)}.gin_trgm_ops`;
  await sql`create index articles_headline_trgm_idx on articles using gin (lower(headline) ${trigrams})`.execute(db);
  await sql`create index articles_standfirst_trgm_idx on articles using gin (lower(standfirst) ${trigrams})`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_standfirst_trgm_idx').ifExists().execute();
  await db.schema.dropIndex('articles_headline_trgm_idx').ifExists().execute();
  await db.schema.dropIndex('articles_goes_live_idx').execute();
}
