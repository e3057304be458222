import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { deleteArticleForever, trashArticle } from '../../src/articles/index.ts';
import { deleteUnusedAuthor, findAuthorBySlug } from '../../src/authors/index.ts';
import { type ImportReport, importWordPress, silentProgress } from '../../src/imports/index.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

const fixture = fileURLToPath(new URL('../fixtures/imports/wordpress/', import.meta.url));

function runImport(gazette: TestGazette, options: { dryRun?: boolean; uploads?: boolean; file?: string } = {}): Promise<ImportReport> {
  return importWordPress(
    { db: gazette.database.db, clock: { now: () => new Date('2026-12-01T12:00:00Z') }, changes: gazette.changes, files: gazette.mediaFiles },
    {
      open: () => createReadStream(options.file ?? `${fixture}export.xml`),
      progress: silentProgress,
      dryRun: options.dryRun ?? false,
      ...(options.uploads === false ? {} : { uploadsDir: `${fixture}uploads` }),
      categoryBases: ['section', 'category'],
      tagBases: ['topic', 'tag'],
    },
  );
}

async function location(gazette: TestGazette, url: string): Promise<string | undefined> {
  const response = await gazette.app.inject({ url });
  assert.equal(response.statusCode, 301, `${url} answered ${response.statusCode}`);
  return response.headers.location as string;
}

describe('a WordPress export, imported into an empty newsroom', () => {
  let gazette: TestGazette;
  let report: ImportReport;
  before(async () => {
    gazette = await buildTestApp({ seed: false });
    report = await runImport(gazette);
  });
  after(() => gazette.close());

  test('the report counts what came in and says what did not, and why', () => {
    assert.equal(report.total('articles', 'created'), 7);
    assert.equal(report.total('articles', 'skipped'), 1);
    assert.equal(report.total('photos', 'created'), 3);
    assert.equal(report.total('authors', 'created'), 5);
    assert.equal(report.total('comments', 'created'), 9);
    const reasons = report.notes.map((note) => `${note.kind} ${note.sourceId}: ${note.reason}`);
    assert.ok(
      reasons.some((reason) => /^articles 16: in the WordPress trash/.test(reason)),
      reasons.join('\n'),
    );
    assert.ok(reasons.some((reason) => /^articles 8: unknown shortcode \[factbox\]/.test(reason)));
    assert.ok(reasons.some((reason) => /^comments 12: a pingback/.test(reason)));
    assert.ok(reasons.some((reason) => /^articles 15: private on WordPress/.test(reason)));
    assert.deepEqual([...report.unmappedFields.keys()], ['custom field print_page']);
    assert.match(report.toText(), /articles\s+7 created, 1 skipped/);
    assert.equal(report.total('pages', 'created'), 3);
    assert.equal(report.total('pages', 'skipped'), 0);
    assert.ok(!report.notes.some((note) => note.kind === 'page' || note.kind === 'pages'), reasons.join('\n'));
  });

  test('pages come in nested as they were, and their old addresses and ?page_id= answer 301', async () => {
    assert.equal(await location(gazette, '/about/'), '/page/about');
    assert.equal(await location(gazette, '/about/masthead/'), '/page/about/masthead');
    assert.equal(await location(gazette, '/?page_id=19'), '/page/about/masthead');
    assert.equal(await location(gazette, '/?page_id=18'), '/page/about');
    assert.equal(await location(gazette, '/contact'), '/page/contact');
    const about = await gazette.app.inject({ url: '/page/about' });
    assert.equal(about.statusCode, 200);
    assert.match(about.body, /<h1 class="article__headline">About us<\/h1>/);
    assert.match(about.body, /The Gazette is an independent newsroom\./);
    assert.ok(about.body.includes('href="/page/about/masthead"'), 'the parent links to its child');
    const masthead = await gazette.app.inject({ url: '/page/about/masthead' });
    assert.equal(masthead.statusCode, 200);
    assert.match(masthead.body, /<li>Editor: Omar Haddad<\/li>/);
    assert.match(masthead.body, /<nav aria-label="Breadcrumb">.*href="\/page\/about">About us<\/a>/s);
    const rows = await gazette.database.db.selectFrom('pages').select(['path', 'status', 'position']).orderBy('path').execute();
    assert.deepEqual(rows, [
      { path: 'about', status: 'published', position: 1 },
      { path: 'about/masthead', status: 'published', position: 1 },
      { path: 'contact', status: 'published', position: 2 },
    ]);
  });

  test('a block-editor post reads as it did: dateline, photo with caption and credit, table, pull quote, embed, correction', async () => {
    const page = await gazette.app.inject({ url: '/world/cairo-election-night-turnout' });
    assert.equal(page.statusCode, 200);
    const html = page.body;
    assert.match(html, /<h1 class="article__headline">Cairo votes: first results<\/h1>/);
    assert.match(html, /CAIRO/);
    assert.doesNotMatch(html, /CAIRO —\s*—/, 'the dash WordPress stored is not doubled');
    assert.match(html, /<table>/);
    assert.match(html, /class="pull-quote"/);
    assert.match(html, /class="embed embed--youtube"/);
    assert.match(html, /It was 44 per cent\./, 'the correction from the custom field');
    assert.match(html, /<picture>/);
  });

  test('old addresses answer 301 to the new ones: permalinks, ?p=, old slugs, archives, authors, feeds, photos', async () => {
    assert.equal(await location(gazette, '/2025/03/cairo-election-night-turnout/'), '/world/cairo-election-night-turnout');
    assert.equal(await location(gazette, '/2025/03/cairo-votes-first-results/'), '/world/cairo-election-night-turnout');
    assert.equal(await location(gazette, '/?p=9'), '/world/cairo-election-night-turnout');
    assert.equal(await location(gazette, '/?p=8&utm_source=x'), '/culture/lyon-fete-des-lumieres');
    assert.equal(await location(gazette, '/section/world/'), '/world');
    assert.equal(await location(gazette, '/category/world/asia/'), '/tag/asia');
    assert.equal(await location(gazette, `/section/world/asia/${encodeURIComponent('한국')}/`), `/tag/${encodeURIComponent('한국')}`);
    assert.equal(await location(gazette, `/topic/${encodeURIComponent('서울')}/`), `/tag/${encodeURIComponent('서울')}`);
    assert.equal(await location(gazette, '/topic/elections/feed/'), '/tag/elections/feed.xml');
    assert.equal(await location(gazette, '/author/hana.kim/'), '/author/hana-kim');
    assert.equal(await location(gazette, '/feed/'), '/feed.xml');
    assert.match((await location(gazette, '/wp-content/uploads/2025/03/seoul-night-market.jpg')) ?? '', /^\/media\/seoul-night-market-[0-9a-f]+\/\d+\.jpg$/);
    assert.equal((await gazette.app.inject({ url: '/2025/03/no-such-post/' })).statusCode, 404);
  });

  test('tags in other scripts and with accents stay themselves; sub-categories become tags of the top section', async () => {
    const tags = await gazette.database.db.selectFrom('tags').select(['slug', 'name']).execute();
    assert.deepEqual(tags.map((tag) => `${tag.slug}=${tag.name}`).sort(), [
      'asia=Asia',
      'cafe-society=Café society',
      'elections=Élections',
      'lyon=Lyon',
      'markets-and-trade=Markets & Trade',
      'middle-east=Middle East',
      'street-food=Street food',
      'القاهرة=القاهرة',
      '서울=서울',
      '한국=한국',
    ]);
  });

  test('links between posts point at the new addresses; the featured photo keeps its alt text', async () => {
    const page = await gazette.app.inject({ url: '/world/seoul-night-markets' });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('href="/world/cairo-election-night-turnout"'), 'the link by the old permalink of post 9');
    assert.ok(page.body.includes('href="/culture/lyon-fete-des-lumieres"'), 'the link by ?p=8');
    assert.doesNotMatch(page.body, /news\.example\.org\/\?p=/);
    assert.match(page.body, /<picture class="article__photo">.*?alt="Paper lanterns above food stalls at dusk" decoding="async" fetchpriority="high"/s);
  });

  test('comments keep their thread and state; emails are never shown; pending and trashed ones are not public', async () => {
    const page = await gazette.app.inject({ url: '/world/seoul-night-markets' });
    for (const name of ['Mina Park', 'Jae Lee', 'Hana Kim']) assert.match(page.body, new RegExp(name));
    assert.doesNotMatch(page.body, /Curious reader|Angry Person|Night Owl Eats/);
    assert.doesNotMatch(page.body, /mina@example\.com|jae@example\.com/);
    const rows = await gazette.database.db.selectFrom('comments').select(['id', 'parent_id', 'status', 'author_name', 'trained_as']).orderBy('id').execute();
    const byName = (name: string) => rows.filter((row) => row.author_name === name);
    const [mina, minaAgain] = byName('Mina Park');
    const [jae] = byName('Jae Lee');
    const [hana] = byName('Hana Kim');
    assert.equal(jae!.parent_id, mina!.id);
    assert.equal(minaAgain!.parent_id, jae!.id);
    assert.equal(hana!.parent_id, minaAgain!.id, 'threads keep their depth (four deep)');
    assert.equal(byName('Angry Person')[0]!.status, 'trash');
    assert.equal(byName('Curious reader')[0]!.status, 'pending');
    assert.ok(
      rows.filter((row) => row.status === 'approved').every((row) => row.trained_as === 'ham'),
      'approved comments teach the filter',
    );
  });

  test('the sticky post leads the home page, though newer posts exist', async () => {
    const home = (await gazette.app.inject({ url: '/' })).body;
    assert.match(home, /class="lead-story[^"]*"[\s\S]*?<h2[^>]*>\s*<a[^>]*>Lyon lights up for the Fête des Lumières<\/a>/);
  });

  test('what was not public stays so: the scheduled, draft and private posts answer 404', async () => {
    const rows = await gazette.database.db.selectFrom('articles').select(['slug', 'status', 'published_at']).execute();
    const bySlug = new Map(rows.map((row) => [row.slug, row]));
    assert.equal(bySlug.get('preview-2030-budget')?.status, 'scheduled');
    assert.equal(bySlug.get('desk-rota-for-the-election-weekend')?.status, 'draft');
    assert.equal((await gazette.app.inject({ url: '/politics/preview-2030-budget' })).statusCode, 404);
    assert.equal((await gazette.app.inject({ url: '/?p=15' })).statusCode, 200, 'a private post’s address is not redirected anywhere');
  });

  test('running it again changes nothing and duplicates nothing', async () => {
    const count = async (table: 'articles' | 'comments' | 'media' | 'tags' | 'sections' | 'authors' | 'article_revisions' | 'pages' | 'redirects') =>
      Number(
        (
          await gazette.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const tables = ['articles', 'comments', 'media', 'tags', 'sections', 'authors', 'article_revisions', 'pages', 'redirects'] as const;
    const before = await Promise.all(tables.map(count));
    const again = await runImport(gazette);
    assert.deepEqual(await Promise.all(tables.map(count)), before);
    assert.equal(again.total('articles', 'unchanged'), 7);
    assert.equal(again.total('comments', 'unchanged'), 9);
    assert.equal(again.total('pages', 'unchanged'), 3);
    assert.equal(again.total('pages', 'created'), 0);
    // Nothing is reported as new a second time: the report says what this run did.
    for (const kind of ['photos', 'sections', 'tags', 'redirects', 'authors']) {
      assert.equal(again.total(kind, 'created'), 0, `no ${kind} created again`);
      assert.ok(again.total(kind, 'unchanged') > 0, `${kind} reported unchanged`);
    }
  });
});

test('a dry run writes nothing and reports the same counts', async (t) => {
  const gazette = await buildTestApp({ seed: false });
  t.after(() => gazette.close());
  const report = await runImport(gazette, { dryRun: true });
  assert.equal(report.total('articles', 'created'), 7);
  assert.equal(report.total('comments', 'created'), 9);
  assert.equal(report.total('pages', 'created'), 3);
  assert.match(report.toText(), /^Dry run: nothing was written/);
  for (const table of ['articles', 'comments', 'media', 'tags', 'sections', 'authors', 'redirects', 'pages'] as const) {
    const { n } = await gazette.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(n), 0, `${table} is empty`);
  }
  // What the dry run promised is what the import then does, kind by kind (redirects included).
  const real = await runImport(gazette, { dryRun: false });
  assert.deepEqual(report.toJSON().counts, real.toJSON().counts);
});

test('without the uploads folder, every photo is reported missing and the articles still come in', async (t) => {
  const gazette = await buildTestApp({ seed: false });
  t.after(() => gazette.close());
  const report = await runImport(gazette, { uploads: false });
  assert.equal(report.total('articles', 'created'), 7);
  assert.equal(report.total('photos', 'skipped'), 3);
  assert.ok(report.notes.some((note) => note.kind === 'photos' && /no copy of the site’s wp-content\/uploads was given/.test(note.reason)));

  // Run again with the folder, the photos come in and the articles that missed them get them.
  const again = await runImport(gazette);
  assert.equal(again.total('photos', 'created'), 3);
  const withPhoto = await gazette.database.db.selectFrom('articles').select('id').where('featured_media_id', 'is not', null).execute();
  assert.ok(withPhoto.length > 0, 'articles have their featured photos');
});

test('a gallery shows each photo with its own caption and credit; a post with comments closed on WordPress stays closed', async (t) => {
  const gazette = await buildTestApp({ seed: false });
  const work = await mkdtemp(join(tmpdir(), 'gazette-wp-closed-'));
  t.after(async () => {
    await gazette.close();
    await rm(work, { recursive: true, force: true });
  });
  // The Lyon post (WordPress id 8) had "Allow comments" unticked.
  const original = await readFile(`${fixture}export.xml`, 'utf8');
  const lyon = original.indexOf('<wp:post_id>8</wp:post_id>');
  const status = original.indexOf('<wp:comment_status><![CDATA[open]]>', lyon);
  const file = join(work, 'export.xml');
  await writeFile(
    file,
    `${original.slice(0, status)}<wp:comment_status><![CDATA[closed]]>${original.slice(status + '<wp:comment_status><![CDATA[open]]>'.length)}`,
  );
  await runImport(gazette, { file });

  const page = (await gazette.app.inject({ url: '/culture/lyon-fete-des-lumieres' })).body;
  const body = page.slice(page.indexOf('class="article__body"'), page.indexOf('class="article__footer"'));
  for (const caption of ['Paper lanterns light the food stalls of Gwangjang market', 'Supporters wait for the first results in Tahrir Square']) {
    assert.ok(body.includes(caption), `the gallery shows “${caption}…”`);
  }
  assert.match(body, /Hana Kim \/ The Gazette/, 'the gallery photo keeps its credit');
  assert.match(page, /Comments are closed on this article/);
  const open = await gazette.database.db
    .selectFrom('articles')
    .select(['slug', 'comments_open'])
    .where('slug', 'in', ['lyon-fete-des-lumieres', 'seoul-night-markets'])
    .orderBy('slug')
    .execute();
  assert.deepEqual(
    open.map((row) => [row.slug, Number(row.comments_open)]),
    [
      ['lyon-fete-des-lumieres', 0],
      ['seoul-night-markets', 1],
    ],
  );
});

test('an imported author deleted in the newsroom since is made again by the next run, not pointed at', async (t) => {
  const gazette = await buildTestApp({ seed: false });
  t.after(() => gazette.close());
  await runImport(gazette);
  const deps = { db: gazette.database.db, clock: gazette.site.clock, changes: gazette.changes };
  const claire = await findAuthorBySlug(gazette.database.db, 'claire-dubois');
  assert.ok(claire, 'the export brings Claire Dubois');
  const bylines = await gazette.database.db.selectFrom('article_authors').select('article_id').where('author_id', '=', claire.id).execute();
  for (const { article_id: id } of bylines) {
    await trashArticle(deps, id);
    await deleteArticleForever(deps, id);
  }
  await deleteUnusedAuthor(deps, claire.id);
  const again = await runImport(gazette);
  assert.equal(again.total('authors', 'created'), 1);
  const remade = await findAuthorBySlug(gazette.database.db, 'claire-dubois');
  assert.ok(remade && remade.id !== claire.id, 'a new profile, not the deleted id');
});
