import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = postgres ? sql`timestamptz` : sql`text`;
  // Old slugs of renamed sections, tags and authors, so their old addresses answer 301.
  await db.schema
    .createTable('slug_history')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('section', 'tag', 'author')`))
    .addColumn('old_slug', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('slug_history_pk', ['kind', 'old_slug'])
    .execute();
  await db.schema
    .alterTable('authors')
    .addColumn('photo_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('authors').dropColumn('photo_media_id').execute();
  await db.schema.dropTable('slug_history').execute();
}
