import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = postgres ? sql`timestamptz` : sql`text`;
  // Addresses a page answered at before it was moved or renamed, so links to them keep working (301).
  await db.schema
    .createTable('page_path_history')
    .addColumn('old_path', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('page_path_history_page_idx').on('page_path_history').column('page_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('page_path_history').execute();
}
