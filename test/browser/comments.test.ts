import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { advanceClock, commentOn, postedCommentId, setCommentPolicy } from '../helpers/comment-forms.ts';
import { chromiumSkipReason, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';

/** The folder test/browser/screenshots.test.ts writes to: for people to look at, nothing compares pixels. */
const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const articlePath = '/world/busan-terminal-remote-cranes-night-shift';

/** The form's stamp must be 3 s old; the test clock moves on instead of the test waiting. */
function letTimePass(server: TestServer): void {
  advanceClock(server.gazette, 5_000);
}

async function fillCommentForm(page: Page, values: { comment: string; name: string; email: string; website?: string }): Promise<void> {
  const form = page.locator('form.comment-form');
  await form.getByLabel(/^Comment/).fill(values.comment);
  await form.getByLabel(/^Name/).fill(values.name);
  await form.getByLabel(/^Email/, { exact: false }).first().fill(values.email);
  if (values.website !== undefined) await form.getByLabel(/^Website/).fill(values.website);
}

describe('the comment section in Chromium, from reader to moderator', { skip: chromiumSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let editorContext: BrowserContext;
  const problems: string[] = [];
  /** A published reader comment seeded before the tests, so there is something to reply to. */
  let seededId = 0;
  let noJsId = 0;
  let jsId = 0;
  let replyId = 0;
  let articleId = 0;

  const watch = (page: Page) => {
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
    // A refused form is a 422 on purpose; Chromium logs every 4xx answer as a console error.
    page.on('console', (message) => message.type() === 'error' && !/status of 4\d\d/.test(message.text()) && problems.push(`${page.url()}: ${message.text()}`));
  };

  before(async () => {
    await mkdir(screenshotDir, { recursive: true });
    [server, browser] = await Promise.all([startTestServer({ commentsPerMinute: 1000 }), launchChromium()]);
    const { gazette } = server;
    await setCommentPolicy(gazette, { moderation: 'publish' });
    seededId = postedCommentId(await commentOn(gazette, articlePath, { name: 'Grace Mensah', email: 'grace@example.com', comment: 'The crane drivers I know are split on this.\n\nNight work was never safe.' }));
    await setCommentPolicy(gazette, { moderation: 'hold-first' });
    articleId = (await gazette.database.db.selectFrom('articles').select('id').where('slug', '=', articlePath.split('/').pop()!).executeTakeFirstOrThrow()).id;
    const { user: owner } = await createTestOwner(gazette);
    const { sessionToken } = await addTestMember(gazette, owner, 'editor', 'Eli Moreno');
    editorContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await editorContext.addCookies([{ name: 'gazette_session', value: sessionToken, url: `${server.baseUrl}/admin` }]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('with JavaScript off: posted, then back at the comment with the moderation notice', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
    try {
      const page = await context.newPage();
      watch(page);
      await page.goto(`${server.baseUrl}${articlePath}`);
      letTimePass(server);
      await fillCommentForm(page, { comment: 'Posted without any script.', name: 'Noor Haddad', email: 'noor@example.com' });
      await Promise.all([page.waitForURL(/#comment-\d+$/), page.getByRole('button', { name: 'Post comment' }).click()]);
      noJsId = Number(/#comment-(\d+)$/.exec(page.url())![1]);
      assert.equal(new URL(page.url()).pathname, articlePath);
      const item = page.locator(`#comment-${noJsId}`);
      assert.ok(await item.isVisible());
      assert.match(await item.innerText(), /Your comment is awaiting moderation/);
      assert.match(await item.innerText(), /Posted without any script\./);
      // Another browser does not see it.
      const stranger = await browser.newPage();
      await stranger.goto(`${server.baseUrl}${articlePath}`);
      assert.equal(await stranger.locator(`#comment-${noJsId}`).count(), 0);
      await stranger.close();
    } finally {
      await context.close();
    }
  });

  test('with JavaScript off: a refused form comes back with a message per field and the text kept', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
    try {
      const page = await context.newPage();
      watch(page);
      await page.goto(`${server.baseUrl}${articlePath}`);
      letTimePass(server);
      await fillCommentForm(page, { comment: 'Careful words I do not want to lose.', name: 'Ola Berg', email: 'ola@localhost', website: 'ftp://example.org/files' });
      const [response] = await Promise.all([page.waitForResponse((candidate) => candidate.url().endsWith('/comments')), page.getByRole('button', { name: 'Post comment' }).click()]);
      await page.waitForLoadState();
      assert.equal(response.status(), 422);
      assert.match(await page.locator('#comment-email-error').innerText(), /email address/i);
      assert.match(await page.locator('#comment-website-error').innerText(), /http/);
      assert.equal(await page.locator('#comment-comment').inputValue(), 'Careful words I do not want to lose.');
      assert.equal(await page.locator('#comment-name').inputValue(), 'Ola Berg');
      assert.equal(await page.locator('#comment-website').inputValue(), 'ftp://example.org/files');
      assert.equal(await page.locator('#comment-email').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('#comment-email').getAttribute('aria-describedby'), 'comment-email-error');
      // The answer is the whole article: the reader must land at the form, not at the headline three screens above it.
      // The form posts to /comments#respond; with smooth scrolling the page glides there, so wait for it to settle.
      const summaryTop = await settledTop(page, '.error-summary');
      assert.ok(summaryTop >= 0 && summaryTop < 900, `the error summary is ${Math.round(summaryTop)}px down the page, out of view`);
    } finally {
      await context.close();
    }
  });

  test('with JavaScript on: posted in place, no navigation; errors per field with the text kept', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    try {
      const page = await context.newPage();
      watch(page);
      let navigations = 0;
      page.on('framenavigated', (frame) => frame === page.mainFrame() && (navigations += 1));
      await page.goto(`${server.baseUrl}${articlePath}`);
      const url = page.url();
      letTimePass(server);

      // Refused first: each field says why, and nothing typed is lost.
      await fillCommentForm(page, { comment: 'Posted with the script on.', name: 'Kenji Ito', email: 'kenji@localhost', website: 'ftp://example.org/' });
      await page.getByRole('button', { name: 'Post comment' }).click();
      await page.locator('#comment-email-error').waitFor();
      assert.match(await page.locator('#comment-email-error').innerText(), /email address/i);
      assert.match(await page.locator('#comment-website-error').innerText(), /http/);
      assert.equal(await page.locator('#comment-comment').inputValue(), 'Posted with the script on.');
      assert.equal(await page.locator('#comment-email').getAttribute('aria-invalid'), 'true');

      // Corrected and sent again, still on the same page.
      await page.locator('#comment-email').fill('kenji@example.com');
      await page.locator('#comment-website').fill('');
      await page.getByRole('button', { name: 'Post comment' }).click();
      const item = page.locator('li.comment', { hasText: 'Posted with the script on.' });
      await item.waitFor();
      jsId = Number((await item.getAttribute('id'))!.replace('comment-', ''));
      assert.equal(page.url(), url, 'the address did not change');
      assert.equal(navigations, 1, 'no reload: only the first load navigated');
      assert.match(await item.innerText(), /awaiting moderation/);
      assert.equal(await page.locator('.field__error').count(), 0, 'the old errors are gone');
      assert.equal(await page.locator('#comment-comment').inputValue(), '', 'the form is ready for another comment');
      assert.match(await page.locator('[data-comment-status]').innerText(), /awaiting moderation/);
    } finally {
      await context.close();
    }
  });

  test('an editor approves the JavaScript-off comment in the queue, from the pending badge', async () => {
    const page = await editorContext.newPage();
    watch(page);
    await page.goto(`${server.baseUrl}/admin`);
    const navLink = page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: /^Comments/ });
    assert.match(await navLink.innerText(), /Comments\s+2/, 'the badge counts the two pending comments');
    await navLink.click();
    await page.waitForURL(/\/admin\/comments/);
    const card = page.locator(`#moderation-comment-${noJsId}`);
    assert.match(await card.innerText(), /Posted without any script\./);
    assert.match(await card.innerText(), /Busan/, 'it names its article');
    await Promise.all([page.waitForURL(/done=/), card.getByRole('button', { name: /^Approve/ }).click()]);
    assert.equal(await page.locator(`#moderation-comment-${noJsId}`).count(), 0, 'gone from the pending tab');
    await page.close();
    const reader = await browser.newPage();
    await reader.goto(`${server.baseUrl}${articlePath}`);
    assert.match(await reader.locator(`#comment-${noJsId}`).innerText(), /Posted without any script\./);
    assert.doesNotMatch(await reader.locator(`#comment-${noJsId}`).innerText(), /awaiting moderation/);
    await reader.close();
  });

  test('a reader replies with JavaScript on: Reply moves the form under the comment, the reply appears in the thread', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    try {
      const page = await context.newPage();
      watch(page);
      await page.goto(`${server.baseUrl}${articlePath}`);
      letTimePass(server);
      const parent = page.locator(`#comment-${noJsId}`);
      await parent.getByRole('link', { name: /^Reply/ }).click();
      assert.equal(await parent.locator('form.comment-form').count(), 1, 'the form moved under the comment');
      assert.match(await page.locator('.comment-form__title').innerText(), /Reply to Noor Haddad/);
      assert.equal(await page.evaluate<string | undefined>('document.activeElement?.id'), 'comment-comment', 'the comment box has focus');
      await fillCommentForm(page, { comment: 'A reply to Noor, from the thread.', name: 'Sami Lind', email: 'sami@example.com' });
      await page.getByRole('button', { name: 'Post comment' }).click();
      const reply = parent.locator('ol.comment-list--replies > li.comment', { hasText: 'A reply to Noor' });
      await reply.waitFor();
      replyId = Number((await reply.getAttribute('id'))!.replace('comment-', ''));
      assert.equal(new URL(page.url()).pathname, articlePath);
      assert.equal(await page.locator('#respond form.comment-form').count(), 1, 'the form went back to its place');
      const stored = await server.gazette.database.db.selectFrom('comments').select('parent_id').where('id', '=', replyId).executeTakeFirstOrThrow();
      assert.equal(stored.parent_id, noJsId);
    } finally {
      await context.close();
    }
  });

  test('a reader replies with JavaScript off, through the Reply link', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
    try {
      const page = await context.newPage();
      watch(page);
      await page.goto(`${server.baseUrl}${articlePath}`);
      await page.locator(`#comment-${seededId}`).getByRole('link', { name: /^Reply/ }).click();
      await page.waitForURL(/replyto=/);
      assert.match(await page.locator('.comment-form__title').innerText(), /Reply to Grace Mensah/);
      letTimePass(server);
      await fillCommentForm(page, { comment: 'Replying without script.', name: 'Ida Holm', email: 'ida@example.com' });
      await Promise.all([page.waitForURL(/#comment-\d+$/), page.getByRole('button', { name: 'Post comment' }).click()]);
      const id = Number(/#comment-(\d+)$/.exec(page.url())![1]);
      assert.equal(await page.locator(`#comment-${seededId} ol.comment-list--replies > #comment-${id}`).count(), 1, 'in the thread');
    } finally {
      await context.close();
    }
  });

  test('the editor approves the rest at once; the thread is published; one is then marked as spam', async () => {
    const page = await editorContext.newPage();
    watch(page);
    await page.goto(`${server.baseUrl}/admin/comments?status=pending`);
    for (const id of [jsId, replyId]) await page.locator(`#moderation-comment-${id} input[name="ids"]`).check();
    await page.getByLabel('With the selected comments').selectOption('approve');
    await Promise.all([page.waitForURL(/done=/), page.locator('#bulk-form').getByRole('button', { name: 'Apply' }).click()]);
    assert.match(await page.getByRole('status').innerText(), /2 comments approved/);

    const reader = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await reader.goto(`${server.baseUrl}${articlePath}`);
    const thread = reader.locator(`#comment-${noJsId}`);
    assert.match(await thread.locator(`ol.comment-list--replies > #comment-${replyId}`).innerText(), /A reply to Noor/);
    assert.equal(await reader.locator('.comment--pending').count(), 0, 'nothing pending is shown to a stranger');
    assert.equal(await reader.locator('#comments-heading').textContent(), '4 comments');
    assert.equal(await reader.locator(`#comment-${jsId}`).count(), 1);

    for (const [name, viewport] of [['390', { width: 390, height: 844 }], ['1366', { width: 1366, height: 900 }]] as const) {
      await reader.setViewportSize(viewport);
      const file = join(screenshotDir, `comments-thread-${name}-light.png`);
      await reader.locator('#comments').screenshot({ path: file });
      assert.ok((await stat(file)).size > 0);
    }

    await page.goto(`${server.baseUrl}/admin/comments?status=approved`);
    await Promise.all([page.waitForURL(/done=/), page.locator(`#moderation-comment-${jsId}`).getByRole('button', { name: /^Spam/ }).click()]);
    await reader.reload();
    assert.equal(await reader.locator(`#comment-${jsId}`).count(), 0, 'the spam is gone from the article');
    assert.equal(await reader.locator('#comments-heading').textContent(), '3 comments');
    await reader.close();
    await page.close();
  });

  test('screenshots of the form with its errors, at 390px and 1366px', async () => {
    for (const [name, viewport] of [['390', { width: 390, height: 844 }], ['1366', { width: 1366, height: 900 }]] as const) {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport, reducedMotion: 'reduce' });
      try {
        const page = await context.newPage();
        await page.goto(`${server.baseUrl}${articlePath}`);
        letTimePass(server);
        await fillCommentForm(page, { comment: 'Text that must survive.', name: 'Pat Lee', email: 'pat@localhost', website: 'ftp://example.org/' });
        await Promise.all([page.waitForResponse((candidate) => candidate.url().endsWith('/comments')), page.getByRole('button', { name: 'Post comment' }).click()]);
        await page.waitForLoadState();
        const file = join(screenshotDir, `comments-form-errors-${name}-light.png`);
        await page.locator('#respond').screenshot({ path: file });
        assert.ok((await stat(file)).size > 0);
      } finally {
        await context.close();
      }
    }
  });

  test('the editor closes comments on the article; readers see the closed note and no form', async () => {
    const page = await editorContext.newPage();
    watch(page);
    await page.goto(`${server.baseUrl}/admin/articles/${articleId}`);
    await Promise.all([page.waitForURL(/comments=closed/), page.getByRole('button', { name: 'Close comments' }).click()]);
    const reader = await browser.newPage();
    await reader.goto(`${server.baseUrl}${articlePath}`);
    assert.equal(await reader.locator('#comments .comments__closed').innerText(), 'Comments are closed on this article.');
    assert.equal(await reader.locator('form.comment-form').count(), 0);
    assert.equal(await reader.locator('#comments a.comment__reply').count(), 0, 'no Reply links either');
    assert.match(await reader.locator(`#comment-${noJsId}`).innerText(), /Posted without any script/, 'the published comments stay');
    await reader.close();
    await page.close();
  });

  test('no script errors along the way', () => {
    assert.deepEqual(problems, []);
  });
});

/** Where an element ends up once scrolling stops (smooth scrolling animates a jump to a #fragment). */
async function settledTop(page: import('playwright-core').Page, selector: string): Promise<number> {
  let previous = Number.NaN;
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const top = await page.locator(selector).evaluate((element) => element.getBoundingClientRect().top);
    if (top === previous) return top;
    previous = top;
    await page.waitForTimeout(100);
  }
  return previous;
}
