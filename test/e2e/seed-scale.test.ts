import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ArchiveNotEmptyError, type ScaleOptions, type ScaleReport, seedScale } from '../../bench/scale/seed.ts';
import { findArticleById } from '../../src/articles/articles.queries.ts';
import { searchDocumentOf } from '../../src/articles/search-documents.queries.ts';
import { reasonsFrom } from '../../src/comments/moderation.queries.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { connectFromConfig, type DatabaseHandle } from '../../src/db/connect.ts';
import { demoPhotoCacheDir } from '../../src/platform/build-cache.ts';
import { htmlToText, sanitizeStoredHtml } from '../../src/render/sanitize.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

// The benchmark seeder (npm run seed:scale) at a size a test can afford, on SQLite: the archive it
// leaves must be one the app could have written, and the app must serve it.

const options: ScaleOptions = {
  articles: 200,
  comments: 2_000,
  seed: 7,
  until: testNow,
  append: false,
  connections: 1,
  photos: 2,
  tags: 300,
  authors: 40,
  photoCacheDir: demoPhotoCacheDir,
};

let dataDir: string;
let config: Config;
let report: ScaleReport;
let database: DatabaseHandle;
let gazette: TestGazette;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gazette-seed-scale-'));
  config = loadConfig({ NODE_ENV: 'test', GAZETTE_DATA_DIR: dataDir });
  report = await seedScale(config, options);
  database = connectFromConfig(config);
  // The app on the seeded file, with the seeder's photos.
  gazette = await buildTestApp({ database, env: { GAZETTE_DATA_DIR: dataDir } });
});
after(async () => {
  await gazette?.close();
  await database?.destroy();
  await rm(dataDir, { recursive: true, force: true });
});

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

test('the archive has the asked-for size, every article filed and signed as the app requires', async () => {
  const { db } = database;
  const articles = await db.selectFrom('articles').select(['id', 'status', 'body_html']).execute();
  assert.equal(articles.length, 200);
  assert.equal((await db.selectFrom('comments').select('id').execute()).length, 2_000);
  const drafts = articles.filter((article) => article.status === 'draft').length;
  assert.equal((await db.selectFrom('article_search').select('article_id').execute()).length, 200 - drafts, 'every article but the drafts is searchable');

  for (const [table, least, most] of [
    ['article_tags', 1, 6],
    ['article_authors', 1, 2],
  ] as const) {
    const rows = await db.selectFrom(table).select(['article_id', 'position']).execute();
    for (const article of articles) {
      const positions = rows
        .filter((row) => row.article_id === article.id)
        .map((row) => row.position)
        .sort((a, b) => a - b);
      assert.ok(positions.length >= least && positions.length <= most, `article ${article.id} has ${positions.length} rows in ${table}`);
      assert.deepEqual(
        positions,
        positions.map((_, index) => index),
        `${table} positions run from 0`,
      );
    }
  }
  // Every fourth: the allow-list is slow enough to matter here.
  for (const article of articles.filter((_, index) => index % 4 === 0)) {
    assert.equal(String(sanitizeStoredHtml(article.body_html)), article.body_html, 'bodies are stored as the allow-list leaves them');
    const words = htmlToText(article.body_html).split(' ').length;
    assert.ok(words >= 400 && words <= 1_500, `article ${article.id} has ${words} words`);
  }
  for (const { id } of articles.filter((article) => article.status !== 'draft').slice(0, 25)) {
    const { article_id: _, ...stored } = await db.selectFrom('article_search').selectAll().where('article_id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(stored, searchDocumentOf((await findArticleById(db, id))!), `article ${id}'s search row is the app's`);
  }
});

test('sections, tags and authors are skewed: the biggest holds many times the median', async () => {
  const { db } = database;
  for (const [table, key] of [
    ['article_tags', 'tag_id'],
    ['article_authors', 'author_id'],
  ] as const) {
    const counts = new Map<number, number>();
    for (const row of await db.selectFrom(table).select(key).execute()) {
      const id = (row as Record<string, number>)[key]!;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const sizes = [...counts.values()];
    assert.ok(Math.max(...sizes) >= 8 * median(sizes), `${table}: biggest ${Math.max(...sizes)}, median ${median([...sizes])}`);
  }
  const biggest = report.highlights.biggestSection!;
  assert.equal(biggest.pages, Math.ceil(biggest.articles / 12));
  assert.ok(biggest.articles > 200 / 36, 'the biggest section holds more than an even share');
});

test('comments thread at most three deep under visible comments of the same article, and moderation is recorded as the app records it', async () => {
  const { db } = database;
  const comments = await db.selectFrom('comments').select(['id', 'article_id', 'parent_id', 'status', 'created_at', 'trained_as', 'author_email']).execute();
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const depth = (id: number): number => {
    const parent = byId.get(id)!.parent_id;
    return parent === null ? 1 : 1 + depth(parent);
  };
  for (const comment of comments) {
    assert.ok(depth(comment.id) <= 3, `comment ${comment.id} is ${depth(comment.id)} deep`);
    const parent = comment.parent_id === null ? undefined : byId.get(comment.parent_id)!;
    if (!parent) continue;
    assert.equal(parent.article_id, comment.article_id);
    assert.equal(parent.status, 'approved');
    assert.ok(String(parent.created_at) < String(comment.created_at), 'a reply comes after what it answers');
  }
  assert.ok(
    comments.some((comment) => comment.parent_id !== null && depth(comment.id) === 3),
    'some threads reach the deepest level',
  );
  const statuses = new Set(comments.map((comment) => comment.status));
  assert.ok(statuses.has('approved') && statuses.has('spam'), [...statuses].join(', '));
  assert.ok(comments.filter((comment) => comment.status === 'approved').length > 0.8 * comments.length);

  for (const { spam_reasons: stored, status } of await db.selectFrom('comments').select(['spam_reasons', 'status']).execute()) {
    const reasons = JSON.parse(stored) as unknown[];
    assert.equal(reasonsFrom(stored).length, reasons.length, `every stored reason is one the moderation queue can show: ${stored}`);
    if (status === 'spam' || status === 'pending') assert.ok(reasons.length > 0, 'a held comment says why');
  }

  const taught = comments.filter((comment) => comment.trained_as === 'ham');
  const totals = await db.selectFrom('spam_totals').selectAll().executeTakeFirstOrThrow();
  assert.deepEqual([totals.ham_documents, totals.spam_documents], [taught.length, 0], 'each moderator approval taught the filter once');
  const trusted = (await db.selectFrom('commenters').select('email').execute()).map((row) => row.email).sort();
  assert.deepEqual(trusted, [...new Set(taught.map((comment) => comment.author_email))].sort(), 'whoever a moderator approved is trusted');
});

test('the app serves the seeded archive: the most-commented article, collections, search and the sitemap', async () => {
  const { mostCommented, biggestTag, biggestAuthor, biggestSection } = report.highlights;
  const { db } = database;
  const approved = await db.selectFrom('comments').select('id').where('article_id', '=', mostCommented!.id).where('status', '=', 'approved').execute();
  assert.equal(mostCommented!.approvedComments, approved.length);
  assert.ok(approved.length >= 400, `the biggest story has ${approved.length} comments`);
  const page = await gazette.app.inject({ url: mostCommented!.path });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<article/);

  for (const path of ['/', biggestSection!.path, `${biggestTag!.path}?page=${biggestTag!.pages}`, biggestAuthor!.path, '/sitemap.xml', '/feed.xml']) {
    assert.equal((await gazette.app.inject({ url: path })).statusCode, 200, path);
  }

  const article = await db
    .selectFrom('articles')
    .select(['id', 'headline'])
    .where('status', '=', 'published')
    .where('published_at', '<=', testNow.toISOString())
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const found = await findArticleById(db, article.id);
  const search = await gazette.app.inject({ url: `/search?q=${encodeURIComponent(article.headline)}` });
  assert.equal(search.statusCode, 200);
  assert.ok(found && search.body.includes(`/${found.section!.slug}/${found.slug}`), 'searching a headline finds its article');
});

test('a database that has articles is refused unless asked to add to it', async () => {
  await assert.rejects(seedScale(config, options), ArchiveNotEmptyError);
});
