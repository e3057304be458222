import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ArticleDeps, createArticle, publishArticle, publishDueArticles, unpublishArticle, updateArticle } from '../../src/articles/index.ts';
import { jsonLdBlocks } from '../helpers/html.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

// The whole search page; src/search/search-index.test.ts proves each database's index ranks and marks alike.
describe('search', () => {
  let gazette: TestGazette;
  let deps: ArticleDeps;
  const sections: Record<string, number> = {};

  before(async () => {
    gazette = await buildTestApp();
    deps = { db: gazette.database.db, clock: gazette.site.clock, changes: gazette.changes };
    for (const row of await gazette.database.db.selectFrom('sections').select(['id', 'slug']).execute()) sections[row.slug] = row.id;
  });
  after(() => gazette.close());

  const hoursAgo = (hours: number) => new Date(testNow.getTime() - hours * 3_600_000);

  async function publish(input: { headline: string; text?: string; section?: string; slug?: string }, at: Date = hoursAgo(1)) {
    const article = await createArticle(deps, {
      headline: input.headline,
      slug: input.slug,
      bodyHtml: `<p>${input.text ?? 'Nothing to see.'}</p>`,
      sectionId: sections[input.section ?? 'world']!,
      authorIds: [],
      tagIds: [],
    });
    return publishArticle(deps, article.id, at);
  }

  async function searchPage(query: string) {
    const response = await gazette.app.inject({ url: `/search?${query}` });
    const links = [...response.body.matchAll(/<h3 class="search-result__headline"[^>]*><a href="([^"]+)">/g)].map((match) => match[1]!);
    return { status: response.statusCode, body: response.body, headers: response.headers, links };
  }

  test('the search page ranks, highlights and is never cached or indexed', async () => {
    const inBody = await publish({ headline: 'Council minutes published', text: 'The zephyrine clause was adopted.' }, hoursAgo(2));
    const inHeadline = await publish({ headline: 'Zephyrine clause adopted by the council' }, hoursAgo(30));
    const page = await searchPage('q=zephyrine');
    assert.equal(page.status, 200);
    assert.deepEqual(page.links, [`/world/${inHeadline.slug}`, `/world/${inBody.slug}`], 'a headline match outranks a newer body match');
    assert.match(page.body, /<mark>Zephyrine<\/mark> clause adopted/);
    assert.match(page.body, /The <mark>zephyrine<\/mark> clause was adopted/);
    assert.match(page.body, /2 articles found/);
    assert.match(page.body, /<h1[^>]*>Search results for “zephyrine”<\/h1>/);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(page.body, /<meta name="robots" content="noindex"\/>/);
    assert.equal(gazette.pages.get('/search?q=zephyrine'), undefined);
  });

  test('section and date filters narrow the results, and the form keeps them', async () => {
    await publish({ headline: 'Quillwort survey in the hills', section: 'science' }, hoursAgo(24 * 40));
    await publish({ headline: 'Quillwort exhibition opens', section: 'culture' }, hoursAgo(3));
    assert.equal((await searchPage('q=quillwort')).links.length, 2);
    const culture = await searchPage('q=quillwort&section=culture');
    assert.equal(culture.links.length, 1);
    assert.match(culture.links[0]!, /^\/culture\//);
    assert.match(culture.body, /<option value="culture" selected="">/);
    const lastMonth = await searchPage('q=quillwort&from=2026-10-01&to=2026-10-31');
    assert.equal(lastMonth.links.length, 1);
    assert.match(lastMonth.links[0]!, /^\/science\//);
    assert.match(lastMonth.body, /name="from" value="2026-10-01"/);
    assert.equal((await searchPage('q=quillwort&section=no-such-section')).status, 400);
    assert.equal((await searchPage('q=quillwort&from=2026-02-30')).status, 400);
  });

  test('results are paginated, and every page link keeps the query and the filters', async () => {
    for (let i = 0; i < 12; i++) await publish({ headline: `Marram grass report ${i + 1}`, section: 'science' }, hoursAgo(100 + i));
    const first = await searchPage('q=marram&section=science');
    assert.equal(first.links.length, 10);
    assert.match(first.body, /<a class="pagination__link" href="\/search\?q=marram&amp;section=science&amp;page=2" rel="next">/);
    const second = await searchPage('q=marram&section=science&page=2');
    assert.equal(second.links.length, 2);
    assert.match(second.body, /<ol class="search-results" start="11">/);
    assert.match(second.body, /href="\/search\?q=marram&amp;section=science" rel="prev"/);
    assert.equal((await searchPage('q=marram&section=science&page=3')).status, 404);
  });

  test('publishing, editing and unpublishing show in the very next search', async () => {
    const draft = await createArticle(deps, {
      headline: 'Heliotrope garden opens',
      bodyHtml: '<p>Bees.</p>',
      sectionId: sections.culture!,
      authorIds: [],
      tagIds: [],
    });
    assert.equal((await searchPage('q=heliotrope')).links.length, 0, 'a draft is never found');
    await publishArticle(deps, draft.id);
    assert.deepEqual((await searchPage('q=heliotrope')).links, ['/culture/heliotrope-garden-opens']);
    await updateArticle(deps, draft.id, {
      headline: 'Snapdragon garden opens',
      slug: 'snapdragon-garden-opens',
      bodyHtml: '<p>Bees.</p>',
      sectionId: sections.world!,
      authorIds: [],
      tagIds: [],
    });
    assert.deepEqual((await searchPage('q=snapdragon')).links, ['/world/snapdragon-garden-opens'], 'the new headline, slug and section');
    assert.deepEqual((await searchPage('q=heliotrope')).links, []);
    await unpublishArticle(deps, draft.id);
    assert.deepEqual((await searchPage('q=snapdragon')).links, []);
  });

  test('a scheduled article is not found before the scheduler publishes it', async () => {
    await publish({ headline: 'Embargoed tamarisk findings' }, new Date(testNow.getTime() + 3_600_000));
    assert.equal((await searchPage('q=tamarisk')).links.length, 0);
    gazette.setNow(new Date(testNow.getTime() + 2 * 3_600_000));
    try {
      assert.equal((await searchPage('q=tamarisk')).links.length, 0, 'due, but not yet published');
      await publishDueArticles(deps);
      assert.equal((await searchPage('q=tamarisk')).links.length, 1);
    } finally {
      gazette.setNow(testNow);
    }
  });

  test('a Korean or Arabic word is found inside its longer forms, and marked there on the page', async () => {
    const story = async (slug: string, headline: string, text: string, language: string) => {
      const article = await createArticle(deps, {
        headline,
        slug,
        bodyHtml: `<p>${text}</p>`,
        language,
        sectionId: sections.world!,
        authorIds: [],
        tagIds: [],
      });
      return publishArticle(deps, article.id, hoursAgo(1));
    };
    const korean = await story('warehouse-fire', '소방당국은 화재 원인을 조사하고 있다', '서울 북부의 창고에서 불이 났다.', 'ko');
    const arabic = await story('new-port', 'افتتاح الميناء الجديد', 'وصلت السفينة الأولى أمس.', 'ar');
    const koreanPage = await searchPage(`q=${encodeURIComponent('소방당국')}`);
    assert.deepEqual(koreanPage.links, [`/world/${korean.slug}`]);
    assert.match(koreanPage.body, /<mark>소방당국<\/mark>은 화재 원인을/);
    assert.match(koreanPage.body, /<h3 class="search-result__headline" lang="ko">/, 'a Korean headline on an English page is marked as Korean');
    const arabicPage = await searchPage(`q=${encodeURIComponent('ميناء')}`);
    assert.deepEqual(arabicPage.links, [`/world/${arabic.slug}`]);
    assert.match(arabicPage.body, /افتتاح <mark>الميناء<\/mark> الجديد/);
    assert.match(arabicPage.body, /<h3 class="search-result__headline" lang="ar" dir="rtl">/, 'and an Arabic one runs right to left');
  });

  test('with no results the page says so and shows the latest stories; with some words missing, it shows partial matches', async () => {
    const none = await searchPage('q=xylophonic+quasar');
    assert.equal(none.status, 200);
    assert.match(none.body, /No articles match “xylophonic quasar”/);
    assert.match(none.body, /<h2 id="search-latest-heading" class="rule-heading">Latest stories<\/h2>/);
    assert.ok((none.body.match(/<article class="story-card">/g) ?? []).length >= 3);
    const some = await searchPage('q=quillwort+xylophonic');
    assert.equal(some.links.length, 2);
    assert.match(some.body, /No article has all of your words/);
    const blank = await searchPage('q=');
    assert.match(blank.body, /<h1[^>]*>Search<\/h1>/);
  });

  test('hostile queries get a proper page, never a 500, and the query is echoed escaped', async () => {
    const nasty = [
      '"',
      "'",
      '(',
      ')',
      '((harbour',
      'harbour)',
      '*',
      'harb*',
      'NEAR',
      'NEAR/2',
      'harbour NEAR/2 storm',
      'NEAR(harbour storm, 2)',
      'AND OR NOT',
      'harbour AND',
      'OR',
      '-harbour',
      '^harbour',
      ':',
      'headline:harbour',
      '{headline body}:harbour',
      '\\',
      '\\"',
      '%',
      '_',
      '%_%',
      "'; drop table articles; --",
      '" OR 1=1 --',
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      'harbour & !storm',
      'harbour <-> storm',
      'harbour:*',
      '😀',
      '👩‍👩‍👧 harbour',
      '\u202Eharbour',
      'har\u0000bour',
      '\u0000',
      '\u0001\u0002\u0007\u001b[31m',
      '\r\n\t',
      'a'.repeat(10_000),
      'harbour '.repeat(2_000),
      '     ',
      '!@#$%^&*()',
      '\uFFFD\uFFFF',
      'ＨＡＲＢＯＵＲ',
      '\uE000harbour\uE001',
      'تحديث الميناء',
      '港口',
      'Ærø Łódź',
    ];
    assert.ok(nasty.length >= 25);
    for (const query of nasty) {
      const response = await gazette.app.inject({ url: `/search?q=${encodeURIComponent(query)}` });
      assert.ok([200, 400].includes(response.statusCode), `${JSON.stringify(query.slice(0, 40))} answered ${response.statusCode}`);
      assert.match(response.body, /<h1/, `${JSON.stringify(query.slice(0, 40))} shows a page`);
      assert.ok(!/<script>alert|<img src=x|\bat [\w.]+ \(/.test(response.body), `${JSON.stringify(query.slice(0, 40))} leaks markup or a stack`);
      assert.ok(!response.body.includes('\u0000') && !response.body.includes('\u202E'), 'invisible characters are not echoed');
    }
    const echoed = await searchPage(`q=${encodeURIComponent('<script>alert(1)</script>')}`);
    assert.match(echoed.body, /Search results for “&lt;script&gt;alert\(1\)&lt;\/script&gt;”/);
    const long = await searchPage(`q=${'a'.repeat(10_000)}`);
    assert.match(long.body, /only its beginning was used/);
    for (const url of [
      '/search?q=a&q=b',
      '/search?q=x&page=0',
      '/search?q=x&page=abc',
      '/search?q=x&from=yesterday',
      '/search?q=%FF%FE',
      '/search?q=%ED%A0%80',
    ]) {
      const response = await gazette.app.inject({ url });
      assert.ok([200, 400].includes(response.statusCode), `${url} answered ${response.statusCode}`);
    }
  });

  test('the home page tells search engines how to search the site', async () => {
    const home = await gazette.app.inject({ url: '/' });
    const website = jsonLdBlocks(home.body).find((block) => block['@type'] === 'WebSite') as Record<string, any> | undefined;
    assert.ok(website, 'WebSite JSON-LD on the home page');
    assert.equal(website.url, 'https://news.example/');
    assert.deepEqual(website.potentialAction, {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: 'https://news.example/search?q={search_term_string}' },
      'query-input': 'required name=search_term_string',
    });
    assert.match(home.body, /<form class="site-search" role="search" action="\/search" method="get">/);
  });
});
