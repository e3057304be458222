import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ContentChanges, contentTags } from './content-changes.ts';
import { PageCache } from './page-cache.ts';

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
  assert.ok(page.brotli.length < page.body.length);
  assert.ok(page.gzip.length < page.body.length);
  const again = await cache.store('/', { html: '<p>hello</p>'.repeat(100), tags: [] });
  assert.equal(again.etag, page.etag);
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
