import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findViolationsInBothSchemes } from '../helpers/axe.ts';
import { advanceClock, seedCommentThread } from '../helpers/comment-forms.ts';
import { chromiumSkipReason, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';
import { FormClient } from '../helpers/form-client.ts';
import { signInTestOwner } from '../helpers/newsroom.ts';

const articlePath = '/world/busan-terminal-remote-cranes-night-shift';
/** Published on 2026-11-10: its comments closed by age. */
const closedPath = '/culture/mountain-village-choir-records-old-songs';

async function assertNoViolations(page: Page, where: string): Promise<void> {
  const violations = await findViolationsInBothSchemes(page);
  assert.equal(violations.length, 0, `${where}:\n${violations.join('\n')}`);
}

/** Fills the form with values the server refuses (the browser's own checks let them through). */
async function fillRefusedForm(page: Page, server: TestServer): Promise<void> {
  advanceClock(server.gazette, 5_000);
  await page.locator('#comment-comment').fill('Words kept after a refusal.');
  await page.locator('#comment-name').fill('Rafa Gil');
  await page.locator('#comment-email').fill('rafa@localhost');
  await page.locator('#comment-website').fill('ftp://example.org/');
}

describe('comment pages pass axe-core WCAG 2.1 A and AA checks, light and dark', { skip: chromiumSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let sessionToken: string;
  let seeded: Awaited<ReturnType<typeof seedCommentThread>>;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer({ commentsPerMinute: 1000 }), launchChromium()]);
    seeded = await seedCommentThread(server.gazette, articlePath);
    sessionToken = await signInTestOwner(server.gazette);
    // A staff reply, so the badge is checked too.
    const staff = new FormClient(server.gazette.app);
    staff.setCookie('gazette_session', sessionToken);
    await staff.get(`/admin/comments/${seeded.other}/edit`);
    assert.equal((await staff.post(`/admin/comments/${seeded.other}/reply`, { reply: 'Thank you; we have asked the port for figures.' })).statusCode, 303);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const withContext = async (options: { signedIn?: boolean; cookie?: string }, body: (page: Page) => Promise<void>) => {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    try {
      if (options.signedIn) await context.addCookies([{ name: 'gazette_session', value: sessionToken, url: `${server.baseUrl}/admin` }]);
      if (options.cookie) {
        const [name, value] = options.cookie.split('=') as [string, string];
        await context.addCookies([{ name, value, url: server.baseUrl }]);
      }
      await body(await context.newPage());
    } finally {
      await context.close();
    }
  };

  test("article with threaded comments, a staff reply and the reader's own pending comment, light and dark mode", async () => {
    await withContext({ cookie: seeded.pendingCookie }, async (page) => {
      await page.goto(`${server.baseUrl}${articlePath}`);
      assert.equal(await page.locator(`#comment-${seeded.deepest}`).count(), 1);
      assert.equal(await page.locator('.comment--staff').count(), 1);
      assert.equal(await page.locator(`#comment-${seeded.pending}.comment--pending`).count(), 1);
      await assertNoViolations(page, `${articlePath} with comments`);
    });
  });

  test('a refused form as the server renders it (no-script path), light and dark mode', async () => {
    // axe needs script in the page, so the form is sent natively, past comments.js, as a browser without script sends it.
    await withContext({}, async (page) => {
      await page.goto(`${server.baseUrl}${articlePath}`);
      await fillRefusedForm(page, server);
      const answered = page.waitForResponse((response) => response.url().endsWith('/comments'));
      await Promise.all([
        page.waitForURL(/\/comments(#respond)?$/, { waitUntil: 'load' }),
        page.evaluate(`HTMLFormElement.prototype.submit.call(document.querySelector('form.comment-form'))`).catch(() => {}),
      ]);
      assert.equal((await answered).status(), 422);
      assert.equal(await page.locator('.field__error').count(), 2);
      assert.equal(await page.locator('.error-summary').count(), 1);
      await assertNoViolations(page, 'refused form, no script');
    });
  });

  test('a refused form with JavaScript (errors shown by the script), light and dark mode', async () => {
    await withContext({}, async (page) => {
      await page.goto(`${server.baseUrl}${articlePath}`);
      await fillRefusedForm(page, server);
      await page.getByRole('button', { name: 'Post comment' }).click();
      await page.locator('#comment-website-error').waitFor();
      await assertNoViolations(page, 'refused form, script');
    });
  });

  test('the reply form open under a comment, light and dark mode', async () => {
    await withContext({}, async (page) => {
      await page.goto(`${server.baseUrl}${articlePath}`);
      await page
        .locator(`#comment-${seeded.top}`)
        .getByRole('link', { name: /^Reply/ })
        .first()
        .click();
      assert.equal(await page.locator(`#comment-${seeded.top} form.comment-form`).count(), 1);
      await assertNoViolations(page, 'reply form moved by the script');
      await page.goto(`${server.baseUrl}${articlePath}?replyto=${seeded.reply}`);
      await assertNoViolations(page, 'reply form without script (?replyto=)');
    });
  });

  test('an article whose comments are closed, light and dark mode', async () => {
    await withContext({}, async (page) => {
      await page.goto(`${server.baseUrl}${closedPath}`);
      assert.equal(await page.locator('.comments__closed').count(), 1);
      await assertNoViolations(page, closedPath);
    });
  });

  const moderationPages = [
    { name: 'pending tab', path: () => '/admin/comments?status=pending', fewestCards: 1 },
    { name: 'approved tab', path: () => '/admin/comments?status=approved', fewestCards: 1 },
    { name: 'one commenter', path: () => '/admin/comments?email=aiko%40example.com', fewestCards: 0 },
    { name: 'edit and reply', path: () => `/admin/comments/${seeded.top}/edit`, fewestCards: 0 },
  ];
  for (const { name, path, fewestCards } of moderationPages) {
    test(`moderation, ${name}, light and dark mode`, async () => {
      await withContext({ signedIn: true }, async (page) => {
        const response = await page.goto(`${server.baseUrl}${path()}`);
        assert.equal(response?.status(), 200);
        assert.equal(new URL(page.url()).pathname, new URL(path(), server.baseUrl).pathname, 'not sent to sign in');
        const cards = await page.locator('[id^="moderation-comment-"]').count();
        assert.ok(cards >= fewestCards, `${cards} comments listed`);
        await assertNoViolations(page, path());
      });
    });
  }
});
