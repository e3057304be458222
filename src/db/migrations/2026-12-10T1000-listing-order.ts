import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.
//
// A tag's or an author's page lists its published articles newest first. Read through the articles table,
// page 5,000 of a tag with 250,000 articles means fetching all 250,000 to sort them. So the links carry the
// article's place in that order, `listed_at` (its published_at while it is published, else null), indexed
// with the tag or author: a page is then a range of one index, and a count an index-only scan.
// Triggers keep it right whatever writes the article or the link (the app, an import, a COPY).

const links = [
  { table: 'article_tags', owner: 'tag_id' },
  { table: 'article_authors', owner: 'author_id' },
] as const;

const listedAt = (row: string) => `case when ${row}.status = 'published' then ${row}.published_at end`;

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const { table, owner } of links) {
    await db.schema
      .alterTable(table)
      .addColumn('listed_at', postgres ? sql`timestamptz` : sql`text`)
      .execute();
    await sql.raw(`update ${table} set listed_at = (select ${listedAt('a')} from articles a where a.id = ${table}.article_id)`).execute(db);
    await db.schema
      .createIndex(`${table}_listing_idx`)
      .on(table)
      .columns([owner, 'listed_at desc', 'article_id desc'])
      .where(sql.ref('listed_at'), 'is not', null)
      .execute();
  }
  const updates = links.map(({ table }) => `update ${table} set listed_at = ${listedAt('new')} where article_id = new.id;`).join(' ');
  if (postgres) {
    await sql
      .raw(`create function article_listing_changed() returns trigger language plpgsql as $$
        begin ${updates} return null; end $$`)
      .execute(db);
    await sql
      .raw(`create trigger articles_listing_changed after update of status, published_at on articles for each row
        when (old.status is distinct from new.status or old.published_at is distinct from new.published_at)
        execute function article_listing_changed()`)
      .execute(db);
    await sql
      .raw(`create function article_link_listed() returns trigger language plpgsql as $$
        begin new.listed_at := (select ${listedAt('a')} from articles a where a.id = new.article_id); return new; end $$`)
      .execute(db);
    for (const { table } of links) {
      await sql
        .raw(`create trigger ${table}_listed before insert or update of article_id on ${table} for each row execute function article_link_listed()`)
        .execute(db);
    }
    return;
  }
  await sql
    .raw(`create trigger articles_listing_changed after update of status, published_at on articles
      when old.status is not new.status or old.published_at is not new.published_at
      begin ${updates} end`)
    .execute(db);
  for (const { table } of links) {
    await sql
      .raw(`create trigger ${table}_listed after insert on ${table} begin
        update ${table} set listed_at = (select ${listedAt('a')} from articles a where a.id = new.article_id) where rowid = new.rowid; end`)
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await sql`drop trigger if exists articles_listing_changed ${sql.raw(postgres ? 'on articles' : '')}`.execute(db);
  for (const { table } of links) {
    await sql.raw(`drop trigger if exists ${table}_listed${postgres ? ` on ${table}` : ''}`).execute(db);
    await db.schema.dropIndex(`${table}_listing_idx`).execute();
    await db.schema.alterTable(table).dropColumn('listed_at').execute();
  }
  if (postgres) {
    await sql`drop function if exists article_listing_changed()`.execute(db);
    await sql`drop function if exists article_link_listed()`.execute(db);
  }
}
