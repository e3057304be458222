import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports only kysely, never the app's table types or its search code.
//
// Search per language. Articles now carry a language (null: the site's). Korean, Chinese and
// Japanese words are found inside longer forms (소방당국 in 소방당국은), and Arabic words under
// their prefixes (ميناء in الميناء), whatever language the article is marked as:
//
// - SQLite: a second FTS5 table, tokenised into trigrams, holds the rows whose text has any of those
//   scripts. Its columns are indexed with two spaces after them so that every character starts a
//   trigram: a word of one or two characters is then found as the start of one. It is contentless
//   (the app reads the text from article_search) and kept by triggers, like the first one.
// - PostgreSQL: each row's text-search configuration follows the article's language (or the site's),
//   `simple` where PostgreSQL has no stemmer for it; the document adds every pair of neighbouring
//   Chinese, Japanese or Korean characters, and Arabic text stemmed by the `arabic` configuration.
//
// The script ranges here are those of src/search/search-scripts.ts; its test checks they agree.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

const columns = ['headline', 'standfirst', 'body', 'tags', 'authors'] as const;

const cjkRanges: readonly [number, number][] = [
  [0x1100, 0x11ff],
  [0x3005, 0x3007],
  [0x3040, 0x309f],
  [0x30a0, 0x30ff],
  [0x3130, 0x318f],
  [0x31f0, 0x31ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa960, 0xa97f],
  [0xac00, 0xd7ff],
  [0xf900, 0xfaff],
  [0x20000, 0x3134f],
];
const arabicRanges: readonly [number, number][] = [
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x08a0, 0x08ff],
];

/**
 * The rows the trigram table holds: those with a character in these ranges, a superset of the two
 * lists above in fewer ranges, since GLOB reads the whole class again at every character. Text all
 * in ASCII is passed over without that scan.
 */
const trigramIndexedRanges: readonly [number, number][] = [
  [0x0600, 0x08ff],
  [0x1100, 0x11ff],
  [0x3005, 0x9fff],
  [0xa960, 0xd7ff],
  [0xf900, 0xfaff],
  [0x20000, 0x3134f],
];

/** The inside of a [...] class, the characters themselves: GLOB has no escapes, and PostgreSQL's regex takes them as they are. */
function characterClass(ranges: readonly [number, number][]): string {
  return ranges.map(([first, last]) => `${String.fromCodePoint(first)}-${String.fromCodePoint(last)}`).join('');
}

// ---- SQLite -------------------------------------------------------------------------------------

const trigramColumns = columns.join(', ');
/** Two spaces after each column, so that its last character too starts a trigram. */
const padded = (row: 'new' | 'article_search') => columns.map((column) => `${row}.${column} || '  '`).join(', ');
const hasSubstringScripts = (row: 'new' | 'article_search') => {
  const text = `(${columns.map((column) => `${row}.${column}`).join(` || ' ' || `)})`;
  return `length(cast(${text} as blob)) <> length(${text}) and ${text} glob '*[${characterClass(trigramIndexedRanges)}]*'`;
};

async function createSqliteTrigramIndex(db: Kysely<any>): Promise<void> {
  await sql`create virtual table article_search_fts_trigram using fts5(
    headline, standfirst, body, tags, authors,
    content = '', contentless_delete = 1,
    tokenize = 'trigram remove_diacritics 1'
  )`.execute(db);
  // Lists the trigrams, so a one- or two-character word can be looked up as the start of some.
  await sql`create virtual table article_search_fts_trigram_terms using fts5vocab(article_search_fts_trigram, 'row')`.execute(db);
  const add = `insert into article_search_fts_trigram(rowid, ${trigramColumns}) select new.article_id, ${padded('new')} where ${hasSubstringScripts('new')};`;
  const remove = 'delete from article_search_fts_trigram where rowid = old.article_id;';
  await sql.raw(`create trigger article_search_trigram_inserted after insert on article_search begin ${add} end`).execute(db);
  await sql.raw(`create trigger article_search_trigram_deleted after delete on article_search begin ${remove} end`).execute(db);
  await sql.raw(`create trigger article_search_trigram_updated after update on article_search begin ${remove} ${add} end`).execute(db);
  await sql
    .raw(
      `insert into article_search_fts_trigram(rowid, ${trigramColumns})
      select article_search.article_id, ${padded('article_search')} from article_search where ${hasSubstringScripts('article_search')}`,
    )
    .execute(db);
}

async function dropSqliteTrigramIndex(db: Kysely<any>): Promise<void> {
  for (const event of ['inserted', 'deleted', 'updated']) await sql.raw(`drop trigger article_search_trigram_${event}`).execute(db);
  await sql`drop table article_search_fts_trigram_terms`.execute(db);
  await sql`drop table article_search_fts_trigram`.execute(db);
}

// ---- PostgreSQL ---------------------------------------------------------------------------------

/** Language subtags (ISO 639-1) and PostgreSQL's built-in configurations for them, where one exists. */
const configurationsByLanguage: Readonly<Record<string, string>> = {
  ar: 'arabic',
  ca: 'catalan',
  da: 'danish',
  de: 'german',
  el: 'greek',
  en: 'english',
  es: 'spanish',
  eu: 'basque',
  fi: 'finnish',
  fr: 'french',
  ga: 'irish',
  hi: 'hindi',
  hu: 'hungarian',
  hy: 'armenian',
  id: 'indonesian',
  it: 'italian',
  lt: 'lithuanian',
  nb: 'norwegian',
  ne: 'nepali',
  nl: 'dutch',
  nn: 'norwegian',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sr: 'serbian',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
  yi: 'yiddish',
};

/**
 * `search_config('fr-CA')` → french: built from the configurations this server has, `simple` for the
 * rest. Immutable, so the document can be a generated column; a configuration a later server adds is
 * used once a migration names it. Returns whether the server has `arabic`.
 */
async function createConfigFunction(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ cfgname: string }>`select cfgname from pg_ts_config where cfgnamespace = 'pg_catalog'::regnamespace`.execute(db);
  const available = new Set(rows.map((row) => row.cfgname));
  const cases = Object.entries(configurationsByLanguage)
    .filter(([, configuration]) => available.has(configuration))
    .map(([language, configuration]) => `when '${language}' then '${configuration}'::regconfig`)
    .join(' ');
  await sql
    .raw(`create function search_config(tag text) returns regconfig language sql immutable parallel safe as $$
    select case lower(split_part(coalesce(tag, ''), '-', 1)) ${cases} else 'simple'::regconfig end
  $$`)
    .execute(db);
  return available.has('arabic');
}

/**
 * What the document adds for the scripts a word index misses: every pair of neighbouring Chinese,
 * Japanese or Korean characters of each run, then the run's last character on its own (a word of two
 * or more is found as a phrase of pairs, one of a single character as a prefix); and Arabic text
 * stemmed by `arabic` when the article's own configuration is another. Only built-in functions in
 * its body, so that a restore (which empties search_path) can compute the generated column.
 */
async function createScriptVectorFunction(db: Kysely<any>, hasArabicConfiguration: boolean): Promise<void> {
  const cjk = characterClass(cjkRanges);
  const arabic = hasArabicConfiguration ? 'arabic' : 'simple';
  await sql
    .raw(`create function search_script_vector(configuration regconfig, content text) returns tsvector
    language sql immutable strict parallel safe as $$
    select case when content ~ '[${cjk}]' then to_tsvector('simple'::regconfig, (
        select string_agg(substr(m.run[1], i, 2), ' ' order by m.n, i)
        from regexp_matches(content, '[${cjk}]+', 'g') with ordinality as m(run, n), generate_series(1, char_length(m.run[1])) as i
      )) else ''::tsvector end
      || case when configuration <> '${arabic}'::regconfig and content ~ '[${characterClass(arabicRanges)}]'
        then to_tsvector('${arabic}'::regconfig, content) else ''::tsvector end
  $$`)
    .execute(db);
}

async function createPostgresFunctions(db: Kysely<any>): Promise<void> {
  await createScriptVectorFunction(db, await createConfigFunction(db));
  // The site's language as the settings store it: a JSON string; anything else is ignored, as the app ignores it.
  await sql
    .raw(`create function search_site_language() returns text language sql stable parallel safe as $$
    select case when value ~ '^"[A-Za-z0-9-]{1,64}"$' then btrim(value, '"') end from settings where key = 'language'
  $$`)
    .execute(db);
}

const documentVector = (config: string) => {
  const weighted = (text: string, weight: string) =>
    `setweight(to_tsvector(${config}, search_fold(${text})) || search_script_vector(${config}, ${text}), '${weight}')`;
  return [weighted('headline', 'A'), weighted(`tags || ' ' || authors`, 'B'), weighted('standfirst', 'C'), weighted('body', 'D')].join(' || ');
};

/** The 2026-11-27 document, English only, for `down`. */
const englishDocument = (() => {
  const vector = (text: string, weight: string) => `setweight(to_tsvector('english'::regconfig, search_fold(${text})), '${weight}')`;
  return [vector('headline', 'A'), vector(`tags || ' ' || authors`, 'B'), vector('standfirst', 'C'), vector('body', 'D')].join(' || ');
})();

async function addDocument(db: Kysely<any>, expression: string): Promise<void> {
  await db.schema
    .alterTable('article_search')
    .addColumn('document', sql`tsvector`, (c) => c.generatedAlwaysAs(sql.raw(expression)).stored())
    .execute();
  await sql`create index article_search_document_idx on article_search using gin (document)`.execute(db);
}

async function createPostgresIndex(db: Kysely<any>): Promise<void> {
  await createPostgresFunctions(db);
  // Dropped first, so that filling in the configurations below does not compute it once more.
  await db.schema.alterTable('article_search').dropColumn('document').execute();
  await db.schema.alterTable('article_search').addColumn('config', sql`regconfig`).execute();
  // The configuration is the database's to choose, on every write: the article's language, else the site's.
  await sql`create function article_search_config() returns trigger language plpgsql as $$ begin
    new.config := search_config(coalesce((select nullif(a.language, '') from articles a where a.id = new.article_id), search_site_language(), 'en'));
    return new;
  end $$`.execute(db);
  await sql`create trigger article_search_config before insert or update on article_search
    for each row execute function article_search_config()`.execute(db);
  await sql`update article_search set config = null`.execute(db);
  await db.schema
    .alterTable('article_search')
    .alterColumn('config', (c) => c.setNotNull())
    .execute();
  await addDocument(db, documentVector('config'));
  // Searches list the configurations in use, skipping from one to the next through this index.
  await sql`create index article_search_config_idx on article_search (config)`.execute(db);
  // A new site language re-indexes the articles written in it, in the same transaction as the change.
  await sql`create function article_search_site_language_changed() returns trigger language plpgsql as $$ begin
    update article_search s set config = null from articles a
    where a.id = s.article_id and coalesce(a.language, '') = '' and s.config <> search_config(coalesce(search_site_language(), 'en'));
    return null;
  end $$`.execute(db);
  await sql`create trigger article_search_site_language_set after insert or update on settings
    for each row when (new.key = 'language') execute function article_search_site_language_changed()`.execute(db);
  await sql`create trigger article_search_site_language_removed after delete on settings
    for each row when (old.key = 'language') execute function article_search_site_language_changed()`.execute(db);
}

async function dropPostgresIndex(db: Kysely<any>): Promise<void> {
  await sql`drop trigger article_search_site_language_set on settings`.execute(db);
  await sql`drop trigger article_search_site_language_removed on settings`.execute(db);
  await sql`drop function article_search_site_language_changed()`.execute(db);
  await sql`drop trigger article_search_config on article_search`.execute(db);
  await sql`drop function article_search_config()`.execute(db);
  await db.schema.alterTable('article_search').dropColumn('document').execute();
  await db.schema.alterTable('article_search').dropColumn('config').execute();
  await addDocument(db, englishDocument);
  for (const signature of ['search_site_language()', 'search_script_vector(regconfig, text)', 'search_config(text)']) {
    await sql.raw(`drop function ${signature}`).execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await (isPostgres(db) ? createPostgresIndex(db) : createSqliteTrigramIndex(db));
}

export async function down(db: Kysely<any>): Promise<void> {
  await (isPostgres(db) ? dropPostgresIndex(db) : dropSqliteTrigramIndex(db));
}
