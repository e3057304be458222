import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { findAccessibilityViolations } from '../helpers/axe.ts';
import { chromiumSkipReason, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';
import { createTestOwner } from '../helpers/newsroom.ts';

describe('tag suggestions in the article editor, in Chromium', { skip: chromiumSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let sessionToken: string;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    sessionToken = (await createTestOwner(server.gazette)).sessionToken;
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('typing part of a tag name offers existing tags; one is picked by keyboard, one by mouse, and a new one is created on save', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addCookies([{ name: 'gazette_session', value: sessionToken, url: `${server.baseUrl}/admin` }]);
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      await page.goto(`${server.baseUrl}/admin/articles/new`);
      await page.getByRole('textbox', { name: 'Body' }).waitFor();
      await page.getByLabel('Headline').fill('Housing costs push families to the coast');
      await page.getByLabel('Section').selectOption({ label: 'World' });

      const tags = page.getByRole('combobox', { name: 'Tags' });
      // Scoped to the suggestions: the section and photo fields are lists of options too.
      const suggestions = page.getByRole('listbox', { name: 'Existing tags' });
      await tags.click();
      await tags.pressSequentially('hou');
      const housing = suggestions.getByRole('option', { name: 'Housing', exact: true });
      await housing.waitFor();
      assert.equal(await tags.getAttribute('aria-expanded'), 'true');
      await page.getByRole('status').filter({ hasText: /existing tag/ }).waitFor();
      const violations = await findAccessibilityViolations(page);
      assert.equal(violations.length, 0, `with suggestions open:\n${violations.join('\n')}`);

      await page.keyboard.press('ArrowDown');
      assert.equal(await housing.getAttribute('aria-selected'), 'true');
      assert.equal(await tags.getAttribute('aria-activedescendant'), await housing.getAttribute('id'));
      await page.keyboard.press('Enter');
      assert.equal(await tags.inputValue(), 'Housing, ', 'Enter picks the suggestion and does not submit the form');
      assert.equal(await tags.getAttribute('aria-expanded'), 'false');
      assert.match(page.url(), /\/admin\/articles\/new$/);

      await tags.pressSequentially('CLIM');
      await suggestions.getByRole('option', { name: 'Climate', exact: true }).click();
      assert.equal(await tags.inputValue(), 'Housing, Climate, ');
      await tags.pressSequentially('hous');
      await page.getByRole('status').filter({ hasText: /No existing tag matches/ }).waitFor();
      assert.equal(await suggestions.getByRole('option').count(), 0, 'a tag already in the field is not offered again');
      await tags.press('Backspace');
      await tags.press('Backspace');
      await tags.press('Backspace');
      await tags.press('Backspace');
      await tags.pressSequentially('Coastal towns');
      await page.keyboard.press('Escape');
      assert.equal(await tags.getAttribute('aria-expanded'), 'false');

      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.waitForURL(/\/admin\/articles\/\d+\?done=saved$/);
      assert.equal(await page.getByRole('combobox', { name: 'Tags' }).inputValue(), 'Housing, Climate, Coastal towns');
      const id = Number(/\/admin\/articles\/(\d+)/.exec(page.url())![1]);
      const saved = await server.gazette.database.db
        .selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id')
        .select('tags.name').where('article_tags.article_id', '=', id).orderBy('article_tags.position').execute();
      assert.deepEqual(saved.map((row) => row.name), ['Housing', 'Climate', 'Coastal towns']);
      assert.deepEqual(problems, [], 'no script errors or CSP refusals');
    } finally {
      await context.close();
    }
  });
});
