import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createArticle, publishArticle } from '../../src/articles/index.ts';
import { articleLinks, linksMatching } from '../helpers/html.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

let gazette: TestGazette;

before(async () => {
  gazette = await buildTestApp();
});
after(() => gazette.close());

test('the home page leads with the newest story, then the latest of each section in order', async () => {
  const { statusCode, body } = await gazette.app.inject({ url: '/' });
  assert.equal(statusCode, 200);
  assert.match(body, /<article class="lead-story">/);
  const sectionHeadings = [...body.matchAll(/<h2 class="rule-heading" id="home-section-\d+"><a href="(\/[a-z-]+)">/g)].map((m) => m[1]);
  assert.deepEqual(sectionHeadings, ['/world', '/politics', '/science', '/culture']);
  assert.match(body, /<nav class="site-nav" aria-label="Sections">/);
  assert.ok(articleLinks(body).length >= 12);
});

test('site name, description and navigation come from the settings table', async () => {
  await gazette.settings.update({ name: 'Harbour Evening Post', navigation: [{ label: 'Only World', href: '/world' }] });
  const { body } = await gazette.app.inject({ url: '/world' });
  assert.match(body, /<a class="masthead__name" href="\/">Harbour Evening Post<\/a>/);
  assert.match(body, /<a href="\/world" aria-current="page">Only World<\/a>/);
  assert.ok(!body.includes('>Politics</a></li>'));
  await gazette.settings.update({ name: 'The Meridian Gazette', navigation: [] });
});

test('section, tag and author pages list their published stories', async () => {
  const home = (await gazette.app.inject({ url: '/' })).body;
  const article = (await gazette.app.inject({ url: articleLinks(home)[0]! })).body;
  const urls = ['/world', ...linksMatching(article, /^\/tag\/[a-z0-9-]+$/).slice(0, 1), ...linksMatching(article, /^\/author\/[a-z0-9-]+$/).slice(0, 1)];
  assert.equal(urls.length, 3);
  for (const url of urls) {
    const { statusCode, body } = await gazette.app.inject({ url });
    assert.equal(statusCode, 200, url);
    assert.match(body, /<h1 class="collection__heading">/);
    assert.ok(articleLinks(body).length >= 1, `${url} lists stories`);
    assert.match(body, new RegExp(`<link rel="canonical" href="https://news.example${url}"`));
  }
});

test('long lists paginate with prev/next links, and a page past the end is a 404', async () => {
  const deps = { db: gazette.database.db, clock: { now: () => new Date('2026-11-27T11:00:00Z') }, changes: gazette.changes };
  const section = (await gazette.database.db.selectFrom('sections').select('id').where('slug', '=', 'culture').executeTakeFirstOrThrow()).id;
  for (let i = 0; i < 12; i++) {
    const article = await createArticle(deps, { headline: `Festival diary, day ${i + 1}`, sectionId: section, authorIds: [], tagIds: [] });
    await publishArticle(deps, article.id, new Date(`2026-11-20T10:${String(i).padStart(2, '0')}:00Z`));
  }
  const first = await gazette.app.inject({ url: '/culture' });
  assert.match(first.body, /<a class="pagination__link" href="\/culture\?page=2" rel="next">/);
  const second = await gazette.app.inject({ url: '/culture?page=2' });
  assert.equal(second.statusCode, 200);
  assert.match(second.body, /<a class="pagination__link" href="\/culture" rel="prev">/);
  assert.match(second.body, /<link rel="canonical" href="https:\/\/news.example\/culture\?page=2"/);
  assert.equal((await gazette.app.inject({ url: '/culture?page=3' })).statusCode, 404);
});

test('bad addresses get a proper 400 or 404 page, never a 500 or a stack trace', async () => {
  // Overlong parts may be refused by the router (404) or by the schema (400); either is a proper answer.
  const cases: [string, number | number[]][] = [
    ['/no-such-section', 404],
    ['/world/no-such-article', 404],
    ['/tag/no-such-tag', 404],
    ['/author/nobody', 404],
    ['/a/b/c/d', 404],
    ['/world?page=-1', 400],
    ['/world?page=0', 400],
    ['/world?page=abc', 400],
    ['/world?page=1.5', 400],
    ['/world?page=99999999', 400],
    ['/world?page=9999', 404],
    ['/World', 400],
    ['/world/Bad_Slug', 400],
    ['/world/%00', 400],
    ['/world/%E0%A4%A', 400],
    ['/%', 400],
    [`/tag/${'a'.repeat(300)}`, [400, 404]],
    [`/${'x'.repeat(5000)}`, [400, 404]],
    [`/world/${'x'.repeat(5000)}`, [400, 404]],
    [`/world/${encodeURIComponent('<script>alert(1)</script>')}`, 400],
    ['/media/nope/800.jpg', 404],
    ['/media/nope/800.exe', 400],
    ['/assets/site.css', 404],
    ['/assets/../package.json', [400, 404]],
    ['/assets/%2e%2e%2fpackage.json', [400, 404]],
  ];
  for (const [url, status] of cases) {
    const response = await gazette.app.inject({ url });
    assert.ok([status].flat().includes(response.statusCode), `${url.slice(0, 60)} → ${response.statusCode}`);
    assert.match(response.headers['content-type'] as string, /^text\/html/, url);
    assert.match(response.body, /<h1 id="error-heading"/, `${url.slice(0, 60)} shows the error page`);
    assert.ok(!/at .+\.ts:\d+|Error:|stack/i.test(response.body), `${url.slice(0, 60)} leaks no stack trace`);
    assert.ok(!response.body.includes('<script>alert'), 'the bad address is not echoed unescaped');
  }
});

test('/favicon.ico, which browsers ask for where a document names no icon, is the site icon', async () => {
  const response = await gazette.app.inject({ url: '/favicon.ico' });
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'image/png');
  assert.deepEqual(response.rawPayload.subarray(0, 8), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'a PNG');
  assert.match(String(response.headers['cache-control']), /max-age=86400/);
});

test('an API client asking for JSON gets the error as JSON', async () => {
  const response = await gazette.app.inject({ url: '/world/nope', headers: { accept: 'application/json' } });
  assert.equal(response.statusCode, 404);
  assert.equal(response.json().statusCode, 404);
});
