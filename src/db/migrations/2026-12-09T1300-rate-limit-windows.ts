import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // Rate-limit counters every instance adds to (comments, the Content API, newsroom sign-in links).
  // UNLOGGED on PostgreSQL: a hit writes no WAL, and a crash that empties the table only forgives a minute.
  let table = db.schema.createTable('rate_limit_windows');
  if (postgres) table = table.modifyFront(sql`unlogged`);
  await table
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('ends_at', postgres ? sql`timestamptz` : sql`text`, (c) => c.notNull())
    .execute();
  // For sweeping ended windows. A hit inside a window leaves ends_at alone, so the index costs only the first hit.
  await db.schema.createIndex('rate_limit_windows_ends_idx').on('rate_limit_windows').column('ends_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_windows').execute();
}
