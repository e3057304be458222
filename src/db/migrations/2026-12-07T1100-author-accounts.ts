import type { Kysely } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.

export async function up(db: Kysely<any>): Promise<void> {
  // The staff account that writes under this byline, so the newsroom can put the signed-in writer on
  // their own articles. Null for contributors from outside and for profiles nobody has claimed.
  await db.schema
    .alterTable('authors')
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  // One profile per account and one account per profile. SQLite cannot add a UNIQUE column, so the
  // rule is an index; both databases let any number of rows hold null in it.
  await db.schema.createIndex('authors_user_id_unique').on('authors').column('user_id').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('authors_user_id_unique').execute();
  await db.schema.alterTable('authors').dropColumn('user_id').execute();
}
