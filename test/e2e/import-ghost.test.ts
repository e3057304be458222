import assert from 'node:assert/strict';
import { createReadStream, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { GhostExportError, readGhostExport } from '../../src/imports/ghost/ghost-export.ts';
import { importGhost } from '../../src/imports/ghost/ghost-import.ts';
import { type ImportReport, silentProgress } from '../../src/imports/index.ts';
import { savePage } from '../../src/pages/index.ts';
import { xssPayloads } from '../fixtures/xss-payloads.ts';
import { assertNoActiveMarkup } from '../helpers/active-markup.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

const fixture = fileURLToPath(new URL('../fixtures/imports/ghost/', import.meta.url));
/** After the export was made (Ghost dated its starter post then), long before the scheduled 2030 post. */
const importNow = new Date('2026-12-10T12:00:00Z');
const tables = ['articles', 'media', 'tags', 'sections', 'authors', 'article_revisions', 'pages', 'redirects', 'import_records'] as const;

async function newsroom(): Promise<TestGazette> {
  const gazette = await buildTestApp({ seed: false });
  gazette.setNow(importNow);
  return gazette;
}

function runImport(gazette: TestGazette, options: { dryRun?: boolean; images?: string | false; file?: string } = {}): Promise<ImportReport> {
  const images = options.images ?? `${fixture}images`;
  return importGhost(
    { db: gazette.database.db, clock: { now: () => importNow }, changes: gazette.changes, files: gazette.mediaFiles },
    {
      open: () => createReadStream(options.file ?? `${fixture}export.json`),
      progress: silentProgress,
      dryRun: options.dryRun ?? false,
      ...(images === false ? {} : { imagesDir: images }),
    },
  );
}

async function count(gazette: TestGazette, table: (typeof tables)[number]): Promise<number> {
  const { n } = await gazette.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

async function location(gazette: TestGazette, url: string): Promise<string> {
  const response = await gazette.app.inject({ url });
  assert.equal(response.statusCode, 301, `${url} answered ${response.statusCode}`);
  return response.headers.location as string;
}

async function page(gazette: TestGazette, url: string): Promise<string> {
  const response = await gazette.app.inject({ url });
  assert.equal(response.statusCode, 200, `${url} answered ${response.statusCode}`);
  assertNoActiveMarkup(response.body, url);
  return response.body;
}

function articleBody(html: string): string {
  return html.slice(html.indexOf('<div class="article__body">'), html.indexOf('<footer class="article__footer">'));
}

describe('a Ghost 5 export, imported into an empty newsroom', () => {
  let gazette: TestGazette;
  let report: ImportReport;
  before(async () => {
    gazette = await newsroom();
    report = await runImport(gazette);
  });
  after(() => gazette.close());

  test('the report counts what came in and says what did not, and why', () => {
    assert.equal(report.total('articles', 'created'), 5);
    assert.equal(report.total('pages', 'created'), 2);
    assert.equal(report.total('pages', 'skipped'), 0);
    assert.equal(report.total('photos', 'created'), 3);
    assert.equal(report.total('authors', 'created'), 4);
    assert.equal(report.total('sections', 'created'), 4);
    assert.equal(report.total('tags', 'created'), 3);
    assert.equal(report.total('tags', 'skipped'), 1, 'the internal #print-edition tag');
    const reasons = report.notes.map((note) => `${note.kind} ${note.title}: ${note.reason}`);
    assert.ok(!report.notes.some((note) => note.kind === 'pages'), reasons.join('\n'));
    assert.ok(reasons.some((reason) => /^tags #print-edition: an internal tag/.test(reason)));
    assert.ok(reasons.some((reason) => /^sections News: the address \/news is Gazette's own/.test(reason)));
    assert.ok(reasons.some((reason) => /^articles Coming soon: featured photo https:\/\/static\.ghost\.org\/.* left out/.test(reason)));
    assert.deepEqual([...report.unmappedFields.keys()].sort(), ['posts.featured (a featured post)', 'users.location', 'users.website']);
    assert.match(report.toText(), /articles\s+5 created/);
  });

  test('the Seoul story reads as on Ghost: headline, standfirst, featured photo, body, tags, both bylines in order', async () => {
    const html = await page(gazette, '/asia/seoul-night-markets');
    assert.match(html, /<h1 class="article__headline">Seoul’s night markets stay open until midnight<\/h1>/);
    assert.match(html, /<p class="standfirst">Gwangjang market returns to late opening after two winters\.<\/p>/);
    assert.match(
      html,
      /<p class="byline">By <a rel="author" href="\/author\/hana-kim">Hana Kim<\/a> and <a rel="author" href="\/author\/omar-haddad">Omar Haddad<\/a><\/p>/,
    );
    assert.match(html, /<picture class="article__photo">.*?alt="Paper lanterns above food stalls at dusk" decoding="async" fetchpriority="high"/s);
    // The caption Ghost kept as HTML, as text; the credit from the original's IPTC data, which Ghost's resized copy lost.
    assert.match(
      html,
      /<span class="figure__text">Gwangjang market on reopening night\. Photo: Hana Kim<\/span> <span class="figure__credit">Photo: Hana Kim \/ The Gazette<\/span>/,
    );
    const body = articleBody(html);
    assert.match(
      body,
      /<figure class="figure"><picture>.*?alt="Paper lanterns above food stalls at dusk".*?<span class="figure__text">Lanterns over the stalls\.<\/span>/s,
    );
    assert.match(body, /<strong>bindaetteok<\/strong>/);
    assert.match(body, /<blockquote><p>The market is the city’s living room\.<\/p><\/blockquote>/);
    assert.match(body, /<ul>\s*<li>Open 9am–midnight<\/li>\s*<li>Closed on Sundays<\/li>\s*<\/ul>/);
    assert.match(body, /<a href="\/elections\/cairo-votes-first-results">Cairo’s election night<\/a>/, 'the link to another post points at its new address');
    assert.doesNotMatch(html, /__GHOST_URL__|content\/images|srcset="[^"]*size\/w600/);
    assert.match(html, /<a href="\/tag\/%EC%84%9C%EC%9A%B8">서울<\/a>/);
    assert.match(html, /<a href="\/tag\/markets-and-trade">Markets &amp; Trade<\/a>/);
    assert.doesNotMatch(html, /print-edition/);
    assert.match(html, /<p class="kicker"><a href="\/asia">Asia<\/a><\/p>/);
  });

  test('the Cairo story keeps its cards: photo with caption, heading, list, quote, rule, table, gallery, YouTube embed', async () => {
    const html = await page(gazette, '/elections/cairo-votes-first-results');
    assert.match(html, /<h1 class="article__headline">Cairo votes: first results<\/h1>/);
    assert.match(html, /<picture class="article__photo">.*?alt="Silhouettes of a crowd against an orange sky"/s);
    assert.match(html, /<span class="figure__text">Supporters wait for the first results\.<\/span>/);
    assert.match(html, /<p class="byline">By <a rel="author" href="\/author\/omar-haddad">Omar Haddad<\/a><\/p>/);
    assert.match(html, /<p class="kicker"><a href="\/elections">Élections<\/a><\/p>/);
    assert.match(html, /<a href="\/tag\/%D8%A7%D9%84%D9%82%D8%A7%D9%87%D8%B1%D8%A9">القاهرة<\/a>/);
    const body = articleBody(html);
    assert.match(body, /Turnout was <strong>41 per cent<\/strong>\./);
    assert.match(body, /<span class="figure__text">Waiting for the first results\.<\/span>/);
    assert.match(body, /<h2>What happens next<\/h2>/);
    assert.match(body, /<li>Appeals until Friday noon<\/li>/);
    assert.match(body, /<blockquote><p>We have waited a long time to stand in this queue\.<\/p><\/blockquote>/);
    assert.match(body, /<hr>/);
    assert.match(body, /<table>\s*<tr>\s*<th>District<\/th>\s*<th>Turnout<\/th>\s*<\/tr>\s*<tr>\s*<td>Giza<\/td>\s*<td>44%<\/td>/);
    assert.match(body, /alt="Crowd".*alt="Market".*<p>Election day in three cities\.<\/p>/s, 'the gallery: its photos, then its caption');
    assert.match(body, /<figure class="embed embed--youtube" data-embed-src="https:\/\/www\.youtube-nocookie\.com\/embed\/aqz-KE-bpKQ"/);
    assert.match(body, /<p>The commission’s briefing\.<\/p>/);
  });

  test('authors come with their bio; the author pages show them', async () => {
    const authors = await gazette.database.db.selectFrom('authors').select(['slug', 'name', 'bio']).orderBy('slug').execute();
    assert.deepEqual(
      authors.map((author) => author.slug),
      ['claire-dubois', 'hana-kim', 'night-desk', 'omar-haddad'],
    );
    assert.equal(authors.find((author) => author.slug === 'hana-kim')?.bio, 'Seoul correspondent. Covers markets, housing and the city.');
    const html = await page(gazette, '/author/claire-dubois');
    assert.match(html, /Culture writer\. Festivals, théâtre, food\./);
  });

  test('tags in other scripts keep their names and get addresses in them; primary tags are sections', async () => {
    const tags = await gazette.database.db.selectFrom('tags').select(['slug', 'name']).execute();
    assert.deepEqual(tags.map((tag) => `${tag.slug}=${tag.name}`).sort(), ['markets-and-trade=Markets & Trade', 'القاهرة=القاهرة', '서울=서울']);
    const sections = await gazette.database.db.selectFrom('sections').select(['slug', 'name']).orderBy('position').execute();
    assert.deepEqual(
      sections.map((section) => `${section.slug}=${section.name}`),
      ['elections=Élections', 'asia=Asia', 'news-section=News', 'culture=Arts & Culture'],
    );
    assert.match(await page(gazette, `/tag/${encodeURIComponent('서울')}`), /Seoul’s night markets stay open until midnight/);
  });

  test('the two pages come in as top-level published pages, their body converted as posts are', async () => {
    const rows = await gazette.database.db.selectFrom('pages').select(['path', 'title', 'status', 'parent_id']).orderBy('path').execute();
    assert.deepEqual(rows, [
      { path: 'about', title: 'About us', status: 'published', parent_id: null },
      { path: 'contact', title: 'Contact', status: 'published', parent_id: null },
    ]);
    const about = await page(gazette, '/page/about');
    assert.match(about, /<p>The Gazette is an independent newsroom\.<\/p>/);
    assert.match(about, /<h2[^>]*>Masthead<\/h2>/);
    assert.match(about, /<ul>\s*<li>Editor: Omar Haddad<\/li>\s*<li>Seoul: Hana Kim<\/li>\s*<\/ul>/);
    assert.match(await page(gazette, '/page/contact'), /Write to desk@news\.example\.org\./);
  });

  test('what was not public stays so: the scheduled post and the draft', async () => {
    const rows = await gazette.database.db.selectFrom('articles').select(['slug', 'status']).execute();
    const status = new Map(rows.map((row) => [row.slug, row.status]));
    assert.equal(status.get('preview-2030-budget'), 'scheduled');
    assert.equal(status.get('lyon-festival-notes'), 'draft');
    for (const url of ['/elections/preview-2030-budget', '/preview-2030-budget/', '/culture/lyon-festival-notes', '/lyon-festival-notes/']) {
      assert.equal((await gazette.app.inject({ url })).statusCode, 404, url);
    }
  });

  test('old addresses answer 301: posts, AMP copies, tag and author archives, feeds, photos', async () => {
    assert.equal(await location(gazette, '/seoul-night-markets/'), '/asia/seoul-night-markets');
    assert.equal(await location(gazette, '/cairo-votes-first-results/amp/'), '/elections/cairo-votes-first-results');
    assert.equal(await location(gazette, '/tag/asia/'), '/asia');
    assert.equal(await location(gazette, '/tag/seoul/'), `/tag/${encodeURIComponent('서울')}`);
    assert.equal(await location(gazette, '/tag/lqhr/rss/'), `/tag/${encodeURIComponent('القاهرة')}/feed.xml`);
    assert.equal(await location(gazette, '/tag/elections/rss/'), '/elections/feed.xml');
    assert.equal(await location(gazette, '/author/omar-haddad/rss/'), '/author/omar-haddad/feed.xml');
    assert.equal(await location(gazette, '/rss/'), '/feed.xml');
    assert.match(await location(gazette, '/content/images/2026/12/seoul-night-market.jpg'), /^\/media\/seoul-night-market-[0-9a-f]+\/\d+\.jpg$/);
    assert.equal(await location(gazette, '/about/'), '/page/about');
    assert.equal(await location(gazette, '/contact/'), '/page/contact');
    assert.equal(await location(gazette, '/contact'), '/page/contact');
    for (const url of ['/tag/hash-print-edition/', '/no-such-post/']) assert.equal((await gazette.app.inject({ url })).statusCode, 404, url);
  });

  test('running it again changes nothing and duplicates nothing', async () => {
    const before = await Promise.all(tables.map((table) => count(gazette, table)));
    const again = await runImport(gazette);
    assert.deepEqual(await Promise.all(tables.map((table) => count(gazette, table))), before);
    assert.equal(again.total('articles', 'unchanged'), 5);
    assert.equal(again.total('photos', 'unchanged'), 3);
    assert.equal(again.total('authors', 'unchanged'), 4);
    assert.equal(again.total('pages', 'unchanged'), 2);
    assert.equal(again.total('redirects', 'unchanged'), report.total('redirects', 'created'));
    for (const kind of ['articles', 'photos', 'authors', 'sections', 'tags', 'pages', 'redirects']) {
      assert.equal(again.total(kind, 'created'), 0, kind);
      assert.equal(again.total(kind, 'updated'), 0, kind);
    }
  });
});

test('a dry run writes nothing and reports the same counts', async (t) => {
  const gazette = await newsroom();
  t.after(() => gazette.close());
  const report = await runImport(gazette, { dryRun: true });
  assert.match(report.toText(), /^Dry run: nothing was written/);
  assert.deepEqual(
    ['articles', 'photos', 'authors', 'sections', 'tags', 'pages', 'redirects'].map((kind) => report.total(kind, 'created')),
    [5, 3, 4, 4, 3, 2, 41],
  );
  for (const table of tables) assert.equal(await count(gazette, table), 0, `${table} is empty`);
});

test('a post edited on Ghost since the last import is updated in place, as a new revision', async (t) => {
  const gazette = await newsroom();
  const work = await mkdtemp(join(tmpdir(), 'gazette-ghost-edited-'));
  t.after(async () => {
    await gazette.close();
    await rm(work, { recursive: true, force: true });
  });
  await runImport(gazette);
  const ghost = JSON.parse(readFileSync(`${fixture}export.json`, 'utf8'));
  const cairo = ghost.db[0].data.posts.find((post: { slug: string }) => post.slug === 'cairo-votes-first-results');
  Object.assign(cairo, { html: '<p>Turnout was 43 per cent, the commission said.</p>', updated_at: '2026-12-05 09:00:00' });
  await writeFile(join(work, 'export.json'), JSON.stringify(ghost));
  const [articles, revisions] = [await count(gazette, 'articles'), await count(gazette, 'article_revisions')];
  const report = await runImport(gazette, { file: join(work, 'export.json') });
  assert.equal(report.total('articles', 'updated'), 1);
  assert.equal(report.total('articles', 'unchanged'), 4);
  assert.equal(await count(gazette, 'articles'), articles);
  assert.ok((await count(gazette, 'article_revisions')) > revisions);
  assert.match(await page(gazette, '/elections/cairo-votes-first-results'), /Turnout was 43 per cent, the commission said\./);
});

test('pages: scheduled and members-only ones come in as drafts, photos and links work, a taken address gets another slug', async (t) => {
  const gazette = await newsroom();
  const work = await mkdtemp(join(tmpdir(), 'gazette-ghost-pages-'));
  t.after(async () => {
    await gazette.close();
    await rm(work, { recursive: true, force: true });
  });
  const deps = { db: gazette.database.db, clock: { now: () => importNow }, changes: gazette.changes };
  await savePage(deps, { parentId: null, slug: 'about', title: 'Made by hand', bodyHtml: '<p>Ours.</p>', status: 'published' });
  const ghost = JSON.parse(readFileSync(`${fixture}export.json`, 'utf8'));
  const data = ghost.db[0].data;
  const about = data.posts.find((post: { slug: string }) => post.slug === 'about');
  const contact = data.posts.find((post: { slug: string }) => post.slug === 'contact');
  const cairo = data.posts.find((post: { slug: string }) => post.slug === 'cairo-votes-first-results');
  Object.assign(contact, {
    status: 'scheduled',
    html: '<p>Write to us.</p><img src="__GHOST_URL__/content/images/size/w600/2026/12/lyon-festival-stage.jpg" alt="Stage"><p><a href="__GHOST_URL__/seoul-night-markets/">Seoul</a></p>',
  });
  Object.assign(cairo, { html: `${cairo.html}<p><a href="__GHOST_URL__/about/">About the Gazette</a> and <a href="__GHOST_URL__/contact/">contact</a>.</p>` });
  data.posts.push({ ...about, id: 'members-page', slug: 'members', title: 'For members', visibility: 'members' });
  await writeFile(join(work, 'export.json'), JSON.stringify(ghost));
  const report = await runImport(gazette, { file: join(work, 'export.json') });
  assert.equal(report.total('pages', 'created'), 3);
  const reasons = report.notes.filter((note) => note.kind === 'pages').map((note) => `${note.title}: ${note.reason}`);
  assert.ok(reasons.includes('Contact: scheduled on Ghost: imported as a draft, publish it when it is due'), reasons.join('\n'));
  assert.ok(reasons.includes('For members: for members only on Ghost: imported as a draft, since Gazette has no paywall'), reasons.join('\n'));
  assert.ok(
    reasons.some((reason) => /^About us: another page has its address already: saved with the slug about-[0-9a-f]{8}$/.test(reason)),
    reasons.join('\n'),
  );
  const rows = await gazette.database.db.selectFrom('pages').select(['path', 'title', 'status', 'body_html']).orderBy('id').execute();
  assert.deepEqual(
    rows.map((row) => `${row.title}=${row.status}`),
    ['Made by hand=published', 'About us=published', 'Contact=draft', 'For members=draft'],
  );
  const movedAbout = `/page/${rows[1]?.path}`;
  assert.match(rows[2]?.body_html ?? '', /src="\/media\/lyon-festival-stage-[0-9a-f]+\/\d+\.jpg"/, 'the photo in the page is the library photo');
  assert.match(rows[2]?.body_html ?? '', /<a href="\/seoul-night-markets\/">Seoul<\/a>/, 'a link to a post keeps its old address, which answers 301');
  assert.match(await page(gazette, '/page/about'), /Ours\./, 'the page made by hand keeps its address');
  assert.equal(await location(gazette, '/about/'), movedAbout);
  for (const url of ['/contact/', '/members/', '/page/contact', '/page/members']) assert.equal((await gazette.app.inject({ url })).statusCode, 404, url);
  const body = articleBody(await page(gazette, '/elections/cairo-votes-first-results'));
  assert.ok(body.includes(`<a href="${movedAbout}">About the Gazette</a>`), 'a link to a published page goes to its new address');
  assert.match(body, /<a href="\/contact\/">contact<\/a>/, 'a link to a draft page keeps its old address');
  const again = await runImport(gazette, { file: join(work, 'export.json') });
  assert.equal(again.total('pages', 'unchanged'), 3);
  assert.equal(again.total('articles', 'unchanged'), 5);
  assert.equal(await count(gazette, 'pages'), 4);
});

test('without the images folder, every photo is reported missing and the articles still come in', async (t) => {
  const gazette = await newsroom();
  t.after(() => gazette.close());
  const report = await runImport(gazette, { images: false });
  assert.equal(report.total('articles', 'created'), 5);
  assert.equal(report.total('photos', 'skipped'), 3);
  assert.ok(report.notes.some((note) => note.kind === 'photos' && /no --images folder/.test(note.reason)));
  assert.ok(
    report.notes.some(
      (note) => note.title === 'Cairo votes: first results' && /image \/content\/images\/2026\/12\/cairo-election-crowd\.jpg/.test(note.reason),
    ),
  );
  assert.doesNotMatch(await page(gazette, '/elections/cairo-votes-first-results'), /<picture/);
});

describe('files that are not Ghost 5 exports are refused with a message a person understands', () => {
  const ghost = JSON.parse(readFileSync(`${fixture}export.json`, 'utf8'));
  const refusals: [string, string | Buffer, RegExp][] = [
    ['an XML file', '<?xml version="1.0"?><rss></rss>', /^This is not a Ghost export: it is not JSON \(/],
    ['JSON of something else', JSON.stringify({ posts: [], name: 'my blog' }), /^This is not a Ghost export: it has no "db" list/],
    [
      'a Ghost export without a version',
      JSON.stringify({ db: [{ meta: {}, data: { posts: [] } }] }),
      /^This is not a Ghost export: it does not say which version/,
    ],
    [
      'a Ghost 4 export',
      JSON.stringify({ db: [{ ...ghost.db[0], meta: { exported_on: 1, version: '4.48.2' } }] }),
      /^This export was made by Ghost 4\.48\.2\. Gazette reads exports of Ghost 5 and later/,
    ],
    [
      'an export without users',
      JSON.stringify({ db: [{ ...ghost.db[0], data: { ...ghost.db[0].data, users: undefined } }] }),
      /incomplete: it has no "users" table/,
    ],
    [
      'an export whose posts are not a list',
      JSON.stringify({ db: [{ ...ghost.db[0], data: { ...ghost.db[0].data, posts: {} } }] }),
      /"posts" table is not a list/,
    ],
    ['Latin-1 bytes', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]), /^This is not a Ghost export: it is not UTF-8 text/],
  ];
  for (const [name, content, message] of refusals) {
    test(name, async (t) => {
      const gazette = await newsroom();
      const work = await mkdtemp(join(tmpdir(), 'gazette-ghost-refused-'));
      t.after(async () => {
        await gazette.close();
        await rm(work, { recursive: true, force: true });
      });
      await writeFile(join(work, 'export.json'), content);
      await assert.rejects(
        runImport(gazette, { file: join(work, 'export.json') }),
        (error) => error instanceof GhostExportError && message.test(error.message),
      );
      for (const table of tables) assert.equal(await count(gazette, table), 0, `${table} is empty`);
    });
  }

  test('a file over the size limit, before it is parsed', async () => {
    await assert.rejects(readGhostExport(Readable.from([Buffer.alloc(600, 0x20)]), 512), /larger than .* MiB, the most Gazette reads/);
  });
});

describe('an export written to attack the importer', () => {
  const hostile = xssPayloads.map((payload) => payload.text).join(' ');
  let gazette: TestGazette;
  let work: string;
  let report: ImportReport;
  before(async () => {
    gazette = await newsroom();
    work = await mkdtemp(join(tmpdir(), 'gazette-ghost-hostile-'));
    await mkdir(join(work, 'images/2026/12'), { recursive: true });
    for (const name of ['seoul-night-market', 'cairo-election-crowd', 'lyon-festival-stage'])
      await copyFile(`${fixture}images/2026/12/${name}.jpg`, join(work, `images/2026/12/${name}.jpg`));
    await symlink('/etc/hostname', join(work, 'images/2026/12/linked.jpg'));
    const ghost = JSON.parse(readFileSync(`${fixture}export.json`, 'utf8'));
    const data = ghost.db[0].data;
    const seoul = data.posts.find((post: { slug: string }) => post.slug === 'seoul-night-markets');
    const cairo = data.posts.find((post: { slug: string }) => post.slug === 'cairo-votes-first-results');
    Object.assign(seoul, {
      title: `Headline\u0007 ${hostile}`,
      custom_excerpt: hostile,
      // The payloads last: some (an unclosed <textarea>, <plaintext>) take the rest of the HTML with them, as in a browser.
      html: `<p>Body</p><a href="javascript:alert(1)">x</a><script>alert(1)</script><iframe src="https://evil.example/"></iframe><img src="__GHOST_URL__/content/images/%2e%2e/%2e%2e/etc/hostname" onerror="alert(1)"><img src="__GHOST_URL__/content/images/2026/12/linked.jpg"><figure class="kg-card kg-video-card"><video src="__GHOST_URL__/content/media/x.mp4"></video></figure><p>[gallery ids="1"] stays as written</p><p>${hostile}</p>`,
      feature_image: '__GHOST_URL__/content/images/../../../../etc/hostname',
    });
    // An older post linking to a newer one: its link is filled in once the newer one is in.
    Object.assign(cairo, { html: `${cairo.html}<p><a href="__GHOST_URL__/seoul-night-markets/">Later</a></p>` });
    data.posts_meta[0].feature_image_caption = hostile;
    data.tags.find((tag: { slug: string }) => tag.slug === 'asia').name = `<b onmouseover=alert(1)>Asia</b>`;
    data.tags.find((tag: { slug: string }) => tag.slug === 'seoul').name = '<script>alert(1)</script>';
    Object.assign(data.users[1], { name: `Hana ${hostile}`.slice(0, 90), bio: hostile });
    data.posts.push({ id: 'lexical-only', title: 'Only lexical', slug: 'only-lexical', status: 'published', type: 'post', html: null, lexical: '{"root":{}}' });
    data.posts.push({ id: 'not-a-row', title: 42, slug: 'broken' });
    data.posts.push({
      id: 'hostile-page',
      type: 'page',
      status: 'published',
      slug: '../../admin',
      title: `Page\u001b[31m ${hostile}`,
      html: `<p>Page</p><script>alert(1)</script><a href="javascript:alert(1)">x</a><p>${hostile}</p>`,
    });
    data.posts.push({ id: 'odd-type', type: 'newsletter', status: 'published', slug: 'odd', title: 'Odd', html: '<p>x</p>' });
    await writeFile(join(work, 'export.json'), JSON.stringify(ghost));
    report = await runImport(gazette, { file: join(work, 'export.json'), images: join(work, 'images') });
  });
  after(async () => {
    await gazette.close();
    await rm(work, { recursive: true, force: true });
  });

  test('no file outside the images folder is read, through .., an encoded .. or a link', () => {
    const photoNotes = report.notes.filter((note) => note.kind === 'photos').map((note) => `${note.sourceId}: ${note.reason}`);
    assert.ok(
      photoNotes.some((note) => /^\.\.\/\.\.\/\.\.\/\.\.\/etc\/hostname: .*outside the images folder/.test(note)),
      photoNotes.join('\n'),
    );
    assert.ok(
      photoNotes.some((note) => /^\.\.\/\.\.\/etc\/hostname: .*outside the images folder/.test(note)),
      photoNotes.join('\n'),
    );
    assert.ok(
      photoNotes.some((note) => /^2026\/12\/linked\.jpg: .*link to somewhere outside the images folder/.test(note)),
      photoNotes.join('\n'),
    );
  });

  test('malformed rows and posts without HTML are reported, the rest comes in', () => {
    const reasons = report.notes.map((note) => `${note.kind} ${note.sourceId}: ${note.reason}`);
    assert.ok(
      reasons.some((reason) => /^posts not-a-row: not what Ghost writes \(\w+: expected/.test(reason)),
      reasons.join('\n'),
    );
    assert.ok(reasons.some((reason) => /^articles lexical-only: Ghost stored only its lexical document, no HTML/.test(reason)));
    assert.ok(reasons.some((reason) => /Ghost video card left out/.test(reason)));
    assert.ok(reasons.includes('pages odd-type: Ghost type “newsletter” has no equivalent'), reasons.join('\n'));
    assert.equal(report.total('articles', 'created'), 5);
  });

  test('no page shows anything that could run, and brackets stay as written', async () => {
    const rows = await gazette.database.db.selectFrom('articles').select(['slug', 'status']).where('status', '=', 'published').execute();
    assert.equal(rows.length, 3);
    const seoul = await gazette.database.db
      .selectFrom('articles')
      .select(['slug', 'section_id'])
      .where('headline', 'like', 'Headline%')
      .executeTakeFirstOrThrow();
    const section = await gazette.database.db.selectFrom('sections').select('slug').where('id', '=', seoul.section_id).executeTakeFirstOrThrow();
    const html = await page(gazette, `/${section.slug}/${seoul.slug}`);
    assert.match(html, /\[gallery ids="1"\] stays as written/);
    assert.match(await page(gazette, '/elections/cairo-votes-first-results'), new RegExp(`<a href="/${section.slug}/${seoul.slug}">Later</a>`));
    const hostilePage = await gazette.database.db.selectFrom('pages').select('path').where('title', 'like', 'Page%').executeTakeFirstOrThrow();
    assert.doesNotMatch(hostilePage.path, /\.|\//, 'the slug is made from the title');
    assert.match(await page(gazette, `/page/${encodeURIComponent(hostilePage.path)}`), /<p>Page<\/p>/);
    for (const url of ['/', '/author/hana-kim', `/${section.slug}`, '/feed.xml']) {
      const response = await gazette.app.inject({ url });
      assert.equal(response.statusCode, 200, url);
      if (!url.endsWith('.xml')) assertNoActiveMarkup(response.body, url);
    }
  });
});
