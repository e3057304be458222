import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = postgres ? sql`timestamptz` : sql`text`;

  // The picture social networks show for the article, when it should not be the featured photo.
  await db.schema
    .alterTable('articles')
    .addColumn('social_image_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .execute();
  // "Where is this photo used?" and the foreign key's ON DELETE look articles up by it, as by the featured photo.
  await db.schema.createIndex('articles_social_image_idx').on('articles').column('social_image_id').execute();

  // Set while the article is in the trash. A column rather than a status, because SQLite cannot
  // change the status column's CHECK constraint without rebuilding the table; a trashed article is
  // also a draft, so every reader query already leaves it out.
  await db.schema.alterTable('articles').addColumn('trashed_at', ts).execute();
  await db.schema.createIndex('articles_trashed_idx').on('articles').columns(['trashed_at', 'updated_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_trashed_idx').execute();
  await db.schema.alterTable('articles').dropColumn('trashed_at').execute();
  await db.schema.dropIndex('articles_social_image_idx').execute();
  await db.schema.alterTable('articles').dropColumn('social_image_id').execute();
}
