import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createArticle, getArticle, publishArticle, updateArticle } from '../../src/articles/index.ts';
import { articleIdAt, articleInputOf } from '../helpers/article-edits.ts';
import { articleLinks } from '../helpers/html.ts';
import { startPurgeReceiver } from '../helpers/purge-receiver.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';
import { waitFor } from '../helpers/webhook-receiver.ts';

// What Varnish or a CDN in front is told: who may keep each answer, which content it was built from,
// and, on every change made through Gazette, which of those to drop.

const shared = 'public, max-age=0, must-revalidate, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400';
/** The same, for a page that expires sooner than a day (an article whose comments close, a list of the last 48 hours). */
const sharedUntilExpiry = /^public, max-age=0, must-revalidate, s-maxage=\d+, stale-while-revalidate=60, stale-if-error=86400$/;
const purgeSecret = 'test-purge-secret-0123456789';

function keysOf(header: string | string[] | number | undefined): Set<string> {
  return new Set(String(header ?? '').split(' '));
}

describe('answers as a shared cache sees them', () => {
  let gazette: TestGazette;
  let articleUrl: string;
  let articleId: number;

  before(async () => {
    gazette = await buildTestApp();
    articleUrl = articleLinks((await gazette.app.inject({ url: '/' })).body)[0]!;
    articleId = await articleIdAt(gazette, articleUrl);
  });
  after(() => gazette.close());

  test('an article page: shared for a day, browsers revalidating, its content listed in xkey', async () => {
    for (const expected of ['MISS', 'HIT']) {
      const page = await gazette.app.inject({ url: articleUrl, headers: { 'accept-encoding': 'br' } });
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['x-cache'], expected);
      assert.match(String(page.headers['cache-control']), sharedUntilExpiry);
      const keys = keysOf(page.headers.xkey);
      for (const key of ['all', `article:${articleId}`, 'settings']) assert.ok(keys.has(key), `${key} in ${page.headers.xkey}`);
      assert.ok(
        [...keys].every((key) => /^[A-Za-z0-9:._%-]+$/.test(key)),
        'header-safe keys',
      );
    }
  });

  test('the Content API answer for the same article carries the same kind of headers and its key', async () => {
    for (const path of [`/api/v1/articles/${articleId}`, `/api/v1/articles/by-path?path=${encodeURIComponent(articleUrl)}`]) {
      const answer = await gazette.app.inject({ url: path });
      assert.equal(answer.statusCode, 200, path);
      assert.equal(answer.headers['cache-control'], shared, path);
      assert.ok(keysOf(answer.headers.xkey).has(`article:${articleId}`), `${path}: ${answer.headers.xkey}`);
    }
    const list = await gazette.app.inject({ url: '/api/v1/articles?limit=5' });
    assert.equal(list.headers['cache-control'], shared);
    assert.ok(keysOf(list.headers.xkey).has('scope:all'), 'a list of the latest is dropped when anything is published');
  });

  test('the home page, feeds and sitemaps are shared too', async () => {
    for (const url of ['/', '/feed.xml', '/sitemap.xml', '/sitemaps/sections.xml', '/sitemaps/news.xml']) {
      const answer = await gazette.app.inject({ url });
      assert.equal(answer.statusCode, 200, url);
      assert.match(String(answer.headers['cache-control']), sharedUntilExpiry, url);
      assert.ok(keysOf(answer.headers.xkey).has('all'), url);
    }
  });

  test('with a staff session or commenter cookie, nothing is shared and no keys are listed', async () => {
    const personal = ['gazette_comments=1.anything', 'gazette_session=whatever', 'theme=dark; gazette_comments=2.x'];
    for (const url of [articleUrl, '/', '/feed.xml', `/api/v1/articles/${articleId}`]) {
      await gazette.app.inject({ url }); // in the page cache, so the cached path is what answers below
      for (const cookie of personal) {
        const answer = await gazette.app.inject({ url, headers: { cookie } });
        assert.equal(answer.statusCode, 200, url);
        assert.equal(answer.headers['cache-control'], 'private, no-store', `${url} with ${cookie}`);
        assert.equal(answer.headers.xkey, undefined, `${url} with ${cookie}`);
      }
      const other = await gazette.app.inject({ url, headers: { cookie: 'theme=dark' } });
      assert.match(String(other.headers['cache-control']), sharedUntilExpiry, 'other cookies change nothing');
    }
  });

  test('answers that are not reader content are never shared', async () => {
    const search = await gazette.app.inject({ url: '/search?q=river' });
    assert.equal(search.headers['cache-control'], 'no-store');
    const missing = await gazette.app.inject({ url: '/world/no-such-story' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.headers['cache-control'], 'no-store');
    assert.equal(missing.headers.xkey, undefined);
  });
});

describe('GAZETTE_SURROGATE_KEY_HEADER', () => {
  /** The home page's headers from a newsroom with this setting. */
  async function homeHeadersWith(setting: string) {
    const gazette = await buildTestApp({ env: { GAZETTE_SURROGATE_KEY_HEADER: setting } });
    try {
      return (await gazette.app.inject({ url: '/' })).headers;
    } finally {
      await gazette.close();
    }
  }

  test('names the header for a CDN (Fastly’s Surrogate-Key here)', async () => {
    const headers = await homeHeadersWith('Surrogate-Key');
    assert.ok(keysOf(headers['surrogate-key']).has('scope:all'), String(headers['surrogate-key']));
    assert.equal(headers.xkey, undefined);
    assert.equal(headers['cache-control'], shared);
  });

  test('"off" lists no keys at all, and the page is still shared', async () => {
    const headers = await homeHeadersWith('off');
    assert.deepEqual(
      Object.keys(headers).filter((name) => String(headers[name]).includes('scope:all')),
      [],
    );
    assert.equal(headers['cache-control'], shared);
  });
});

describe('purging on change', () => {
  let gazette: TestGazette;
  let receiver: Awaited<ReturnType<typeof startPurgeReceiver>>;

  before(async () => {
    receiver = await startPurgeReceiver();
    gazette = await buildTestApp({ env: { GAZETTE_PURGE_URLS: receiver.url, GAZETTE_PURGE_SECRET: purgeSecret } });
  });
  after(async () => {
    await gazette.close();
    await receiver.close();
  });

  const deps = () => ({ db: gazette.database.db, clock: { now: () => new Date(testNow.getTime() + 60_000) }, changes: gazette.changes });

  test('publishing through the newsroom purges the new article and every list it joins, with the secret', async () => {
    const home = await gazette.app.inject({ url: '/' });
    const world = (await gazette.database.db.selectFrom('sections').select('id').where('slug', '=', 'world').executeTakeFirstOrThrow()).id;
    const section = await gazette.app.inject({ url: '/world' });
    const draft = await createArticle(deps(), { headline: 'Ferry timetable restored', slug: 'ferry-timetable', sectionId: world, authorIds: [], tagIds: [] });
    const before = receiver.received.length;

    await publishArticle(deps(), draft.id);
    await waitFor(() => receiver.purgedKeys().has(`article:${draft.id}`), 'a purge naming the article');

    const purge = receiver.received.slice(before).find((request) => request.keys.includes(`article:${draft.id}`))!;
    assert.equal(purge.method, 'PURGE');
    assert.equal(purge.headers['x-purge-secret'], purgeSecret);
    const purged = new Set(purge.keys);
    for (const key of ['scope:all', `scope:section:${world}`]) assert.ok(purged.has(key), `${key} in ${purge.keys.join(' ')}`);
    assert.ok(
      [...keysOf(home.headers.xkey)].some((key) => purged.has(key)),
      'the cached home page is among what it drops',
    );
    assert.ok(
      [...keysOf(section.headers.xkey)].some((key) => purged.has(key)),
      'so is the section page',
    );
  });

  test('an edit purges the keys its page was served with', async () => {
    const url = articleLinks((await gazette.app.inject({ url: '/' })).body)[1]!;
    const id = await articleIdAt(gazette, url);
    const page = await gazette.app.inject({ url });
    assert.ok(keysOf(page.headers.xkey).has(`article:${id}`));
    const article = await getArticle(gazette.database.db, id);
    const before = receiver.received.length;

    await updateArticle(deps(), id, { ...articleInputOf(article), headline: 'A corrected headline' });
    await waitFor(() => receiver.received.slice(before).some((request) => request.keys.includes(`article:${id}`)), 'a purge naming the edited article');
  });
});
