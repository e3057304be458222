import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.
//
// PostgreSQL ranks a search's window of 2,000 matches by the words of each article's lead: its headline,
// tags and bylines, and standfirst, weighted as in the whole document. Ranking by the whole document read
// 2,000 documents of 7 KB each from TOAST on every search (16–50 ms on a million articles); these vectors
// are some 500 bytes, stored in the row, and rank the same window in 1–2 ms. `article_search`'s triggers
// keep them: written with the row (in its configuration), deleted with it. SQLite ranks with bm25 over
// its FTS5 index, which needs nothing of this.

const leadVector = [
  ['new.headline', 'A'],
  [`new.tags || ' ' || new.authors`, 'B'],
  ['new.standfirst', 'C'],
]
  .map(([text, weight]) => `setweight(to_tsvector(new.config, search_fold(${text})) || search_script_vector(new.config, ${text}), '${weight}')`)
  .join(' || ');

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // Keyed to the article, not to article_search, which the search migrations drop and make again.
  await sql`create table article_search_lead (
    article_id integer primary key references articles (id) on delete cascade,
    lead tsvector not null
  )`.execute(db);
  await sql
    .raw(`create function article_search_lead_written() returns trigger language plpgsql as $$ begin
    insert into article_search_lead (article_id, lead) values (new.article_id, ${leadVector})
      on conflict (article_id) do update set lead = excluded.lead;
    return null;
  end $$`)
    .execute(db);
  await sql`create function article_search_lead_removed() returns trigger language plpgsql as $$ begin
    delete from article_search_lead where article_id = old.article_id;
    return null;
  end $$`.execute(db);
  await sql`create trigger article_search_lead_written after insert or update on article_search
    for each row execute function article_search_lead_written()`.execute(db);
  await sql`create trigger article_search_lead_removed after delete on article_search
    for each row execute function article_search_lead_removed()`.execute(db);
  await sql.raw(`insert into article_search_lead (article_id, lead) select new.article_id, ${leadVector} from article_search new`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop trigger if exists article_search_lead_written on article_search`.execute(db);
  await sql`drop trigger if exists article_search_lead_removed on article_search`.execute(db);
  await sql`drop function article_search_lead_written()`.execute(db);
  await sql`drop function article_search_lead_removed()`.execute(db);
  await sql`drop table article_search_lead`.execute(db);
}
