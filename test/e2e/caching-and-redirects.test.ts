import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, test, type TestContext } from 'node:test';
import { getArticle, publishArticle, unpublishArticle, updateArticle } from '../../src/articles/index.ts';
import { articleIdAt, articleInputOf } from '../helpers/article-edits.ts';
import { articleLinks } from '../helpers/html.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

/** The newsroom of the tests that only read. */
let shared: TestGazette;

before(async () => {
  shared = await buildTestApp();
});
after(() => shared.close());

/** A newsroom of its own, for a test that changes content, so no test depends on another's edits. */
async function ownNewsroom(t: TestContext): Promise<TestGazette> {
  const own = await buildTestApp();
  t.after(() => own.close());
  return own;
}

const articleDeps = (gazette: TestGazette) => ({ db: gazette.database.db, clock: { now: () => new Date('2026-11-27T12:30:00Z') }, changes: gazette.changes });

test('pages carry an ETag and answer 304 when the browser has them', async () => {
  const first = await shared.app.inject({ url: '/' });
  const etag = first.headers.etag as string;
  assert.match(etag, /^W\/".+"$/);
  const again = await shared.app.inject({ url: '/', headers: { 'if-none-match': etag } });
  assert.equal(again.statusCode, 304);
  assert.equal(again.body, '');
});

test('pages are sent compressed with brotli or gzip as the browser asks', async () => {
  const plain = await shared.app.inject({ url: '/' });
  const br = await shared.app.inject({ url: '/', headers: { 'accept-encoding': 'gzip, deflate, br' } });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body);
  const gz = await shared.app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(gz.rawPayload).toString(), plain.body);
  assert.match(String(br.headers.vary), /Accept-Encoding/i);
});

test('every page answer says whether the page cache had it: X-Cache MISS, then HIT', async (t) => {
  const gazette = await ownNewsroom(t);
  const url = articleLinks((await gazette.app.inject({ url: '/' })).body)[0]!;
  const first = await gazette.app.inject({ url });
  assert.equal(first.headers['x-cache'], 'MISS');
  const again = await gazette.app.inject({ url, headers: { 'accept-encoding': 'br' } });
  assert.equal(again.headers['x-cache'], 'HIT');
  assert.equal(brotliDecompressSync(again.rawPayload).toString(), first.body);
  const unchanged = await gazette.app.inject({ url, headers: { 'if-none-match': first.headers.etag as string } });
  assert.equal(unchanged.statusCode, 304);
  assert.equal(unchanged.headers['x-cache'], 'HIT');
  assert.equal((await gazette.app.inject({ url: '/feed.xml' })).headers['x-cache'], 'MISS', 'feeds too');
  assert.equal((await gazette.app.inject({ url: '/feed.xml' })).headers['x-cache'], 'HIT');
});

test('GAZETTE_PAGE_CACHE=off renders every request', async () => {
  const gazette = await buildTestApp({ env: { GAZETTE_PAGE_CACHE: 'off' } });
  try {
    const url = articleLinks((await gazette.app.inject({ url: '/' })).body)[0]!;
    const first = await gazette.app.inject({ url });
    assert.equal(first.headers['x-cache'], 'MISS');
    // Written behind the services' back, so no change is announced: only a fresh render can show it.
    const id = await articleIdAt(gazette, url);
    await gazette.database.db.updateTable('articles').set({ headline: 'Written straight into the database' }).where('id', '=', id).execute();
    const again = await gazette.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(again.headers['x-cache'], 'MISS');
    assert.equal(again.headers['content-encoding'], 'gzip');
    assert.match(gunzipSync(again.rawPayload).toString(), /<h1 class="article__headline">Written straight into the database<\/h1>/);
    assert.equal(gazette.pages.size, 0, 'nothing is kept');
  } finally {
    await gazette.close();
  }
});

test('64 requests at once for a just-invalidated article render it once', async (t) => {
  const gazette = await ownNewsroom(t);
  const url = articleLinks((await gazette.app.inject({ url: '/' })).body)[0]!;
  await gazette.app.inject({ url });
  const id = await articleIdAt(gazette, url);
  await updateArticle(articleDeps(gazette), id, { ...articleInputOf(await getArticle(gazette.database.db, id)), headline: 'Harbour cranes back at work' });
  let renders = 0;
  const store = gazette.pages.store.bind(gazette.pages);
  gazette.pages.store = (...args) => {
    renders += 1;
    return store(...args);
  };

  const responses = await Promise.all(Array.from({ length: 64 }, () => gazette.app.inject({ url })));

  assert.equal(renders, 1);
  for (const response of responses) assert.match(response.body, /<h1 class="article__headline">Harbour cranes back at work<\/h1>/);
  assert.equal(responses.filter((response) => response.headers['x-cache'] === 'MISS').length, 64, 'all waited for the one render');
});

test('an edit drops exactly the cached pages that show the article', async (t) => {
  const gazette = await ownNewsroom(t);
  const home = (await gazette.app.inject({ url: '/' })).body;
  const [url, otherUrl] = articleLinks(home) as [string, string];
  const id = await articleIdAt(gazette, url);
  const other = await gazette.app.inject({ url: otherUrl });
  assert.ok(!other.body.includes(`href="${url}"`), `${otherUrl} must not link to ${url} for this test to prove anything`);
  const before = await gazette.app.inject({ url });
  const article = await getArticle(gazette.database.db, id);

  await updateArticle(articleDeps(gazette), id, { ...articleInputOf(article), headline: 'Cranes trial paused after union talks' });

  const after = await gazette.app.inject({ url, headers: { 'if-none-match': before.headers.etag as string } });
  assert.equal(after.statusCode, 200, 'the old ETag no longer matches');
  assert.match(after.body, /<h1 class="article__headline">Cranes trial paused after union talks<\/h1>/);
  assert.match((await gazette.app.inject({ url: '/' })).body, /Cranes trial paused after union talks/);
  const section = `/${url.split('/')[1]}`;
  assert.match((await gazette.app.inject({ url: section })).body, /Cranes trial paused after union talks/);
  const untouched = await gazette.app.inject({ url: otherUrl, headers: { 'if-none-match': other.headers.etag as string } });
  assert.equal(untouched.statusCode, 304, 'a page that does not show it stays cached');
});

test('a new slug answers at the new URL, and the old one answers 301 to it', async (t) => {
  const gazette = await ownNewsroom(t);
  const url = articleLinks((await gazette.app.inject({ url: '/' })).body)[1]!;
  const id = await articleIdAt(gazette, url);
  const article = await getArticle(gazette.database.db, id);
  assert.notEqual(article.section?.slug, 'culture', 'the article must live outside Culture for the wrong-section address below');
  await gazette.app.inject({ url }); // cached at the old address
  await updateArticle(articleDeps(gazette), id, { ...articleInputOf(article), slug: `${article.slug}-renamed` });
  const old = await gazette.app.inject({ url });
  assert.equal(old.statusCode, 301);
  assert.equal(old.headers.location, `${url}-renamed`);
  assert.equal((await gazette.app.inject({ url: `${url}-renamed` })).statusCode, 200);
  const wrongSection = await gazette.app.inject({ url: `/culture/${article.slug}-renamed` });
  assert.equal(wrongSection.statusCode, 301);
  assert.equal(wrongSection.headers.location, `${url}-renamed`);
});

test('unpublishing removes the article from its page and every list at once', async (t) => {
  const gazette = await ownNewsroom(t);
  const url = articleLinks((await gazette.app.inject({ url: '/' })).body)[2]!;
  const id = await articleIdAt(gazette, url);
  assert.equal((await gazette.app.inject({ url })).statusCode, 200);
  await unpublishArticle(articleDeps(gazette), id);
  assert.equal((await gazette.app.inject({ url })).statusCode, 404);
  assert.ok(!(await gazette.app.inject({ url: '/' })).body.includes(`href="${url}"`));
  await publishArticle(articleDeps(gazette), id);
  assert.equal((await gazette.app.inject({ url })).statusCode, 200);
});

test('static assets are fingerprinted and cached for a year', async () => {
  const html = (await shared.app.inject({ url: '/' })).body;
  const css = html.match(/<link rel="stylesheet" href="(\/assets\/site\.[0-9a-f]{10}\.css)"/)![1]!;
  const response = await shared.app.inject({ url: css, headers: { 'accept-encoding': 'br' } });
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(response.headers['content-encoding'], 'br');
  assert.match(String(response.headers['content-type']), /^text\/css/);
});

test('photo variants come in AVIF, WebP and JPEG, immutable, without metadata', async () => {
  const html = (await shared.app.inject({ url: articleLinks((await shared.app.inject({ url: '/' })).body)[0]! })).body;
  const key = html.match(/\/media\/([a-z0-9-]+)\/\d+\.avif/)![1]!;
  const sharp = (await import('sharp')).default;
  for (const [file, type, format] of [
    ['480.avif', 'image/avif', 'heif'],
    ['800.webp', 'image/webp', 'webp'],
    ['800.jpg', 'image/jpeg', 'jpeg'],
  ]) {
    const response = await shared.app.inject({ url: `/media/${key}/${file}` });
    assert.equal(response.statusCode, 200, file);
    assert.equal(response.headers['content-type'], type);
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
    const metadata = await sharp(response.rawPayload).metadata();
    assert.equal(metadata.format, format);
    assert.equal(metadata.exif, undefined, 'no EXIF in public variants');
    assert.equal(metadata.xmp, undefined, 'no XMP in public variants');
  }
  assert.equal((await shared.app.inject({ url: `/media/${key}/999.jpg` })).statusCode, 404, 'only offered widths');
});

test('every page is sent with a strict Content-Security-Policy', async () => {
  const { headers } = await shared.app.inject({ url: '/' });
  const csp = String(headers['content-security-policy']);
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /style-src 'self'/);
  assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'));
  assert.equal(headers['x-content-type-options'], 'nosniff');
});
