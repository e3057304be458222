import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { findViolationsInBothSchemes } from '../helpers/axe.ts';
import { chromiumSkipReason, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';

describe('the API reference at /api/docs, in a browser', { skip: chromiumSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('passes axe-core WCAG 2.1 A and AA, light and dark, and the CSP refuses nothing on it', async () => {
    // axe needs the page's JavaScript on to run; the page has none of its own either way.
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => refused.push(message.text()));
    const response = await page.goto(`${server.baseUrl}/api/docs`);
    assert.equal(response?.status(), 200);
    assert.deepEqual(await findViolationsInBothSchemes(page), []);
    // The CSP reports anything it blocks to the console: an inline style or a script from elsewhere.
    assert.deepEqual(refused, []);
    await context.close();
  });

  test('with JavaScript off, the contents lead to each operation', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/api/docs`);
    const contents = page.getByRole('navigation', { name: 'Contents' });
    const first = contents.locator('a[href^="#op-"]').first();
    const target = String(await first.getAttribute('href'));
    await first.click();
    assert.equal(new URL(page.url()).hash, target);
    assert.ok((await page.locator(`${target}:target`).count()) === 1, `${target} is not the target after the click`);
    await context.close();
  });

  test('fits a phone screen: long paths and JSON scroll in their own box, not the page', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/api/docs`);
    assert.ok((await page.locator('pre.api-code').count()) > 0, 'the page shows no example');
    assert.equal(await page.evaluate<number>('document.documentElement.scrollWidth'), 360);
    await context.close();
  });
});
