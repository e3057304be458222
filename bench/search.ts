import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { rebuildSearchDocuments } from '../src/articles/index.ts';
import { connectDatabase, type DatabaseHandle, type DialectName } from '../src/db/connect.ts';
import type { Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { demoArticles } from '../src/demo/demo-content.ts';
import { englishStopWords, wordsOf } from '../src/platform/words.ts';
import { parseSearchQuery, searchIndexFor } from '../src/search/index.ts';
import { type Kysely, sql } from 'kysely';
import { seededRandom } from './seeded-random.ts';

/**
 * Search latency over 50,000 generated articles, on SQLite and (when GAZETTE_TEST_PG_URL or
 * DATABASE_URL is set) on PostgreSQL in a schema of its own that is dropped afterwards.
 * Each measured query is what the search page asks the index: the count, then the first page of
 * ranked results with highlighted snippets, falling back to "any word" when nothing has them all.
 * Wall-clock times on a shared machine include other processes' load; for SQLite, which works in
 * this process, its CPU time per query is printed too, and does not.
 */

const articleCount = 50_000;
const queryCount = 2_000;
const warmUpQueries = 200;
const batchSize = 1_000;
const now = new Date('2026-11-27T12:00:00Z');

// Seeded, so every run searches the same articles with the same queries.
const random = seededRandom(2026);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** The demo newsroom's own words first (real English, by frequency), then a long tail of made-up ones. */
function buildVocabulary(): string[] {
  const counts = new Map<string, number>();
  for (const article of demoArticles) {
    for (const word of wordsOf(`${article.headline} ${article.standfirst} ${article.bodyHtml.replace(/<[^>]+>/g, ' ')}`)) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const real = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word);
  const syllables = [
    'ka',
    'to',
    'ri',
    'mel',
    'an',
    'sor',
    'ven',
    'lu',
    'dra',
    'bel',
    'kin',
    'port',
    'har',
    'sta',
    'mor',
    'pla',
    'ne',
    'ti',
    'gar',
    'lo',
    'min',
    'cur',
  ];
  const made = new Set<string>();
  while (made.size < 30_000) made.add(Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join(''));
  return [...new Set([...real, ...made])];
}

const vocabulary = buildVocabulary();
/** Zipf's law: the n-th most common word turns up about 1/n as often as the first. */
const cumulative = vocabulary
  .map((_, rank) => 1 / (rank + 1))
  .map(
    (
      (sum) => (weight: number) =>
        (sum += weight)
    )(0),
  );
const total = cumulative.at(-1)!;
function zipfWord(): string {
  const target = random() * total;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return vocabulary[low]!;
}
const sentence = (words: number) => Array.from({ length: words }, zipfWord).join(' ');
const paragraphs = (count: number) => Array.from({ length: count }, () => `<p>${sentence(40 + Math.floor(random() * 60))}.</p>`).join('');
const capitalised = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/** Fast bulk inserts: sections, tags, authors, then articles with their tags and bylines, in batches. */
async function loadArticles(db: Kysely<Database>): Promise<void> {
  const sectionIds: number[] = [];
  for (const [position, name] of ['World', 'Politics', 'Science', 'Culture', 'Business', 'Sport'].entries()) {
    sectionIds.push(
      (await db.insertInto('sections').values({ slug: name.toLowerCase(), name, description: '', position }).returning('id').executeTakeFirstOrThrow()).id,
    );
  }
  const tagNames = [...new Set(Array.from({ length: 400 }, () => capitalised(vocabulary[100 + Math.floor(random() * 5000)]!)))];
  const tags = await db
    .insertInto('tags')
    .values(tagNames.map((name, i) => ({ slug: `tag-${i}`, name, description: '' })))
    .returning('id')
    .execute();
  const authors = await db
    .insertInto('authors')
    .values(
      Array.from({ length: 60 }, (_, i) => ({
        slug: `author-${i}`,
        name: `${capitalised(pick(vocabulary.slice(2000, 8000)))} ${capitalised(pick(vocabulary.slice(8000)))}`,
        job_title: '',
        bio: '',
      })),
    )
    .returning('id')
    .execute();
  for (let first = 0; first < articleCount; first += batchSize) {
    await db.transaction().execute(async (trx) => {
      const rows = Array.from({ length: Math.min(batchSize, articleCount - first) }, (_, i) => {
        const n = first + i;
        const publishedAt = new Date(now.getTime() - (articleCount - n) * 45 * 60_000).toISOString();
        const status = n % 20 === 0 ? 'draft' : n % 20 === 1 ? 'scheduled' : 'published';
        return {
          slug: `article-${n}`,
          section_id: pick(sectionIds),
          status,
          headline: capitalised(sentence(6 + Math.floor(random() * 8))),
          standfirst: `${capitalised(sentence(20 + Math.floor(random() * 15)))}.`,
          dateline: '',
          body_html: paragraphs(3 + Math.floor(random() * 4)),
          featured_media_id: null,
          seo_title: null,
          seo_description: null,
          created_by: null,
          review_requested_at: null,
          created_at: publishedAt,
          updated_at: publishedAt,
          published_at: status === 'draft' ? null : publishedAt,
        } as const;
      });
      const ids = (await trx.insertInto('articles').values(rows).returning('id').execute()).map((row) => row.id);
      const pairs = <T>(make: (id: number) => T[]) => ids.flatMap(make);
      await trx
        .insertInto('article_tags')
        .values(
          pairs((id) =>
            [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(tags).id))].map((tag_id, position) => ({
              article_id: id,
              tag_id,
              position,
            })),
          ),
        )
        .execute();
      await trx
        .insertInto('article_authors')
        .values(pairs((id) => [{ article_id: id, author_id: pick(authors).id, position: 0 }]))
        .execute();
    });
  }
}

/** Readers search for topics: words from the middle of the vocabulary, 1 to 4 at a time. */
function buildQueries(): string[] {
  const searchable = vocabulary.slice(20, 4000).filter((word) => !englishStopWords.has(word) && word.length > 2);
  return Array.from({ length: warmUpQueries + queryCount }, () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(searchable)).join(' '));
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Wall-clock latencies, and this process's CPU time per query (all of SQLite's work, none of PostgreSQL's). */
async function measure(db: Kysely<Database>, dialect: DialectName, queries: readonly string[]): Promise<{ wall: number[]; cpu: number[] }> {
  const index = searchIndexFor(dialect);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const [position, text] of queries.entries()) {
    const { terms } = parseSearchQuery(text);
    const started = performance.now();
    const startedCpu = cpuMs();
    for (const match of ['all', 'any'] as const) {
      if ((await index.search(db, { terms, match, now }, { limit: 10, offset: 0 })).total > 0) break;
    }
    if (position < warmUpQueries) continue;
    wall.push(performance.now() - started);
    cpu.push(cpuMs() - startedCpu);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function run(dialect: DialectName, handle: DatabaseHandle, queries: readonly string[]): Promise<void> {
  const started = performance.now();
  await migrateToLatest(handle.db);
  await loadArticles(handle.db);
  const loaded = performance.now();
  const indexed = await rebuildSearchDocuments(handle.db);
  // As the database's own maintenance would after a bulk load: planner statistics, visibility map.
  await sql.raw(dialect === 'postgres' ? 'vacuum analyze' : 'analyze').execute(handle.db);
  const built = performance.now();
  const { wall, cpu } = await measure(handle.db, dialect, queries);
  const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(
    `${dialect.padEnd(8)}  load ${seconds(started, loaded)} s, index ${indexed.toLocaleString('en')} articles ${seconds(loaded, built)} s  ` +
      `median ${ms(percentile(wall, 50))}  p99 ${ms(percentile(wall, 99))}  max ${ms(wall.at(-1)!)}` +
      (dialect === 'sqlite' ? `  (CPU time: median ${ms(percentile(cpu, 50))}, p99 ${ms(percentile(cpu, 99))})` : ''),
  );
}

async function runPostgres(url: string, queries: readonly string[]): Promise<void> {
  const schema = `gazette_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const handle = connectDatabase({ databaseUrl: scoped.href, poolSize: 2 });
  try {
    await run('postgres', handle, queries);
  } finally {
    await handle.destroy();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  const queries = buildQueries();
  console.log(
    `node ${process.version}, ${cpus().length} CPUs; ${articleCount.toLocaleString('en')} articles (5% drafts, 5% scheduled), vocabulary of ${vocabulary.length.toLocaleString('en')} words`,
  );
  console.log(
    `${queryCount.toLocaleString('en')} queries of 1–4 words after ${warmUpQueries} to warm up; each = count + first 10 ranked results with snippets, then "any word" if none has all\n`,
  );
  const directory = mkdtempSync(join(tmpdir(), 'gazette-search-bench-'));
  const sqlite = connectDatabase({ sqliteFile: join(directory, 'bench.sqlite') });
  try {
    await run('sqlite', sqlite, queries);
  } finally {
    await sqlite.destroy();
    rmSync(directory, { recursive: true, force: true });
  }
  const postgresUrl = process.env.GAZETTE_TEST_PG_URL || process.env.DATABASE_URL;
  if (postgresUrl) await runPostgres(postgresUrl, queries);
  else console.log('postgres  skipped: set GAZETTE_TEST_PG_URL or DATABASE_URL to a PostgreSQL database to include it');
}

await main();
