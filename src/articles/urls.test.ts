import assert from 'node:assert/strict';
import { test } from 'node:test';
import { absoluteUrl, articleUrl, authorUrl, sectionUrl, tagUrl } from './urls.ts';

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
