import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createArticle, publishArticle } from '../../src/articles/index.ts';
import { savePage } from '../../src/pages/index.ts';
import type { TestGazette } from '../helpers/test-app.ts';
import { buildTestApp, testNow } from '../helpers/test-app.ts';
import { findHtmlErrors, formatVnuMessage, type HtmlPage, javaSkipReason } from '../helpers/vnu.ts';

interface FetchedPage extends HtmlPage {
  readonly url: string;
}

async function fetchPage(gazette: TestGazette, name: string, url: string, status = 200): Promise<FetchedPage> {
  const response = await gazette.app.inject({ url });
  assert.equal(response.statusCode, status, `${name} (${url}) answered ${response.statusCode}`);
  return { name, url, html: response.body };
}

function linksIn(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
}

function nextPageLink(html: string): string | undefined {
  const link = /<a\b[^>]*\brel="next"[^>]*>/.exec(html)?.[0];
  return link && linksIn(link)[0];
}

/** The demo's lists fit on one page; twelve more stories give World a page 2 to check. */
async function fillWorldToTwoPages(gazette: TestGazette): Promise<void> {
  const deps = { db: gazette.database.db, clock: { now: () => testNow }, changes: gazette.changes };
  const world = await gazette.database.db.selectFrom('sections').select('id').where('slug', '=', 'world').executeTakeFirstOrThrow();
  for (let day = 1; day <= 12; day++) {
    const article = await createArticle(deps, { headline: `Archive story ${day}`, sectionId: world.id, authorIds: [], tagIds: [] });
    await publishArticle(deps, article.id, new Date(Date.UTC(2026, 9, day)));
  }
}

/** One page of each kind, found by following links from the home page rather than by knowing the demo's slugs. */
async function fetchReaderPages(gazette: TestGazette): Promise<{ pages: FetchedPage[]; secondPage: FetchedPage }> {
  const home = await fetchPage(gazette, 'home', '/');
  const homeLinks = linksIn(home.html);
  const sectionUrls = homeLinks.filter((href) => /^\/[\w-]+$/.test(href));
  const articleUrl = homeLinks.find((href) => /^\/[\w-]+\/[\w-]+$/.test(href));
  assert.ok(sectionUrls[0] && articleUrl, 'the home page links to no section or no article');
  const article = await fetchPage(gazette, 'article', articleUrl);
  const tagUrl = linksIn(article.html).find((href) => href.startsWith('/tag/'));
  const authorUrl = linksIn(article.html).find((href) => href.startsWith('/author/'));
  assert.ok(tagUrl && authorUrl, `the article ${articleUrl} links to no tag or no author`);
  const lists = [
    ...(await Promise.all(sectionUrls.map((url, index) => fetchPage(gazette, `section ${index + 1}`, url)))),
    await fetchPage(gazette, 'tag', tagUrl),
    await fetchPage(gazette, 'author', authorUrl),
  ];
  const notFound = await fetchPage(gazette, 'not found', '/no-such-section/no-such-article', 404);
  const badRequest = await fetchPage(gazette, 'bad request', '/world?page=abc', 400);
  const search = [
    await fetchPage(gazette, 'search results', '/search?q=archive+story&section=world&from=2026-10-01'),
    await fetchPage(gazette, 'search, no results', '/search?q=xylophonic'),
    await fetchPage(gazette, 'search form', '/search'),
  ];
  const listWithNext = lists.find((list) => nextPageLink(list.html));
  const secondPage = listWithNext && (await fetchPage(gazette, `${listWithNext.name}, page 2`, nextPageLink(listWithNext.html)!));
  assert.ok(secondPage, 'some list has a second page');
  return { pages: [home, article, lists[0]!, ...lists.slice(-2), notFound, badRequest, secondPage, ...search], secondPage };
}

/** A plain page with a sub-page, and that sub-page with its breadcrumbs. */
async function fetchPlainPages(gazette: TestGazette): Promise<FetchedPage[]> {
  const deps = { db: gazette.database.db, clock: { now: () => testNow }, changes: gazette.changes };
  const about = await savePage(deps, { parentId: null, slug: 'about', title: 'About us', bodyHtml: '<p>An independent newsroom.</p>', status: 'published' });
  await savePage(deps, { parentId: about.id, slug: 'masthead', title: 'Masthead', bodyHtml: '<ul><li>Editor: Omar Haddad</li></ul>', status: 'published' });
  return [await fetchPage(gazette, 'plain page', '/page/about'), await fetchPage(gazette, 'plain sub-page', '/page/about/masthead')];
}

/** An Arabic and a Korean article (issue 12), each marked with its own language inside the English site. */
async function fetchArticlesInOtherLanguages(gazette: TestGazette): Promise<FetchedPage[]> {
  const deps = { db: gazette.database.db, clock: { now: () => testNow }, changes: gazette.changes };
  const world = await gazette.database.db.selectFrom('sections').select('id').where('slug', '=', 'world').executeTakeFirstOrThrow();
  const stories = [
    { name: 'Arabic article', slug: 'cairo-port-opens', language: 'ar', headline: 'افتتاح ميناء القاهرة', bodyHtml: '<p>افتتح الميناء صباح اليوم.</p>' },
    {
      name: 'Korean article',
      slug: 'busan-night-cranes',
      language: 'ko',
      headline: '부산항 야간 크레인',
      bodyHtml: '<p>부산항의 크레인이 밤에도 움직인다.</p>',
    },
  ];
  const pages: FetchedPage[] = [];
  for (const { name, ...story } of stories) {
    const article = await createArticle(deps, { ...story, standfirst: story.headline, sectionId: world.id, authorIds: [], tagIds: [] });
    await publishArticle(deps, article.id, new Date(testNow.getTime() - 60_000));
    pages.push(await fetchPage(gazette, name, `/world/${story.slug}`));
  }
  return pages;
}

test('reader pages are valid HTML by the W3C Nu checker', { skip: javaSkipReason() }, async (t) => {
  const gazette = await buildTestApp();
  try {
    await fillWorldToTwoPages(gazette);
    const { pages } = await fetchReaderPages(gazette);
    pages.push(...(await fetchPlainPages(gazette)));
    pages.push(...(await fetchArticlesInOtherLanguages(gazette)));
    const errorsByPage = await findHtmlErrors(pages);
    for (const page of pages) {
      await t.test(`${page.name} (${page.url})`, () => {
        const errors = errorsByPage.get(page.name) ?? [];
        assert.equal(errors.length, 0, `${page.url} has HTML errors:\n${errors.map((error) => `  ${formatVnuMessage(error)}`).join('\n')}`);
      });
    }
  } finally {
    await gazette.close();
  }
});
