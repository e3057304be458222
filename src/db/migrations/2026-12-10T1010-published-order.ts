import { type Kysely, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.
//
// Reader lists (a section's, the whole site's) show published articles newest first, ties by id. With
// that exact order in a partial index of published articles, a deep page skips entries of one index and a
// count reads nothing else; the older indexes end at published_at, so the planner sorted on top of them.
// The newsroom's list shows articles out of the trash last edited first, ties by id: the same again.

export async function up(db: Kysely<any>): Promise<void> {
  const published = sql.ref('status');
  await db.schema
    .createIndex('articles_section_listing_idx')
    .on('articles')
    .columns(['section_id', 'published_at desc', 'id desc'])
    .where(published, '=', 'published')
    .execute();
  await db.schema.createIndex('articles_listing_idx').on('articles').columns(['published_at desc', 'id desc']).where(published, '=', 'published').execute();
  await db.schema.createIndex('articles_edited_idx').on('articles').columns(['updated_at desc', 'id desc']).where(sql.ref('trashed_at'), 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_edited_idx').execute();
  await db.schema.dropIndex('articles_listing_idx').execute();
  await db.schema.dropIndex('articles_section_listing_idx').execute();
}
