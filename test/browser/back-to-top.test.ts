import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chromiumSkipReason, findReaderPaths, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';

const phone = { width: 390, height: 844 };
const maxTabPresses = 200;

function scrollY(page: Page): Promise<number> {
  return page.evaluate<number>('window.scrollY');
}

/**
 * Polls scrollY until it satisfies `done` or five seconds pass, since the site's CSS makes scrolling smooth.
 * Not page.waitForFunction: it evaluates its predicate in a way the site's CSP (no eval) forbids.
 */
async function waitForScroll(page: Page, done: (y: number) => boolean): Promise<number> {
  const deadline = Date.now() + 5000;
  let y = await scrollY(page);
  while (!done(y) && Date.now() < deadline) {
    await page.waitForTimeout(50);
    y = await scrollY(page);
  }
  return y;
}

async function scrollToBottom(page: Page): Promise<void> {
  await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
  const y = await waitForScroll(page, (y) => y > 500);
  assert.ok(y > 500, `the article should be long enough to scroll, scrollY is ${y}`);
}

/** Presses Tab, as a keyboard user would, until the "Back to top" link has focus. */
async function tabToBackToTop(page: Page): Promise<void> {
  for (let presses = 0; presses < maxTabPresses; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<string>(
      `document.activeElement.tagName === 'A' ? document.activeElement.textContent.trim() : ''`,
    );
    if (focused.endsWith('Back to top')) return;
  }
  assert.fail(`"Back to top" took no focus within ${maxTabPresses} presses of Tab`);
}

describe('"Back to top" on an article, on a phone', { skip: chromiumSkipReason() }, () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let articleUrl = '';

  before(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    const page = await browser.newPage();
    articleUrl = `${server.baseUrl}${(await findReaderPaths(page, server.baseUrl)).article}`;
    await page.close();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('from the keyboard, Enter takes the reader back to the top', async () => {
    const context = await browser!.newContext({ viewport: phone });
    try {
      const page = await context.newPage();
      await page.goto(articleUrl);
      await scrollToBottom(page);
      await tabToBackToTop(page);
      const yBeforeEnter = await scrollY(page);
      assert.ok(yBeforeEnter > 500, `the page should still be scrolled down, scrollY is ${yBeforeEnter}`);

      await page.keyboard.press('Enter');
      assert.equal(await waitForScroll(page, (y) => y === 0), 0);
      const focusAtTop = await page.evaluate<boolean>(`document.getElementById('top').contains(document.activeElement)`);
      assert.ok(focusAtTop, 'keyboard focus should continue from the top of the page');
    } finally {
      await context.close();
    }
  });

  test('without JavaScript it is a plain link to #top that works', async () => {
    const context = await browser!.newContext({ viewport: phone, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(articleUrl);
      const link = page.getByRole('link', { name: 'Back to top' });
      assert.equal(await link.evaluate((element) => element.tagName), 'A');
      assert.equal(await link.getAttribute('href'), '#top');

      await scrollToBottom(page);
      await link.press('Enter');
      assert.equal(await waitForScroll(page, (y) => y === 0), 0);
    } finally {
      await context.close();
    }
  });
});
