import type { Kysely } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.

export async function up(db: Kysely<any>): Promise<void> {
  // The article's BCP 47 language tag ("ar", "ko", "en-GB"); null while it is in the site's language.
  await db.schema.alterTable('articles').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('articles').dropColumn('language').execute();
}
