import assert from 'node:assert/strict';
import { test } from 'node:test';
import { robotsTxt } from './robots.ts';

test('robots.txt keeps crawlers out of the newsroom only, and names the sitemap index and the news sitemap', () => {
  assert.equal(
    robotsTxt('https://news.example'),
    [
      'User-agent: *',
      'Disallow: /admin/',
      'Disallow: /admin$',
      '',
      'Sitemap: https://news.example/sitemap.xml',
      'Sitemap: https://news.example/sitemaps/news.xml',
      '',
    ].join('\n'),
  );
});
