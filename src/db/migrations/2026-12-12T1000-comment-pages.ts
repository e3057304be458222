import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.
//
// A reader's comment page reads one page of an article's threads and their replies. On SQLite with
// 300,000 approved comments, most on one article:
// - The article's comments index now ends with (created_at, id, parent_id): it gives the page's order
//   whole, so SQLite reads the first threads and stops. Ordered only to created_at, SQLite read the
//   approved comments of every article in order through comments_queue_idx instead: 24-38 ms for an
//   article of 100 comments, 0.2 ms now.
// - Replies are found through their parent by a partial index of the comments that have one. The index on
//   parent_id alone also holds every top-level comment under NULL, so SQLite's statistics made it look
//   useless, and each reply step read all of the big article's approved comments: 0.9-3.8 s for its
//   first page, 0.3-1.2 ms now.
// PostgreSQL planned both well with the indexes it has (the big article's first page in 1.5 ms), and the
// wider index made its counts slower (39-41 ms against 34), so it keeps them.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await db.schema.dropIndex('comments_article_idx').execute();
  await db.schema.createIndex('comments_article_idx').on('comments').columns(['article_id', 'status', 'created_at', 'id', 'parent_id']).execute();
  await db.schema
    .createIndex('comments_replies_idx')
    .on('comments')
    .columns(['parent_id', 'article_id', 'status'])
    .where((eb) => eb('parent_id', 'is not', null))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await db.schema.dropIndex('comments_replies_idx').execute();
  await db.schema.dropIndex('comments_article_idx').execute();
  await db.schema.createIndex('comments_article_idx').on('comments').columns(['article_id', 'status', 'created_at', 'parent_id']).execute();
}
