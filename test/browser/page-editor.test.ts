import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { chromiumSkipReason, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';
import { createTestOwner } from '../helpers/newsroom.ts';

describe('the pages editor in Chromium', { skip: chromiumSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let sessionToken: string;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer({ seed: false }), launchChromium()]);
    sessionToken = (await createTestOwner(server.gazette)).sessionToken;
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the article editor’s rich editor writes a page body, and the published page shows it', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    try {
      await context.addCookies([{ name: 'gazette_session', value: sessionToken, url: `${server.baseUrl}/admin` }]);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      await page.goto(`${server.baseUrl}/admin/pages`);
      await page.getByRole('link', { name: 'New page' }).click();
      const body = page.getByRole('textbox', { name: 'Body' });
      // The textarea is a textbox named Body too: wait for the editor that replaces it, which a busy machine may load late.
      await page.locator('.rich-editor__content').waitFor();
      assert.equal(await page.locator('textarea[name="bodyHtml"]').isVisible(), false, 'the textarea gives way to the editor');
      await page.getByLabel('Title').fill('How to reach us');
      await page.getByLabel('Status').selectOption('published');
      await body.click();
      await page.keyboard.type('Write to the newsroom.');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'H2 heading' }).click();
      await page.keyboard.type('Tips');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/admin\/pages\/\d+\?done=published$/);
      await page.getByRole('link', { name: 'View on the site' }).click();
      await page.waitForURL(/\/page\/how-to-reach-us$/);
      const article = page.locator('.article__body');
      assert.equal(await article.getByRole('heading', { level: 2, name: 'Tips' }).count(), 1);
      assert.equal(await article.locator('p').first().innerText(), 'Write to the newsroom.');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
