import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types.
//
// SQLite ranks a search's window by the words of each article's lead, as PostgreSQL does since
// 2026-12-15T1000-search-lead: headline, standfirst, tags and bylines, in an FTS5 index of their own. bm25
// over the whole document looked each of the window's 2,000 matches up in the index's size table: 4 ms of
// the 6 a common word's search took on 100,000 articles. The lead index answers the same question from
// far shorter lists. Like article_search_fts it reads its text from article_search, and triggers on that
// table keep it; a migration that makes article_search again must make this index and its triggers again.

const columns = ['headline', 'standfirst', 'tags', 'authors'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql`create virtual table article_search_fts_lead using fts5(
    headline, standfirst, tags, authors,
    content = 'article_search', content_rowid = 'article_id',
    tokenize = 'porter unicode61 remove_diacritics 2'
  )`.execute(db);
  const list = columns.join(', ');
  const values = (row: 'new' | 'old') => columns.map((column) => `${row}.${column}`).join(', ');
  const add = `insert into article_search_fts_lead(rowid, ${list}) values (new.article_id, ${values('new')});`;
  const remove = `insert into article_search_fts_lead(article_search_fts_lead, rowid, ${list}) values ('delete', old.article_id, ${values('old')});`;
  await sql.raw(`create trigger article_search_lead_inserted after insert on article_search begin ${add} end`).execute(db);
  await sql.raw(`create trigger article_search_lead_deleted after delete on article_search begin ${remove} end`).execute(db);
  // Only when the lead's text changed: most edits are to the body.
  const leadChanged = columns.map((column) => `new.${column} is not old.${column}`).join(' or ');
  await sql.raw(`create trigger article_search_lead_updated after update on article_search when ${leadChanged} begin ${remove} ${add} end`).execute(db);
  await sql`insert into article_search_fts_lead(article_search_fts_lead) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  for (const trigger of ['inserted', 'deleted', 'updated']) await sql.raw(`drop trigger if exists article_search_lead_${trigger}`).execute(db);
  await sql`drop table if exists article_search_fts_lead`.execute(db);
}
