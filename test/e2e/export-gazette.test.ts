import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exportGazette, importGazette, silentProgress } from '../../src/imports/index.ts';
import { gazetteTables } from '../../src/imports/gazette/gazette-tables.ts';
import { insertTestUser } from '../helpers/databases.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

const postgres = Boolean(process.env.GAZETTE_TEST_PG_URL);

function depsOf(gazette: TestGazette) {
  return { db: gazette.database.db, clock: { now: () => testNow }, changes: gazette.changes, files: gazette.mediaFiles };
}

/** Where two pages part, with a little context, so a failure says what differs. */
function assertSamePage(imported: string, original: string, url: string): void {
  // The comment form's anti-spam stamp is signed with the site secret, which never leaves a database:
  // the new one signs with its own. The signature is the one thing allowed to differ.
  const unsigned = (html: string) => html.replace(/(name="stamp" value="[\d.]+\.)[\w-]+"/g, '$1…"');
  const actual = unsigned(imported);
  const expected = unsigned(original);
  if (actual === expected) return;
  let at = 0;
  while (actual[at] === expected[at]) at++;
  assert.fail(`${url} differs at ${at}:\n  imported: …${actual.slice(at - 80, at + 120)}\n  original: …${expected.slice(at - 80, at + 120)}`);
}

async function body(gazette: TestGazette, url: string): Promise<string> {
  const response = await gazette.app.inject({ url });
  assert.equal(response.statusCode, 200, `${url} answered ${response.statusCode}`);
  return response.body;
}

/** Adds what the demo lacks: a member of staff with a byline, comments in every state, a redirect. */
async function addCommentsAndStaff(gazette: TestGazette): Promise<string> {
  const db = gazette.database.db;
  const article = await db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .select(['articles.id', 'articles.slug', 'sections.slug as section'])
    .where('status', '=', 'published')
    .orderBy('articles.id')
    .executeTakeFirstOrThrow();
  const editor = await insertTestUser(db, { email: 'editor@news.example', name: 'Mina Editor', role: 'editor' }, testNow);
  await db.updateTable('authors').set({ user_id: editor }).where('slug', '=', 'amara-okafor').execute();
  const at = testNow.toISOString();
  const comment = {
    article_id: article.id,
    parent_id: null,
    author_email: 'reader@example.org',
    body: '',
    created_at: at,
    updated_at: at,
    staff_user_id: null,
  };
  const { id: first } = await db
    .insertInto('comments')
    .values({ ...comment, status: 'approved', author_name: 'Ada Reader', body: 'The night shift matters more than the cranes.', spam_score: 0.125 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('comments')
    .values([
      { ...comment, parent_id: first, status: 'approved', author_name: 'Mina Editor', staff_user_id: editor, body: 'Thank you, we followed up.' },
      { ...comment, status: 'pending', author_name: 'Waiting Reader', body: 'Still in the queue.' },
      { ...comment, status: 'spam', author_name: 'Cheap Pills', body: 'Buy now', moderated_at: at, moderated_by: editor },
    ])
    .execute();
  await db.insertInto('redirects').values({ path: '/old-story', target_kind: 'article', target_id: article.id, created_at: at }).execute();
  return `/${encodeURIComponent(article.section)}/${encodeURIComponent(article.slug)}`;
}

test('every table of the schema is listed as exported or left out, and nothing else is', async () => {
  const gazette = await buildTestApp({ seed: false });
  try {
    const tables = await gazette.database.db.introspection.getTables();
    // SQLite's FTS5 keeps its index in shadow tables of its own; they are made from article_search.
    const ours = tables.filter((table) => !table.name.startsWith('article_search_fts') && !table.name.startsWith('kysely_'));
    assert.deepEqual(ours.map((table) => table.name).sort(), Object.keys(gazetteTables).sort());
    for (const table of ours) {
      const listed = gazetteTables[table.name as keyof typeof gazetteTables];
      if ('excluded' in listed) continue;
      assert.deepEqual(table.columns.map((column) => column.name).sort(), Object.keys(listed.columns).sort(), `the columns of ${table.name}`);
    }
  } finally {
    await gazette.close();
  }
});

describe(`the demo newsroom, exported from SQLite and imported into an empty ${postgres ? 'PostgreSQL' : 'SQLite'} database`, () => {
  let source: TestGazette;
  let target: TestGazette;
  let dir: string;
  let articlePath: string;
  before(async () => {
    source = await buildTestApp();
    articlePath = await addCommentsAndStaff(source);
    dir = join(await mkdtemp(join(tmpdir(), 'gazette-export-')), 'export');
    await exportGazette(depsOf(source), dir, silentProgress);
    // Without GAZETTE_TEST_PG_URL the same round trip runs SQLite to SQLite.
    target = await buildTestApp({ dialect: postgres ? 'postgres' : 'sqlite', seed: false });
    await importGazette(depsOf(target), dir, { progress: silentProgress, dialect: target.database.dialect });
    await target.settings.reload();
  });
  after(async () => {
    await source?.close();
    await target?.close();
    if (dir) await rm(join(dir, '..'), { recursive: true, force: true });
  });

  test('the manifest counts every table, lists the originals and names what was left out', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    assert.equal(manifest.format, 'gazette-export');
    assert.equal(manifest.formatVersion, 1);
    assert.equal(manifest.tables.articles.rows, 14);
    assert.equal(manifest.tables.comments.rows, 4);
    assert.equal(manifest.media.length, 14);
    assert.ok('site_secrets' in manifest.excludedTables && 'sessions' in manifest.excludedTables);
    const users = await readFile(join(dir, 'users.jsonl'), 'utf8');
    assert.doesNotMatch(users, /password|totp/);
  });

  test('the site reads the same: pages, comments, feeds and sitemaps give the same HTML', async () => {
    const home = await body(source, '/');
    const section = articlePath.split('/')[1];
    const tag = /href="(\/tag\/[^"]+)"/.exec(await body(source, articlePath))?.[1];
    const author = /href="(\/author\/[^"]+)"/.exec(await body(source, articlePath))?.[1];
    assert.ok(tag && author, 'the article links to a tag and an author');
    for (const url of ['/', articlePath, `/${section}`, tag, author, '/feed.xml', '/sitemap.xml', '/sitemaps/news.xml']) {
      assertSamePage(await body(target, url), await body(source, url), url);
    }
    // Each database cuts its own excerpts (FTS5's snippet, PostgreSQL's ts_headline): the articles found are what must match.
    const found = async (gazette: TestGazette) =>
      [...(await body(gazette, '/search?q=harbour+cranes&match=any')).matchAll(/<h3[^>]*><a href="([^"]+)"/g)].map((m) => m[1]);
    const sourceFound = await found(source);
    assert.ok(sourceFound.length > 0, 'search finds the demo articles');
    assert.deepEqual((await found(target)).sort(), sourceFound.sort());
    assert.match(await body(target, articlePath), /The night shift matters more than the cranes\./);
    assert.doesNotMatch(await body(target, articlePath), /Still in the queue|Buy now/);
    const image = /src="(\/media\/[^"]+)"/.exec(home)?.[1];
    assert.ok(image, 'the home page shows a photo');
    const served = await target.app.inject({ url: image });
    assert.equal(served.statusCode, 200);
    assert.equal((await target.app.inject({ url: '/old-story' })).headers.location, articlePath);
  });

  test('comments keep their state, and new rows get new ids', async () => {
    const statuses = await target.database.db.selectFrom('comments').select(['id', 'status', 'spam_score']).orderBy('id').execute();
    assert.deepEqual(
      statuses.map((row) => row.status),
      ['approved', 'approved', 'pending', 'spam'],
    );
    assert.equal(statuses[0]?.spam_score, 0.125);
    const { id } = await target.database.db
      .insertInto('tags')
      .values({ slug: 'after-the-move', name: 'After the move', description: '' })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.equal(id, 12);
  });

  test('a byline stays linked to its staff account', async () => {
    const linked = await target.database.db
      .selectFrom('authors')
      .innerJoin('users', 'users.id', 'authors.user_id')
      .select(['authors.slug', 'users.email'])
      .execute();
    assert.deepEqual(linked, [{ slug: 'amara-okafor', email: 'editor@news.example' }]);
  });

  test('a database that is not empty is refused', async () => {
    await assert.rejects(
      importGazette(depsOf(target), dir, { progress: silentProgress, dialect: target.database.dialect }),
      /already holds users .* empty database/,
    );
  });
});

describe('a tampered export is refused before anything is written', () => {
  let source: TestGazette;
  let dir: string;
  before(async () => {
    source = await buildTestApp();
    dir = join(await mkdtemp(join(tmpdir(), 'gazette-export-')), 'export');
    await exportGazette(depsOf(source), dir, silentProgress);
  });
  after(async () => {
    await source?.close();
    if (dir) await rm(join(dir, '..'), { recursive: true, force: true });
  });

  async function refused(tamper: (text: string) => string, file: string, message: RegExp): Promise<void> {
    const path = join(dir, file);
    const original = await readFile(path, 'utf8');
    await writeFile(path, tamper(original));
    const target = await buildTestApp({ seed: false });
    try {
      await assert.rejects(importGazette(depsOf(target), dir, { progress: silentProgress, dialect: target.database.dialect }), message);
      const { n } = await target.database.db
        .selectFrom('media')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(n), 0, 'nothing was written');
    } finally {
      await target.close();
      await writeFile(path, original);
    }
  }

  test('a column that may not be empty, missing', () =>
    refused((text) => text.replace(/"slug":"[^"]*",/, ''), 'tags.jsonl', /tags\.jsonl line 1: the column slug is missing/));
  test('a column that may be empty, missing as in an export made before it existed, imports as empty', async () => {
    const path = join(dir, 'authors.jsonl');
    const original = await readFile(path, 'utf8');
    await writeFile(path, original.replace(/,?"user_id":(null|\d+)/g, ''));
    const target = await buildTestApp({ seed: false });
    try {
      await importGazette(depsOf(target), dir, { progress: silentProgress, dialect: target.database.dialect });
      const authors = await target.database.db.selectFrom('authors').select(['slug', 'user_id']).execute();
      assert.ok(authors.length > 0);
      assert.ok(authors.every((author) => author.user_id === null));
    } finally {
      await target.close();
      await writeFile(path, original);
    }
  });
  test('an unknown column', () =>
    refused((text) => text.replace('{"id":1,', '{"id":1,"is_admin":1,'), 'tags.jsonl', /tags\.jsonl line 1: unknown column "is_admin"/));
  test('a value of the wrong type', () =>
    refused((text) => text.replace(/"width":\d+/, '"width":"wide"'), 'media.jsonl', /media\.jsonl line 1, column width: expected a whole number/));
  test('a date that is not a date', () =>
    refused((text) => text.replace(/"created_at":"[^"]+"/, '"created_at":"yesterday"'), 'articles.jsonl', /expected an ISO 8601 timestamp/));
  test('a media path leaving the folder', () =>
    refused((text) => text.replace(/"media": \[\n\s*"[^"]+"/, '"media": [\n    "../../../etc/passwd"'), 'manifest.json', /not a plain file name/));
  test('an unknown table', () =>
    refused(
      (text) => text.replace('"tables": {', '"tables": {\n    "secrets": { "rows": 0, "file": "secrets.jsonl" },'),
      'manifest.json',
      /unknown table "secrets"/,
    ));
});
