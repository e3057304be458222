import { DEFAULT_MIGRATION_TABLE, type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.ts';

/** The cheapest question the database can answer; throws when it cannot. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * The names of the migrations the database has recorded, from Kysely's own table as the migrator
 * left it (found through the search path, as the migrator found it). Throws when there is no such table.
 */
export async function listRecordedMigrations(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)}`.execute(db);
  return rows.map((row) => row.name);
}
