import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // When an editor pinned the article as the home page's lead (WordPress's "sticky"); null when not pinned.
  await db.schema
    .alterTable('articles')
    .addColumn('pinned_at', postgres ? sql`timestamptz` : sql`text`)
    .execute();
  await db.schema.createIndex('articles_pinned_idx').on('articles').column('pinned_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_pinned_idx').execute();
  await db.schema.alterTable('articles').dropColumn('pinned_at').execute();
}
