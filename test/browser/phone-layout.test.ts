import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { chromiumSkipReason, findReaderPaths, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';

interface LayoutFacts {
  readonly pageOverflow: number;
  readonly firstNavLinkLeft: number;
}

describe('reader pages on narrow phones', { skip: chromiumSkipReason() }, () => {
  let browser: Browser;
  let server: TestServer;

  before(async () => {
    [browser, server] = await Promise.all([launchChromium(), startTestServer()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of [320, 390]) {
    test(`at ${width}px nothing spills sideways and every section link can be reached`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      try {
        await page.goto(`${server.baseUrl}/`);
        const { article } = await findReaderPaths(page, server.baseUrl);
        for (const path of ['/', article]) {
          await page.goto(`${server.baseUrl}${path}`);
          const facts = await page.evaluate<LayoutFacts>(`({
            pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
            firstNavLinkLeft: document.querySelector('.site-nav a').getBoundingClientRect().left,
          })`);
          assert.ok(facts.pageOverflow <= 0, `${path} is ${facts.pageOverflow}px wider than the screen`);
          assert.ok(facts.firstNavLinkLeft >= 0, `${path}: the first section link starts off-screen at ${facts.firstNavLinkLeft}px`);
        }
      } finally {
        await page.close();
      }
    });
  }
});
