import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sitemapUrl } from '../platform/urls.ts';
import { monthRange, newsLanguage, newsSitemapExpiry, parseSitemapFile, planArticleSitemaps, splitIntoParts, truncate } from './sitemap-plan.ts';

test('a list is split into files of at most the limit, and an empty list is one empty file', () => {
  assert.deepEqual(splitIntoParts([1, 2, 3, 4, 5, 6, 7], 3), [[1, 2, 3], [4, 5, 6], [7]]);
  assert.deepEqual(splitIntoParts([1, 2, 3], 3), [[1, 2, 3]]);
  assert.deepEqual(splitIntoParts([], 3), [[]]);
  assert.throws(() => splitIntoParts([1], 0), RangeError);
});

const at = (iso: string) => new Date(iso);

test('article sitemaps are planned per UTC month, newest month first, split at the limit with their own lastmod', () => {
  const times = [
    { publishedAt: at('2026-10-31T23:59:59Z'), updatedAt: at('2026-11-02T08:00:00Z') },
    { publishedAt: at('2026-11-01T00:00:00Z'), updatedAt: at('2026-11-01T00:00:00Z') },
    { publishedAt: at('2026-11-02T00:00:00Z'), updatedAt: at('2026-11-20T00:00:00Z') },
    { publishedAt: at('2026-11-03T00:00:00Z'), updatedAt: at('2026-11-03T00:00:00Z') },
    { publishedAt: at('2026-11-04T00:00:00Z'), updatedAt: at('2026-11-04T00:00:00Z') },
  ];
  assert.deepEqual(
    planArticleSitemaps(times, 3).map(({ file, lastModified }) => [sitemapUrl(file), lastModified?.toISOString()]),
    [
      ['/sitemaps/articles-2026-11.xml', '2026-11-20T00:00:00.000Z'],
      ['/sitemaps/articles-2026-11-2.xml', '2026-11-04T00:00:00.000Z'],
      ['/sitemaps/articles-2026-10.xml', '2026-11-02T08:00:00.000Z'],
    ],
  );
  assert.deepEqual(planArticleSitemaps([], 3), []);
});

test('a month covers its first instant up to, not including, the next month', () => {
  assert.deepEqual(monthRange(2026, 12), { from: at('2026-12-01T00:00:00Z'), before: at('2027-01-01T00:00:00Z') });
});

test('file names read back only in their one canonical spelling', () => {
  for (const file of [
    { kind: 'articles', year: 2026, month: 11, part: 1 },
    { kind: 'articles', year: 1999, month: 1, part: 12 },
    { kind: 'sections', part: 1 },
    { kind: 'tags', part: 2 },
    { kind: 'news', part: 1 },
  ] as const) {
    assert.deepEqual(parseSitemapFile(sitemapUrl(file).slice('/sitemaps/'.length)), file);
  }
  for (const name of ['articles-2026-13.xml', 'articles-2026-00.xml', 'news-1.xml', 'tags-02.xml', 'tags-0.xml', 'pages.xml', 'news.xml.gz']) {
    assert.equal(parseSitemapFile(name), undefined, name);
  }
});

test('the news sitemap expires when its oldest story turns 48 hours old', () => {
  assert.equal(newsSitemapExpiry([at('2026-11-27T10:00:00Z'), at('2026-11-26T13:00:00Z')])?.toISOString(), '2026-11-28T13:00:00.000Z');
  assert.equal(newsSitemapExpiry([]), undefined);
});

test('Google News gets an ISO 639 language, with zh-cn and zh-tw for Chinese', () => {
  assert.equal(newsLanguage('en-GB'), 'en');
  assert.equal(newsLanguage('fil'), 'fil');
  assert.equal(newsLanguage('zh-Hant-HK'), 'zh-tw');
  assert.equal(newsLanguage('zh-CN'), 'zh-cn');
});

test('text is cut with an ellipsis, never through a surrogate pair', () => {
  assert.equal(truncate('short', 10), 'short');
  assert.equal(truncate('abcdefghij', 5), 'abcd…');
  assert.equal(truncate('abc🙂def', 5), 'abc…');
});
