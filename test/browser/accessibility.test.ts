import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { createArticle, publishArticle } from '../../src/articles/index.ts';
import { findViolationsInBothSchemes } from '../helpers/axe.ts';
import { chromiumSkipReason, findReaderPaths, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';
import { type TestGazette, testNow } from '../helpers/test-app.ts';

/** An Arabic and a Korean article inside the English demo site (issue 12), by their paths. */
async function publishArticlesInOtherLanguages(gazette: TestGazette): Promise<{ 'Arabic article': string; 'Korean article': string }> {
  const deps = { db: gazette.database.db, clock: { now: () => testNow }, changes: gazette.changes };
  const world = await gazette.database.db.selectFrom('sections').select('id').where('slug', '=', 'world').executeTakeFirstOrThrow();
  const base = { sectionId: world.id, authorIds: [], tagIds: [] };
  const arabic = await createArticle(deps, {
    ...base,
    slug: 'cairo-port-opens',
    language: 'ar',
    headline: 'افتتاح ميناء القاهرة',
    bodyHtml: '<p>افتتح الميناء صباح اليوم.</p>',
  });
  const korean = await createArticle(deps, {
    ...base,
    slug: 'busan-night-cranes',
    language: 'ko',
    headline: '부산항 야간 크레인',
    bodyHtml: '<p>크레인이 밤에도 움직인다.</p>',
  });
  for (const article of [arabic, korean]) await publishArticle(deps, article.id, new Date(testNow.getTime() - 60_000));
  return { 'Arabic article': '/world/cairo-port-opens', 'Korean article': '/world/busan-night-cranes' };
}

describe('reader pages pass axe-core WCAG 2.1 A and AA checks, light and dark', { skip: chromiumSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  const paths = {
    home: '/',
    section: '',
    article: '',
    search: '/search?q=harbour',
    'search, no results': '/search?q=xylophonic',
    'Arabic article': '',
    'Korean article': '',
  };

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    const page = await browser.newPage();
    Object.assign(paths, await findReaderPaths(page, server.baseUrl));
    await page.close();
    Object.assign(paths, await publishArticlesInOtherLanguages(server.gazette));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const pageName of ['home', 'section', 'article', 'search', 'search, no results', 'Arabic article', 'Korean article'] as const) {
    test(`${pageName} page, light and dark mode`, async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(`${server.baseUrl}${paths[pageName]}`, { waitUntil: 'load' });
        const violations = await findViolationsInBothSchemes(page);
        assert.equal(violations.length, 0, `${paths[pageName]}:\n${violations.join('\n')}`);
      } finally {
        await context.close();
      }
    });
  }
});
