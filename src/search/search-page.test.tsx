import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator } from '../i18n/index.ts';
import type { SiteChrome } from '../render/document.tsx';
import { renderDocument } from '../render/safe-html.ts';
import { highlightEnd as end, highlightStart as start, splitHighlights } from './highlight.ts';
import { SearchPage, type SearchPageContent, type SearchPageData } from './search-page.tsx';

const site: SiteChrome = {
  siteName: 'Gazette',
  siteDescription: 'News.',
  language: 'en-GB',
  navigation: [],
  footerLinks: [],
  stylesheetUrl: '/assets/site.css',
  scriptUrl: '/assets/site.js',
  iconUrl: '/assets/logo.svg',
  currentPath: '/search',
  year: 2026,
  words: translator('en-GB'),
};
const hostile = '<script>alert(1)</script> "quoted" & \'single\'';

function render(content: SearchPageContent, query = hostile): string {
  const data: SearchPageData = {
    site,
    head: { title: `Search: ${query}`, description: 'Search.', ogType: 'website', noindex: true },
    form: {
      query,
      section: 'world',
      from: '2026-11-01',
      to: '',
      sections: [
        { slug: 'world', name: 'World' },
        { slug: 'culture', name: 'Culture' },
      ],
      maxLength: 200,
    },
    shortened: false,
    content,
  };
  return renderDocument(<SearchPage data={data} />);
}

test('snippets are text: only the markers become <mark>, everything else is escaped', () => {
  const html = render({
    kind: 'found',
    match: 'all',
    total: 12,
    more: false,
    firstPosition: 11,
    results: [
      {
        url: '/world/harbour',
        kicker: 'World',
        publishedIso: '2026-11-27T09:00:00.000Z',
        publishedLabel: '27 November 2026',
        bylineLabel: 'By Mina Park',
        headline: splitHighlights(`The ${start}harbour${end} <b>reopens</b>`),
        excerpt: splitHighlights(`…<img src=x onerror=alert(1)> ${start}harbour${end} & <mark>fake</mark>…`),
      },
    ],
    pages: { page: 2, pageCount: 2, previousUrl: '/search?q=harbour', nextUrl: null },
  });
  assert.match(html, /The <mark>harbour<\/mark> &lt;b&gt;reopens&lt;\/b&gt;/);
  assert.match(html, /…&lt;img src=x onerror=alert\(1\)&gt; <mark>harbour<\/mark> &amp; &lt;mark&gt;fake&lt;\/mark&gt;…/);
  assert.equal(html.match(/<mark>/g)?.length, 2);
  assert.ok(!html.includes('<img src=x'));
  assert.match(html, /<ol class="search-results" start="11">/);
  assert.match(html, /12 articles found/);
  assert.match(html, /rel="prev">← Previous<\/a>/, 'results run best first, so not "Newer"');
});

test('the query is echoed escaped in the heading, the field and the title, and the page is not indexed', () => {
  const html = render({ kind: 'nothing', latest: [] });
  assert.ok(!html.includes('<script>alert'));
  assert.match(html, /<h1[^>]*>Search results for “&lt;script&gt;alert\(1\)&lt;\/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;”<\/h1>/);
  assert.match(html, /<input id="search-query"[^>]* value="&lt;script&gt;alert\(1\)&lt;\/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;"/);
  assert.match(html, /<meta name="robots" content="noindex"\/>/);
  assert.match(html, /No articles match “&lt;script&gt;/);
});

test('the filters show what the reader chose', () => {
  const html = render({ kind: 'start', latest: [] }, '');
  assert.match(html, /<h1[^>]*>Search<\/h1>/);
  assert.match(html, /<option value="world" selected="">World<\/option><option value="culture">Culture<\/option>/);
  assert.match(html, /<input id="search-from" type="date" name="from" value="2026-11-01"\/>/);
});

test('when more match than are ranked, the page says so', () => {
  const html = render({
    kind: 'found',
    match: 'any',
    total: 2000,
    more: true,
    firstPosition: 1,
    results: [],
    pages: { page: 1, pageCount: 200, previousUrl: null, nextUrl: '/search?q=x&page=2' },
  });
  assert.match(html, /More than 2,000 articles found/);
  assert.match(html, /only the newest 2,000 are ranked/);
  assert.match(html, /No article has all of your words/);
});
