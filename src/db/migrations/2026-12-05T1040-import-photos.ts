import type { Kysely } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.

export async function up(db: Kysely<any>): Promise<void> {
  // The folder under the data folder's imports/ where the photos uploaded with an export were unpacked.
  await db.schema.alterTable('import_jobs').addColumn('photos_name', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_jobs').dropColumn('photos_name').execute();
}
