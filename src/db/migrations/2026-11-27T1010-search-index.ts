import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types or its HTML helpers.
//
// article_search holds one plain-text row per published or scheduled article (drafts are never
// indexed), rewritten by the app in the same transaction as every write to the article. Each
// database indexes it its own way: SQLite mirrors it into an FTS5 table through triggers, PostgreSQL
// keeps a generated tsvector column with a GIN index. Triggers also follow tag and author renames,
// which happen outside article writes.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

const columns = ['headline', 'standfirst', 'body', 'tags', 'authors'] as const;
/** The entities whose names an article's row repeats, with the join table that links them. */
const namedEntities = [
  { entity: 'tags', join: 'article_tags', key: 'tag_id' },
  { entity: 'authors', join: 'article_authors', key: 'author_id' },
] as const;

async function createDocumentTable(db: Kysely<any>): Promise<void> {
  let table = db.schema.createTable('article_search').addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'));
  for (const column of columns) table = table.addColumn(column, 'text', (c) => c.notNull());
  if (isPostgres(db)) {
    const vector = (text: string, weight: string) => `setweight(to_tsvector('english'::regconfig, search_fold(${text})), '${weight}')`;
    table = table.addColumn('document', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql.raw([vector('headline', 'A'), vector(`tags || ' ' || authors`, 'B'), vector('standfirst', 'C'), vector('body', 'D')].join(' || ')),
        )
        .stored(),
    );
  }
  await table.execute();
}

async function createSqliteIndex(db: Kysely<any>): Promise<void> {
  await sql`create virtual table article_search_fts using fts5(
    headline, standfirst, body, tags, authors,
    content = 'article_search', content_rowid = 'article_id',
    tokenize = 'porter unicode61 remove_diacritics 2'
  )`.execute(db);
  const list = columns.join(', ');
  const values = (row: 'new' | 'old') => columns.map((column) => `${row}.${column}`).join(', ');
  const add = `insert into article_search_fts(rowid, ${list}) values (new.article_id, ${values('new')});`;
  const remove = `insert into article_search_fts(article_search_fts, rowid, ${list}) values ('delete', old.article_id, ${values('old')});`;
  await sql.raw(`create trigger article_search_inserted after insert on article_search begin ${add} end`).execute(db);
  await sql.raw(`create trigger article_search_deleted after delete on article_search begin ${remove} end`).execute(db);
  await sql.raw(`create trigger article_search_updated after update on article_search begin ${remove} ${add} end`).execute(db);
  for (const { entity, join, key } of namedEntities) {
    const names = (except: string) => `(select coalesce(group_concat(e.name, ' '), '') from ${join} j
      join ${entity} e on e.id = j.${key} where j.article_id = article_search.article_id ${except})`;
    const affected = (row: string) => `article_id in (select article_id from ${join} where ${key} = ${row}.id)`;
    await sql
      .raw(`create trigger article_search_${entity}_renamed after update of name on ${entity} begin
      update article_search set ${entity} = ${names('')} where ${affected('new')}; end`)
      .execute(db);
    // Before the delete, while the article rows still point at it.
    await sql
      .raw(`create trigger article_search_${entity}_deleted before delete on ${entity} begin
      update article_search set ${entity} = ${names('and e.id <> old.id')} where ${affected('old')}; end`)
      .execute(db);
  }
}

/**
 * Strips diacritics from Latin letters ("Tomás" → "Tomas") as SQLite's remove_diacritics does, for
 * the document and for queries alike. Text without such letters is returned as it is, since
 * normalising a whole body costs more than indexing it. Needs a UTF8 database.
 */
async function createPostgresFunctions(db: Kysely<any>): Promise<void> {
  await sql
    .raw(String.raw`create function search_fold(text) returns text language sql immutable strict parallel safe as $$
    select case when $1 ~ '[\u00c0-\u024f\u1e00-\u1eff]'
      then normalize(regexp_replace(normalize($1, NFD), '[\u0300-\u036f]', '', 'g'), NFC)
      else $1 end
  $$`)
    .execute(db);
}

async function createPostgresIndex(db: Kysely<any>): Promise<void> {
  await sql`create index article_search_document_idx on article_search using gin (document)`.execute(db);
  // Bodies and documents live out of line, so the rows a search visits are a few dozen bytes each.
  await sql`alter table article_search set (toast_tuple_target = 128)`.execute(db);
  for (const { entity, join, key } of namedEntities) {
    await sql
      .raw(`create function article_search_${entity}_changed() returns trigger language plpgsql as $$ begin
      update article_search s set ${entity} = coalesce((select string_agg(e.name, ' ') from ${join} j
        join ${entity} e on e.id = j.${key}
        where j.article_id = s.article_id and (tg_op <> 'DELETE' or e.id <> old.id)), '')
      where s.article_id in (select article_id from ${join} where ${key} = old.id);
      return old;
    end $$`)
      .execute(db);
    // After a rename, so the new name is read; before a delete, while the article rows still point at it.
    await sql
      .raw(`create trigger article_search_${entity}_renamed after update of name on ${entity}
      for each row execute function article_search_${entity}_changed()`)
      .execute(db);
    await sql
      .raw(`create trigger article_search_${entity}_deleted before delete on ${entity}
      for each row execute function article_search_${entity}_changed()`)
      .execute(db);
  }
}

/** Plain text of stored (already sanitised) HTML, as it was when this migration was written. */
function textOf(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] !== '#') return entities[name.toLowerCase()] ?? entity;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    })
    .replace(/[\uE000\uE001]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

async function namesByArticle(db: Kysely<any>, ids: readonly number[], { entity, join, key }: (typeof namedEntities)[number]) {
  const rows = await db
    .selectFrom(`${join} as j`)
    .innerJoin(`${entity} as e`, 'e.id', `j.${key}`)
    .select(['j.article_id', 'e.name'])
    .where('j.article_id', 'in', ids)
    .orderBy('j.position')
    .execute();
  const byArticle = new Map<number, string[]>();
  for (const row of rows) byArticle.set(row.article_id, [...(byArticle.get(row.article_id) ?? []), row.name]);
  return (id: number) => (byArticle.get(id) ?? []).join(' ');
}

/** Indexes the articles that exist already, in batches so a large newsroom is not held in memory. */
async function backfill(db: Kysely<any>): Promise<void> {
  for (let afterId = 0; ; ) {
    const articles = await db
      .selectFrom('articles')
      .select(['id', 'headline', 'standfirst', 'body_html'])
      .where('status', '<>', 'draft')
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(500)
      .execute();
    if (articles.length === 0) return;
    const ids = articles.map((article) => article.id);
    const [tags, authors] = await Promise.all(namedEntities.map((named) => namesByArticle(db, ids, named)));
    await db
      .insertInto('article_search')
      .values(
        articles.map((article) => ({
          article_id: article.id,
          headline: article.headline,
          standfirst: article.standfirst,
          body: textOf(article.body_html),
          tags: tags!(article.id),
          authors: authors!(article.id),
        })),
      )
      .execute();
    afterId = ids.at(-1)!;
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await createPostgresFunctions(db);
  await createDocumentTable(db);
  // Every match is checked against articles for what is published; this index answers that without
  // reading the (large) article rows.
  await db.schema.createIndex('articles_search_visibility_idx').on('articles').columns(['id', 'status', 'published_at', 'section_id']).execute();
  await (isPostgres(db) ? createPostgresIndex(db) : createSqliteIndex(db));
  await backfill(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { entity } of namedEntities) {
    for (const event of ['renamed', 'deleted']) {
      await sql.raw(`drop trigger article_search_${entity}_${event}${isPostgres(db) ? ` on ${entity}` : ''}`).execute(db);
    }
    if (isPostgres(db)) await sql.raw(`drop function article_search_${entity}_changed()`).execute(db);
  }
  if (!isPostgres(db)) await sql`drop table article_search_fts`.execute(db);
  await db.schema.dropIndex('articles_search_visibility_idx').execute();
  await db.schema.dropTable('article_search').execute();
  if (isPostgres(db)) await sql`drop function search_fold(text)`.execute(db);
}
