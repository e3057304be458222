import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = postgres ? sql`timestamptz` : sql`text`;

  // What each person last typed in an article's editor and has not saved yet: one row per
  // article and person, replaced by every autosave and deleted by their next real save.
  await db.schema
    .createTable('article_autosaves')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('saved_at', ts, (c) => c.notNull())
    // The article's version the person started from; a newer one means someone else saved meanwhile.
    .addColumn('base_version', 'integer', (c) => c.notNull())
    // The editor's fields as JSON, exactly as typed (the body already cleaned by the allow-list).
    .addColumn('fields', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_autosaves_pkey', ['article_id', 'user_id'])
    .execute();
  await db.schema.createIndex('article_autosaves_user_idx').on('article_autosaves').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_autosaves').execute();
}
