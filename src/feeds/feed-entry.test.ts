import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleArticle } from '../../test/helpers/sample-article.ts';
import { permanentId, toFeedEntry } from './feed-entry.ts';

const publicUrl = 'https://news.example';

test('an entry id comes from the article id alone, so edits, new slugs and new sections keep it', () => {
  const before = toFeedEntry(sampleArticle(), { publicUrl, content: 'full' });
  const after = toFeedEntry(
    sampleArticle({ slug: 'harbour-open-again', headline: 'Harbour open again', section: { id: 4, slug: 'business', name: 'Business' } }),
    { publicUrl, content: 'full' },
  );
  assert.equal(before.id, 'tag:news.example,2026:article:12');
  assert.equal(after.id, before.id);
  assert.notEqual(after.url, before.url);
  assert.equal(permanentId('http://localhost:3000', 'article', 1), 'tag:localhost,2026:article:1');
});

test('full text is the sanitised body with site links made absolute; summary mode leaves it out', () => {
  const full = toFeedEntry(sampleArticle(), { publicUrl, content: 'full' });
  assert.equal(
    String(full.contentHtml),
    '<p>First <a href="https://news.example/world/earlier-story">earlier</a> and <a href="https://example.org/x" rel="noopener">elsewhere</a>.</p>',
  );
  assert.equal(full.summary, 'Ships queue at the breakwater.');
  assert.equal(toFeedEntry(sampleArticle(), { publicUrl, content: 'summary' }).contentHtml, null);
});

test('without a standfirst the summary is the start of the body as plain text', () => {
  const entry = toFeedEntry(sampleArticle({ standfirst: '', bodyHtml: `<p>${'word '.repeat(100)}</p>` }), { publicUrl, content: 'summary' });
  assert.ok(entry.summary.startsWith('word word'));
  assert.ok(entry.summary.length <= 300);
  assert.ok(entry.summary.endsWith('…'));
});

test('authors, the section then tags, the photo and dates are carried with absolute URLs', () => {
  const entry = toFeedEntry(sampleArticle(), { publicUrl, content: 'full' });
  assert.equal(entry.url, 'https://news.example/world/harbour-reopens');
  assert.deepEqual(entry.authors, [{ name: 'Mina Park', url: 'https://news.example/author/mina-park' }]);
  assert.deepEqual(entry.categories, [
    { name: 'World', url: 'https://news.example/world' },
    { name: 'Shipping', url: 'https://news.example/tag/shipping' },
  ]);
  assert.deepEqual(entry.photo, {
    url: 'https://news.example/media/abc123/1600.jpg',
    mediaType: 'image/jpeg',
    width: 1600,
    height: 1067,
    caption: 'Cranes at dawn.',
    credit: 'Ana Ruiz',
  });
  assert.equal(entry.published.toISOString(), '2026-11-26T09:00:00.000Z');
  assert.equal(entry.updated.toISOString(), '2026-11-26T10:30:00.000Z');
  assert.equal(toFeedEntry(sampleArticle({ image: null }), { publicUrl, content: 'full' }).photo, null);
});
