import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chromiumSkipReason, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';
import { signInTestOwner } from '../helpers/newsroom.ts';

/** A WordPress export big enough that importing it takes a few seconds, so the page can be seen following it. */
function wordPressExport(posts: number): Buffer {
  const items = Array.from({ length: posts }, (_, n) => {
    const id = n + 1;
    const date = new Date(Date.UTC(2020, 0, 1) + id * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    return `<item><title>Council meeting ${id}</title><link>http://old.example/${id}/</link><dc:creator><![CDATA[writer]]></dc:creator>
<content:encoded><![CDATA[The council met for the ${id}th time.\n\nIt agreed the budget.]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date_gmt>${date}</wp:post_date_gmt><wp:post_name>council-meeting-${id}</wp:post_name><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type><category domain="category" nicename="local"><![CDATA[Local]]></category></item>`;
  });
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old site</title><link>http://old.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>http://old.example</wp:base_site_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[writer]]></wp:author_login><wp:author_display_name><![CDATA[Sam Writer]]></wp:author_display_name></wp:author>
<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename><![CDATA[local]]></wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Local]]></wp:cat_name></wp:category>
${items.join('\n')}
</channel></rss>`);
}

/** Uploads an export of `posts` posts, checks it and starts the import, as an owner does; ends on the import's page. */
async function startImport(page: Page, fileName: string, posts = 300): Promise<void> {
  await page.goto(`${server.baseUrl}/admin/import`);
  await page.getByLabel('Where the export comes from').selectOption('wordpress');
  await page.getByLabel('Export file').setInputFiles({ name: fileName, mimeType: 'text/xml', buffer: wordPressExport(posts) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.getByRole('button', { name: 'Import now' }).click();
  await page.waitForURL(/\/admin\/import\/\d+$/);
}

let server: TestServer;

describe('the import page in Chromium', { skip: chromiumSkipReason() }, () => {
  let browser: Browser;
  let sessionToken: string;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer({ seed: false }), launchChromium()]);
    sessionToken = await signInTestOwner(server.gazette);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('with JavaScript the progress moves without a reload, and the outcome replaces it', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addCookies([{ name: 'gazette_session', value: sessionToken, url: `${server.baseUrl}/admin` }]);
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      // Long enough to be followed: the script asks once a second, and 300 articles were once all in before it asked.
      await startImport(page, 'export.xml', 900);
      const jobUrl = page.url();
      let selfFetches = 0;
      page.on('request', (request) => {
        if (request.resourceType() === 'fetch' && request.url() === jobUrl) selfFetches++;
      });

      // Set on this document only: a reload would lose it.
      await page.evaluate('window.followedWithoutReload = true');
      const seen = new Set<string>();
      const finished = page.getByText('Import finished.');
      // 900 new articles take a few seconds on a quiet machine and most of a minute on one running three test files at once.
      const deadline = Date.now() + 180_000;
      while (!(await finished.isVisible())) {
        assert.ok(Date.now() < deadline, 'the import finished within three minutes');
        const count = await page
          .locator('[data-import-count]')
          .textContent()
          .catch(() => null);
        if (count) seen.add(count);
        await page.waitForTimeout(100);
      }
      // How often the count moves depends on the machine's speed; that the page asked and showed a count does not.
      assert.ok(selfFetches >= 1, `the page fetched itself to follow the import (${selfFetches} times)`);
      assert.ok(
        [...seen].some((count) => /^[\d,]+ of 900$/.test(count)),
        `a count of the articles was shown (saw ${[...seen].join(' | ')})`,
      );
      assert.equal(await page.evaluate('window.followedWithoutReload'), true, 'the page was not reloaded');
      assert.equal(await page.evaluate('document.activeElement?.textContent'), 'Import finished.', 'the outcome has the focus');
      assert.match(await page.locator('table').first().innerText(), /articles\s+900/i);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('without JavaScript the page reloads itself until the import is done', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.addCookies([{ name: 'gazette_session', value: sessionToken, url: `${server.baseUrl}/admin` }]);
    try {
      const page = await context.newPage();
      await startImport(page, 'again.xml');
      await page.getByText('Import finished.').waitFor({ timeout: 60_000 });
    } finally {
      await context.close();
    }
  });
});
