import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import Fastify from 'fastify';
import { ContentChanges, type ContentTag, contentTags } from './content-changes.ts';
import { type BuiltPage, PageCache, servePage } from './page-cache.ts';
import { defaultSharedCacheOptions } from './shared-caching.ts';

test('a change drops exactly the pages that show it', async () => {
  const changes = new ContentChanges();
  const cache = new PageCache(changes);
  await cache.store('/world/a', { html: '<p>a</p>', tags: [contentTags.article(1), contentTags.section(1)] });
  await cache.store('/culture/b', { html: '<p>b</p>', tags: [contentTags.article(2)] });
  await cache.store('/', { html: '<p>home</p>', tags: [contentTags.scope({ kind: 'all' }), contentTags.article(1)] });

  changes.announce([contentTags.article(1)]);

  assert.equal(cache.get('/world/a'), undefined);
  assert.equal(cache.get('/'), undefined);
  assert.ok(cache.get('/culture/b'));
});

test('pages are stored compressed with a weak ETag of their content', async () => {
  const cache = new PageCache(new ContentChanges());
  const page = await cache.store('/', { html: '<p>hello</p>'.repeat(100), tags: [] });
  assert.match(page.etag, /^W\/"[A-Za-z0-9_-]+"$/);
  assert.ok((await page.encoded('br')).length < page.body.length);
  assert.ok((await page.encoded('gzip')).length < page.body.length);
  assert.equal(page.encoded('br'), page.encoded('br'), 'each encoding is made once');
  const again = await cache.store('/', { html: '<p>hello</p>'.repeat(100), tags: [] });
  assert.equal(again.etag, page.etag);
});

/** A page of varied words, as an article is: brotli's qualities differ on it as on real pages. */
function articleLikeHtml(): string {
  const words = ['harbour', 'council', 'tram', 'vote', 'ferry', 'strike', 'keepers', 'night', 'shift', 'cranes', 'terminal', 'rent', 'pilot', 'tenants'];
  let html = '';
  for (let i = 0; i < 3_000; i++) html += `<p class="c${i % 7}">${words[(i * 7) % words.length]} ${words[(i * 11) % words.length]} ${i}</p>`;
  return html;
}

async function brotliOnceChanged(page: { encoded(encoding: 'br'): Buffer | Promise<Buffer> }, first: Buffer): Promise<Buffer> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const now = await page.encoded('br');
    if (now !== first || Date.now() > deadline) return now;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

test('a kept page is answered at once with quick brotli, then with a smaller body made off the event loop; a page not kept stays quick', async () => {
  const cache = new PageCache(new ContentChanges());
  const page = cache.store('/', { html: articleLikeHtml(), tags: [] });
  const quick = await page.encoded('br');
  const refined = await brotliOnceChanged(page, quick);
  assert.ok(refined.length < quick.length, `smaller once refined (${refined.length} against ${quick.length} bytes)`);
  assert.equal(brotliDecompressSync(refined).toString(), page.body.toString());
  assert.equal(brotliDecompressSync(quick).toString(), page.body.toString());

  const uncached = new PageCache(new ContentChanges(), { enabled: false });
  const { page: oneOff } = await uncached.getOrBuild('/', async () => ({ html: articleLikeHtml(), tags: [] }));
  const once = await oneOff.encoded('br');
  assert.equal(once.length, quick.length, 'the same quick quality');
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(await oneOff.encoded('br'), once, 'a page nobody will ask for again is not compressed twice');
});

test('the cache stays within its byte budget', async () => {
  const cache = new PageCache(new ContentChanges(), { maxBytes: 20_000 });
  for (let i = 0; i < 50; i++) await cache.store(`/page-${i}`, { html: `<p>${i}</p>${'x'.repeat(2000)}`, tags: [] });
  assert.ok(cache.size < 50);
  assert.ok(cache.get('/page-49'));
});

test('"everything" empties the cache', async () => {
  const changes = new ContentChanges();
  const cache = new PageCache(changes);
  await cache.store('/', { html: 'home', tags: [] });
  changes.announce([contentTags.everything], 'remote');
  assert.equal(cache.size, 0);
});

test('a document other than HTML keeps its content type; HTML pages default to text/html', async () => {
  const cache = new PageCache(new ContentChanges());
  const feed = await cache.store('/feed.xml', { body: '<rss/>', contentType: 'application/rss+xml; charset=utf-8', tags: [] });
  const page = await cache.store('/', { html: '<p>home</p>', tags: [] });
  assert.equal(feed.contentType, 'application/rss+xml; charset=utf-8');
  assert.equal(page.contentType, 'text/html; charset=utf-8');
});

test('a page with an expiry is dropped once the clock passes it, even if nothing changed', async () => {
  let now = new Date('2026-11-27T12:00:00Z');
  const cache = new PageCache(new ContentChanges(), { clock: { now: () => now } });
  await cache.store('/sitemaps/news.xml', { body: '<urlset/>', contentType: 'application/xml', tags: [], expiresAt: new Date('2026-11-27T13:00:00Z') });
  assert.ok(cache.get('/sitemaps/news.xml'));
  now = new Date('2026-11-27T13:00:00Z');
  assert.equal(cache.get('/sitemaps/news.xml'), undefined);
});

/**
 * An app serving one page through the cache, whose builds read `headline` at once and then wait
 * until the test lets them finish, so a test can act while a page is being built.
 */
function pausedPageApp(cache: PageCache, tags: readonly ContentTag[]) {
  const app = Fastify();
  const state = { headline: 'Old headline', builds: 0, arrived: 0 };
  const waiting: (() => void)[] = [];
  app.get('/world/a', (request, reply) => {
    state.arrived += 1;
    return servePage(request, reply, cache, '/world/a', async () => {
      state.builds += 1;
      const headline = state.headline;
      await new Promise<void>((resolve) => waiting.push(resolve));
      return { html: `<h1>${headline}</h1>`, tags };
    });
  });
  const finishBuilds = () => {
    for (const finish of waiting.splice(0)) finish();
  };
  return { app, state, finishBuilds };
}

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 1000) throw new Error('timed out waiting for the requests to arrive');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

test('64 requests at once for a just-invalidated page build it once and all get it', async () => {
  const changes = new ContentChanges();
  const cache = new PageCache(changes);
  const { app, state, finishBuilds } = pausedPageApp(cache, [contentTags.article(1)]);
  await cache.store('/world/a', { html: '<h1>Before the edit</h1>', tags: [contentTags.article(1)] });
  changes.announce([contentTags.article(1)]);

  const responses = Promise.all(Array.from({ length: 64 }, () => app.inject({ url: '/world/a' })));
  await until(() => state.arrived === 64);
  finishBuilds();

  const bodies = (await responses).map((response) => response.body);
  assert.equal(state.builds, 1);
  assert.deepEqual(new Set(bodies), new Set(['<h1>Old headline</h1>']));
  assert.ok(cache.get('/world/a'));
});

test('a change announced while a page is being built does not leave that page in the cache', async () => {
  const changes = new ContentChanges();
  const cache = new PageCache(changes);
  const { app, state, finishBuilds } = pausedPageApp(cache, [contentTags.article(1), contentTags.section(1)]);

  const asked = app.inject({ url: '/world/a' });
  await until(() => state.builds === 1);
  state.headline = 'New headline';
  changes.announce([contentTags.section(1)]);
  finishBuilds();

  assert.equal((await asked).body, '<h1>Old headline</h1>', 'asked before the change, so either version is right');
  assert.equal(cache.get('/world/a'), undefined);
  const next = app.inject({ url: '/world/a' });
  await until(() => state.builds === 2);
  finishBuilds();
  assert.equal((await next).body, '<h1>New headline</h1>');
  assert.ok(cache.get('/world/a'), 'the page built after the change is kept');
});

test('a request that arrives after a change does not wait for a build that began before it', async () => {
  const changes = new ContentChanges();
  const cache = new PageCache(changes);
  const { app, state, finishBuilds } = pausedPageApp(cache, [contentTags.article(1)]);

  const before = app.inject({ url: '/world/a' });
  await until(() => state.builds === 1);
  state.headline = 'New headline';
  changes.announce([contentTags.article(1)]);
  const after = app.inject({ url: '/world/a' });
  await until(() => state.builds === 2);
  finishBuilds();

  assert.equal((await before).body, '<h1>Old headline</h1>');
  assert.equal((await after).body, '<h1>New headline</h1>');
  assert.equal(cache.get('/world/a')?.body.toString(), '<h1>New headline</h1>');
});

test('a change to something else while a page is being built does not stop it being kept', async () => {
  const changes = new ContentChanges();
  const cache = new PageCache(changes);
  const { app, state, finishBuilds } = pausedPageApp(cache, [contentTags.article(1)]);

  const asked = app.inject({ url: '/world/a' });
  await until(() => state.builds === 1);
  changes.announce([contentTags.article(2)]);
  finishBuilds();

  assert.equal((await asked).statusCode, 200);
  assert.ok(cache.get('/world/a'));
});

test('"everything" announced while a page is being built does not leave that page in the cache', async () => {
  const changes = new ContentChanges();
  const cache = new PageCache(changes);
  const { app, state, finishBuilds } = pausedPageApp(cache, []);

  const asked = app.inject({ url: '/world/a' });
  await until(() => state.builds === 1);
  changes.announce([contentTags.everything], 'remote');
  finishBuilds();

  assert.equal((await asked).statusCode, 200);
  assert.equal(cache.get('/world/a'), undefined);
});

test('a page larger than the whole budget is sent but not kept', async () => {
  const cache = new PageCache(new ContentChanges(), { maxBytes: 1000 });
  const { page, status } = await cache.getOrBuild('/huge', async () => ({ html: `<p>${'x'.repeat(5000)}</p>`, tags: [contentTags.article(1)] }));
  assert.equal(status, 'MISS');
  assert.equal(page.body.length, 5007);
  assert.equal(cache.size, 0);
});

test('switched off, the cache keeps nothing and builds every page it is asked for', async () => {
  const cache = new PageCache(new ContentChanges(), { enabled: false });
  let builds = 0;
  const build = async () => ({ html: `<p>build ${++builds}</p>`, tags: [] });
  const [first, second] = await Promise.all([cache.getOrBuild('/', build), cache.getOrBuild('/', build)]);
  assert.equal(builds, 2);
  assert.deepEqual([first.status, second.status], ['MISS', 'MISS']);
  assert.equal((await cache.getOrBuild('/', build)).page.body.toString(), '<p>build 3</p>');
  assert.equal(cache.size, 0);
});

/** An app answering `/page` with `built` through the cache, keyed by the path. */
function oneRouteApp(cache: PageCache, built: () => BuiltPage) {
  const app = Fastify();
  app.get('/page', (request, reply) => servePage(request, reply, cache, '/page', async () => built()));
  return app;
}

const personalCookies = ['gazette_session', 'gazette_comments'];

test('a cached answer tells shared caches how long to keep it and lists its content tags as surrogate keys', async () => {
  const cache = new PageCache(new ContentChanges(), { sharing: { ...defaultSharedCacheOptions, personalCookies } });
  const app = oneRouteApp(cache, () => ({ html: '<p>a</p>', tags: [contentTags.article(7), contentTags.section(2), contentTags.settings] }));
  for (const expected of ['MISS', 'HIT']) {
    const response = await app.inject({ url: '/page', headers: { cookie: 'theme=dark' } });
    assert.equal(response.headers['x-cache'], expected);
    assert.equal(response.headers['cache-control'], 'public, max-age=0, must-revalidate, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400');
    assert.equal(response.headers.xkey, 'all article:7 section:2 settings');
    assert.equal(response.headers.vary, 'Accept-Encoding', 'not Cookie: shared answers are the same whatever the cookies');
    const unchanged = await app.inject({ url: '/page', headers: { 'if-none-match': String(response.headers.etag) } });
    assert.equal(unchanged.statusCode, 304);
    assert.equal(unchanged.headers['cache-control'], response.headers['cache-control'], 'a 304 says the same');
    assert.equal(unchanged.headers.xkey, response.headers.xkey);
  }
});

test('a request with a staff or commenter cookie gets private, no-store and no surrogate keys, from the cache or not', async () => {
  const cache = new PageCache(new ContentChanges(), { sharing: { ...defaultSharedCacheOptions, personalCookies } });
  const app = oneRouteApp(cache, () => ({ html: '<p>a</p>', tags: [contentTags.article(7)] }));
  for (const cookie of ['gazette_comments=3.sig', 'theme=dark; gazette_session=token', 'gazette_comments=3.sig']) {
    const response = await app.inject({ url: '/page', headers: { cookie } });
    assert.equal(response.headers['cache-control'], 'private, no-store', cookie);
    assert.equal(response.headers.xkey, undefined, cookie);
  }
  assert.match(String((await app.inject({ url: '/page' })).headers['cache-control']), /^public, /, 'the same page without the cookie is shared');
});

test('the surrogate-key header takes its name from the settings, or is not sent', async () => {
  for (const [surrogateKeyHeader, name, value] of [
    ['Surrogate-Key', 'surrogate-key', 'all article:7 settings'],
    ['Cache-Tag', 'cache-tag', 'all,article:7,settings'],
  ] as const) {
    const cache = new PageCache(new ContentChanges(), { sharing: { ...defaultSharedCacheOptions, surrogateKeyHeader } });
    const response = await oneRouteApp(cache, () => ({ html: '<p>a</p>', tags: [contentTags.article(7), contentTags.settings] })).inject({ url: '/page' });
    assert.equal(response.headers[name], value, 'Cloudflare separates tags with commas, Fastly with spaces');
    assert.equal(response.headers.xkey, undefined);
  }
  const none = new PageCache(new ContentChanges(), { sharing: { ...defaultSharedCacheOptions, surrogateKeyHeader: undefined } });
  const response = await oneRouteApp(none, () => ({ html: '<p>a</p>', tags: [contentTags.article(7)] })).inject({ url: '/page' });
  assert.equal(response.headers.xkey, undefined);
  assert.match(String(response.headers['cache-control']), /s-maxage=86400/);
});

test('a page that expires is kept by shared caches only until it does, counted from each answer', async () => {
  let now = new Date('2026-11-27T12:00:00Z');
  const cache = new PageCache(new ContentChanges(), { clock: { now: () => now } });
  const expiresAt = new Date('2026-11-27T13:00:00Z');
  const app = oneRouteApp(cache, () => ({ body: '<urlset/>', contentType: 'application/xml', tags: [], expiresAt }));
  assert.match(String((await app.inject({ url: '/page' })).headers['cache-control']), /, s-maxage=3600,/);
  now = new Date('2026-11-27T12:45:00Z');
  const later = await app.inject({ url: '/page' });
  assert.equal(later.headers['x-cache'], 'HIT');
  assert.match(String(later.headers['cache-control']), /, s-maxage=900,/);
});

test('a page built while something it shows changed is sent, but no shared cache may keep it', async () => {
  const changes = new ContentChanges();
  const cache = new PageCache(changes);
  const { app, state, finishBuilds } = pausedPageApp(cache, [contentTags.article(1)]);

  const asked = app.inject({ url: '/world/a' });
  await until(() => state.builds === 1);
  changes.announce([contentTags.article(1)]);
  finishBuilds();
  const response = await asked;
  assert.equal(response.headers['cache-control'], 'private, no-cache', 'the purge for the change may have gone out already');
  assert.equal(response.headers.xkey, undefined);

  const next = app.inject({ url: '/world/a' });
  await until(() => state.builds === 2);
  finishBuilds();
  assert.match(String((await next).headers['cache-control']), /^public, .*s-maxage=/, 'the next build is shared again');
});
