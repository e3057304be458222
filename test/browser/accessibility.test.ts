import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { findViolationsInBothSchemes } from '../helpers/axe.ts';
import { chromiumSkipReason, findReaderPaths, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';

describe('reader pages pass axe-core WCAG 2.1 A and AA checks, light and dark', { skip: chromiumSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  const paths = { home: '/', section: '', article: '', search: '/search?q=harbour', 'search, no results': '/search?q=xylophonic' };

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    const page = await browser.newPage();
    Object.assign(paths, await findReaderPaths(page, server.baseUrl));
    await page.close();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const pageName of ['home', 'section', 'article', 'search', 'search, no results'] as const) {
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
