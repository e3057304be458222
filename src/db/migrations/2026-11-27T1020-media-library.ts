import type { Kysely } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.

export async function up(db: Kysely<any>): Promise<void> {
  // "Where is this photo used?" and the foreign key's ON DELETE both look articles up by their photo.
  await db.schema.createIndex('articles_featured_media_idx').on('articles').column('featured_media_id').execute();
  // The library filtered by file type, newest first.
  await db.schema.createIndex('media_type_created_idx').on('media').columns(['mime_type', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('media_type_created_idx').execute();
  await db.schema.dropIndex('articles_featured_media_idx').execute();
}
