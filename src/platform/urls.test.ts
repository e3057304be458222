import assert from 'node:assert/strict';
import { test } from 'node:test';
import { absoluteUrl, articleUrl, authorUrl, feedUrl, sectionUrl, sitemapUrl, tagUrl } from './urls.ts';

test('article URLs carry the section and the slug', () => {
  assert.equal(articleUrl({ slug: 'harbour-reopens', section: { slug: 'world' } }), '/world/harbour-reopens');
  assert.equal(articleUrl({ slug: 'orphan', section: null }), '/news/orphan');
});

test('page 1 of a list has no query string, later pages do', () => {
  assert.equal(sectionUrl({ slug: 'world' }), '/world');
  assert.equal(sectionUrl({ slug: 'world' }, 1), '/world');
  assert.equal(tagUrl({ slug: 'climate' }, 2), '/tag/climate?page=2');
  assert.equal(authorUrl({ slug: 'mina-park' }, 3), '/author/mina-park?page=3');
});

test('absolute URLs join the public origin and a path', () => {
  assert.equal(absoluteUrl('https://news.example', '/world/x'), 'https://news.example/world/x');
});

test('absolute URLs are what the URL parser makes of the path, whichever way they are joined', () => {
  const sites = [
    'https://news.example',
    'http://127.0.0.1:3000',
    'https://News.Example:443',
    'https://user:secret@news.example',
    'https://news.example/edition',
  ];
  const paths = [
    '/',
    '/world/harbour-reopens',
    '/media/busan-harbour-286349da6d/800.avif',
    '/tag/caf%C3%A9',
    '/tag/café',
    '/a b',
    '/world/./x',
    '/world/../x',
    '/world/..',
    '/world/.',
    '/.hidden/x.y',
    '/world/x..y',
    '/./x',
    '/../x',
    '/..',
    '/.',
    '/%2e%2e/x',
    '/a//b',
    '//elsewhere.example/x',
    '/search?q=harbour',
    '/world#comments',
    'relative/path',
    '/back\\slash',
  ];
  for (const site of sites) {
    for (const path of paths) assert.equal(absoluteUrl(site, path), new URL(path, `${site}/`).href, `${site} + ${path}`);
  }
});

test('feeds live beside the page that lists the same articles', () => {
  assert.equal(feedUrl({ kind: 'site' }, 'rss'), '/feed.xml');
  assert.equal(feedUrl({ kind: 'site' }, 'atom'), '/feed.atom');
  assert.equal(feedUrl({ kind: 'site' }, 'json'), '/feed.json');
  assert.equal(feedUrl({ kind: 'section', slug: 'world' }, 'rss'), '/world/feed.xml');
  assert.equal(feedUrl({ kind: 'tag', slug: 'climate' }, 'atom'), '/tag/climate/feed.atom');
  assert.equal(feedUrl({ kind: 'author', slug: 'mina-park' }, 'json'), '/author/mina-park/feed.json');
});

test('sitemap files are named by what they list, with parts after the first numbered', () => {
  assert.equal(sitemapUrl({ kind: 'index' }), '/sitemap.xml');
  assert.equal(sitemapUrl({ kind: 'articles', year: 2026, month: 3, part: 1 }), '/sitemaps/articles-2026-03.xml');
  assert.equal(sitemapUrl({ kind: 'articles', year: 2026, month: 11, part: 2 }), '/sitemaps/articles-2026-11-2.xml');
  assert.equal(sitemapUrl({ kind: 'tags', part: 1 }), '/sitemaps/tags.xml');
  assert.equal(sitemapUrl({ kind: 'news', part: 3 }), '/sitemaps/news-3.xml');
});
