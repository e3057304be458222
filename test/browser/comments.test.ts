import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { advanceClock, type CommentFields, commentOn, postedCommentId, setCommentPolicy } from '../helpers/comment-forms.ts';
import { chromiumSkipReason, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';

const articlePath = '/world/busan-terminal-remote-cranes-night-shift';
/** An article of its own for closing comments, so no other test finds them closed. */
const closingPath = '/world/nairobi-traders-shared-solar-cold-rooms';
const desktop = { width: 1366, height: 900 };

/** The form's stamp must be 3 s old; the test clock moves on instead of the test waiting. */
function letTimePass(server: TestServer): void {
  advanceClock(server.gazette, 5_000);
}

async function fillCommentForm(page: Page, values: { comment: string; name: string; email: string; website?: string }): Promise<void> {
  const form = page.locator('form.comment-form');
  await form.getByLabel(/^Comment/).fill(values.comment);
  await form.getByLabel(/^Name/).fill(values.name);
  await form
    .getByLabel(/^Email/, { exact: false })
    .first()
    .fill(values.email);
  if (values.website !== undefined) await form.getByLabel(/^Website/).fill(values.website);
}

/** Script errors and console errors on the page; a refused form is a 422 on purpose, which Chromium logs as an error. */
function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && !/status of 4\d\d/.test(message.text()) && problems.push(`${page.url()}: ${message.text()}`));
  return problems;
}

/** "4 comments" in the section's heading, as a number. */
async function commentCount(page: Page): Promise<number> {
  const heading = (await page.locator('#comments-heading').textContent()) ?? '';
  const count = /^(\d+) comments?$/.exec(heading.trim())?.[1];
  assert.ok(count, `the heading reads "${heading}"`);
  return Number(count);
}

/** The pending count beside "Comments" in the newsroom's navigation; no number when there are none. */
async function pendingBadge(page: Page): Promise<number> {
  const text = await page
    .getByRole('navigation', { name: 'Newsroom' })
    .getByRole('link', { name: /^Comments/ })
    .innerText();
  return Number(/Comments\s+(\d+)/.exec(text)?.[1] ?? 0);
}

describe('the comment section in Chromium, from reader to moderator', { skip: chromiumSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let editorSession: string;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer({ commentsPerMinute: 1000 }), launchChromium()]);
    const { gazette } = server;
    await setCommentPolicy(gazette, { moderation: 'hold-first' });
    const { user: owner } = await createTestOwner(gazette);
    editorSession = (await addTestMember(gazette, owner, 'editor', 'Eli Moreno')).sessionToken;
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Runs `body` in a browser of its own, closed afterwards whatever happens. */
  async function inBrowser<T>(options: BrowserContextOptions & { editor?: boolean }, body: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
    const { editor, ...contextOptions } = options;
    const context = await browser.newContext({ viewport: desktop, ...contextOptions });
    try {
      if (editor) await context.addCookies([{ name: 'gazette_session', value: editorSession, url: `${server.baseUrl}/admin` }]);
      return await body(await context.newPage(), context);
    } finally {
      await context.close();
    }
  }

  /** A reader's comment held for moderation, sent the way the form sends it. */
  async function pendingComment(fields: CommentFields, path = articlePath): Promise<number> {
    return postedCommentId(await commentOn(server.gazette, path, fields));
  }

  /** A reader's comment published straight away. */
  async function publishedComment(fields: CommentFields, path = articlePath): Promise<number> {
    await setCommentPolicy(server.gazette, { moderation: 'publish' });
    try {
      return await pendingComment(fields, path);
    } finally {
      await setCommentPolicy(server.gazette, { moderation: 'hold-first' });
    }
  }

  test('with JavaScript off: posted, then back at the comment with the moderation notice', async () => {
    await inBrowser({ javaScriptEnabled: false }, async (page) => {
      const problems = watchForProblems(page);
      await page.goto(`${server.baseUrl}${articlePath}`);
      letTimePass(server);
      await fillCommentForm(page, { comment: 'Posted without any script.', name: 'Noor Haddad', email: 'noor@example.com' });
      await Promise.all([page.waitForURL(/#comment-\d+$/), page.getByRole('button', { name: 'Post comment' }).click()]);
      const id = Number(/#comment-(\d+)$/.exec(page.url())![1]);
      assert.equal(new URL(page.url()).pathname, articlePath);
      const item = page.locator(`#comment-${id}`);
      assert.ok(await item.isVisible());
      assert.match(await item.innerText(), /Your comment is awaiting moderation/);
      assert.match(await item.innerText(), /Posted without any script\./);
      assert.deepEqual(problems, []);
      await inBrowser({}, async (stranger) => {
        await stranger.goto(`${server.baseUrl}${articlePath}`);
        assert.equal(await stranger.locator(`#comment-${id}`).count(), 0, 'another browser does not see it');
      });
    });
  });

  test('with JavaScript off: a refused form comes back with a message per field and the text kept', async () => {
    await inBrowser({ javaScriptEnabled: false }, async (page) => {
      const problems = watchForProblems(page);
      await page.goto(`${server.baseUrl}${articlePath}`);
      letTimePass(server);
      await fillCommentForm(page, {
        comment: 'Careful words I do not want to lose.',
        name: 'Ola Berg',
        email: 'ola@localhost',
        website: 'ftp://example.org/files',
      });
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith('/comments')),
        page.getByRole('button', { name: 'Post comment' }).click(),
      ]);
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
      // The form posts to /comments#respond; with smooth scrolling the page glides there.
      const summaryTop = await topOnceScrolledTo(page, '.error-summary');
      assert.ok(summaryTop >= 0 && summaryTop < desktop.height, `the error summary is ${Math.round(summaryTop)}px down the page, out of view`);
      assert.deepEqual(problems, []);
    });
  });

  for (const viewport of [{ width: 390, height: 844 }, desktop]) {
    test(`with JavaScript off at ${viewport.width}px: a refused form shows its errors in view, and nothing spills sideways`, async () => {
      // Reduced motion: the jump to the form is instant, and where it lands is the other test's subject.
      await inBrowser({ javaScriptEnabled: false, viewport, reducedMotion: 'reduce' }, async (page) => {
        await page.goto(`${server.baseUrl}${articlePath}`);
        letTimePass(server);
        await fillCommentForm(page, { comment: 'Text that must survive.', name: 'Pat Lee', email: 'pat@localhost', website: 'ftp://example.org/' });
        const [response] = await Promise.all([
          page.waitForResponse((candidate) => candidate.url().endsWith('/comments')),
          page.getByRole('button', { name: 'Post comment' }).click(),
        ]);
        await page.waitForLoadState();
        assert.equal(response.status(), 422);
        const summaryTop = await topOnceScrolledTo(page, '.error-summary');
        assert.ok(summaryTop >= 0 && summaryTop < viewport.height, `the error summary is ${Math.round(summaryTop)}px down the screen`);
        for (const field of ['email', 'website']) assert.ok(await page.locator(`#comment-${field}-error`).isVisible(), `the ${field} error is shown`);
        const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
        assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
        const respond = await page.locator('#respond').boundingBox();
        assert.ok(respond && respond.x >= 0 && respond.x + respond.width <= viewport.width, `the form sits within the screen: ${JSON.stringify(respond)}`);
      });
    });
  }

  test('with JavaScript on: posted in place, no navigation; errors per field with the text kept', async () => {
    await inBrowser({}, async (page) => {
      const problems = watchForProblems(page);
      let navigations = 0;
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) navigations += 1;
      });
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
      assert.equal(page.url(), url, 'the address did not change');
      assert.equal(navigations, 1, 'no reload: only the first load navigated');
      assert.match(await item.innerText(), /awaiting moderation/);
      assert.equal(await page.locator('.field__error').count(), 0, 'the old errors are gone');
      assert.equal(await page.locator('#comment-comment').inputValue(), '', 'the form is ready for another comment');
      assert.match(await page.locator('[data-comment-status]').innerText(), /awaiting moderation/);
      assert.deepEqual(problems, []);
    });
  });

  test('an editor approves a held comment in the queue, from the pending badge', async () => {
    const pendingBefore = await inBrowser({ editor: true }, async (page) => {
      await page.goto(`${server.baseUrl}/admin`);
      return pendingBadge(page);
    });
    const id = await pendingComment({ name: 'Noor Haddad', email: 'noor.badge@example.com', comment: 'Held until an editor reads it.' });
    await inBrowser({ editor: true }, async (page) => {
      const problems = watchForProblems(page);
      await page.goto(`${server.baseUrl}/admin`);
      assert.equal(await pendingBadge(page), pendingBefore + 1, 'the badge counts the new pending comment');
      await page
        .getByRole('navigation', { name: 'Newsroom' })
        .getByRole('link', { name: /^Comments/ })
        .click();
      await page.waitForURL(/\/admin\/comments/);
      const card = page.locator(`#moderation-comment-${id}`);
      assert.match(await card.innerText(), /Held until an editor reads it\./);
      assert.match(await card.innerText(), /Busan/, 'it names its article');
      await Promise.all([page.waitForURL(/done=/), card.getByRole('button', { name: /^Approve/ }).click()]);
      assert.equal(await page.locator(`#moderation-comment-${id}`).count(), 0, 'gone from the pending tab');
      assert.deepEqual(problems, []);
    });
    await inBrowser({}, async (reader) => {
      await reader.goto(`${server.baseUrl}${articlePath}`);
      assert.match(await reader.locator(`#comment-${id}`).innerText(), /Held until an editor reads it\./);
      assert.doesNotMatch(await reader.locator(`#comment-${id}`).innerText(), /awaiting moderation/);
    });
  });

  test('a reader replies with JavaScript on: Reply moves the form under the comment, the reply appears in the thread', async () => {
    const parentId = await publishedComment({ name: 'Noor Haddad', email: 'noor.parent@example.com', comment: 'A comment to reply to, with script.' });
    await inBrowser({}, async (page) => {
      const problems = watchForProblems(page);
      await page.goto(`${server.baseUrl}${articlePath}`);
      letTimePass(server);
      const parent = page.locator(`#comment-${parentId}`);
      await parent.getByRole('link', { name: /^Reply/ }).click();
      assert.equal(await parent.locator('form.comment-form').count(), 1, 'the form moved under the comment');
      assert.match(await page.locator('.comment-form__title').innerText(), /Reply to Noor Haddad/);
      assert.equal(await page.evaluate<string | undefined>('document.activeElement?.id'), 'comment-comment', 'the comment box has focus');
      await fillCommentForm(page, { comment: 'A reply to Noor, from the thread.', name: 'Sami Lind', email: 'sami@example.com' });
      await page.getByRole('button', { name: 'Post comment' }).click();
      const reply = parent.locator('ol.comment-list--replies > li.comment', { hasText: 'A reply to Noor' });
      await reply.waitFor();
      const replyId = Number((await reply.getAttribute('id'))!.replace('comment-', ''));
      assert.equal(new URL(page.url()).pathname, articlePath);
      assert.equal(await page.locator('#respond form.comment-form').count(), 1, 'the form went back to its place');
      const stored = await server.gazette.database.db.selectFrom('comments').select('parent_id').where('id', '=', replyId).executeTakeFirstOrThrow();
      assert.equal(stored.parent_id, parentId);
      assert.deepEqual(problems, []);
    });
  });

  test('a reader replies with JavaScript off, through the Reply link', async () => {
    const parentId = await publishedComment({
      name: 'Grace Mensah',
      email: 'grace@example.com',
      comment: 'The crane drivers I know are split on this.\n\nNight work was never safe.',
    });
    await inBrowser({ javaScriptEnabled: false }, async (page) => {
      const problems = watchForProblems(page);
      await page.goto(`${server.baseUrl}${articlePath}`);
      await page
        .locator(`#comment-${parentId}`)
        .getByRole('link', { name: /^Reply/ })
        .click();
      await page.waitForURL(/replyto=/);
      assert.match(await page.locator('.comment-form__title').innerText(), /Reply to Grace Mensah/);
      letTimePass(server);
      await fillCommentForm(page, { comment: 'Replying without script.', name: 'Ida Holm', email: 'ida@example.com' });
      await Promise.all([page.waitForURL(/#comment-\d+$/), page.getByRole('button', { name: 'Post comment' }).click()]);
      const id = Number(/#comment-(\d+)$/.exec(page.url())![1]);
      assert.equal(await page.locator(`#comment-${parentId} ol.comment-list--replies > #comment-${id}`).count(), 1, 'in the thread');
      assert.deepEqual(problems, []);
    });
  });

  test('an editor approves two held comments at once; the thread is published; one is then marked as spam', async () => {
    const parentId = await publishedComment({ name: 'Noor Haddad', email: 'noor.thread@example.com', comment: 'A thread that grows.' });
    const topId = await pendingComment({ name: 'Kenji Ito', email: 'kenji.bulk@example.com', comment: 'Held at the top of the page.' });
    const replyId = await pendingComment({ name: 'Sami Lind', email: 'sami.bulk@example.com', comment: 'A held reply to Noor.', parent_id: String(parentId) });
    await inBrowser({}, async (reader) => {
      await reader.goto(`${server.baseUrl}${articlePath}`);
      const shownBefore = await commentCount(reader);
      await inBrowser({ editor: true }, async (page) => {
        const problems = watchForProblems(page);
        await page.goto(`${server.baseUrl}/admin/comments?status=pending`);
        for (const id of [topId, replyId]) await page.locator(`#moderation-comment-${id} input[name="ids"]`).check();
        await page.getByLabel('With the selected comments').selectOption('approve');
        await Promise.all([page.waitForURL(/done=/), page.locator('#bulk-form').getByRole('button', { name: 'Apply' }).click()]);
        assert.match(await page.getByRole('status').innerText(), /2 comments approved/);
        assert.deepEqual(problems, []);
      });

      await reader.reload();
      assert.match(await reader.locator(`#comment-${parentId} ol.comment-list--replies > #comment-${replyId}`).innerText(), /A held reply to Noor/);
      assert.equal(await reader.locator('.comment--pending').count(), 0, 'nothing pending is shown to a stranger');
      assert.equal(await commentCount(reader), shownBefore + 2);
      assert.equal(await reader.locator(`#comment-${topId}`).count(), 1);

      await inBrowser({ editor: true }, async (page) => {
        await page.goto(`${server.baseUrl}/admin/comments?status=approved`);
        await Promise.all([page.waitForURL(/done=/), page.locator(`#moderation-comment-${topId}`).getByRole('button', { name: /^Spam/ }).click()]);
      });
      await reader.reload();
      assert.equal(await reader.locator(`#comment-${topId}`).count(), 0, 'the spam is gone from the article');
      assert.equal(await commentCount(reader), shownBefore + 1);
    });
  });

  test('the editor closes comments on an article; readers see the closed note and no form', async () => {
    const publishedId = await publishedComment({ name: 'Noor Haddad', email: 'noor.closed@example.com', comment: 'Said before comments closed.' }, closingPath);
    const slug = closingPath.split('/').pop()!;
    const { id: articleId } = await server.gazette.database.db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    await inBrowser({ editor: true }, async (page) => {
      const problems = watchForProblems(page);
      await page.goto(`${server.baseUrl}/admin/articles/${articleId}`);
      await Promise.all([page.waitForURL(/comments=closed/), page.getByRole('button', { name: 'Close comments' }).click()]);
      assert.deepEqual(problems, []);
    });
    await inBrowser({}, async (reader) => {
      await reader.goto(`${server.baseUrl}${closingPath}`);
      assert.equal(await reader.locator('#comments .comments__closed').innerText(), 'Comments are closed on this article.');
      assert.equal(await reader.locator('form.comment-form').count(), 0);
      assert.equal(await reader.locator('#comments a.comment__reply').count(), 0, 'no Reply links either');
      assert.match(await reader.locator(`#comment-${publishedId}`).innerText(), /Said before comments closed/, 'the published comments stay');
    });
  });
});

/**
 * Where an element ends up once the page has glided to it: a smooth scroll to a #fragment starts a
 * moment after load, so a page that is still right after load proves nothing. Waits up to 5 s for the
 * element to be on screen and to stay put between two looks, then gives its top either way. Polled from
 * here, since timers in a page with JavaScript off never fire.
 */
async function topOnceScrolledTo(page: Page, selector: string): Promise<number> {
  const element = page.locator(selector);
  const readTop = () => element.evaluate((node) => node.getBoundingClientRect().top);
  const screenHeight = page.viewportSize()!.height;
  const deadline = Date.now() + 5_000;
  let top = await readTop();
  while (Date.now() < deadline) {
    await page.waitForTimeout(50);
    const now = await readTop();
    if (now === top && now >= 0 && now < screenHeight) return now;
    top = now;
  }
  return top;
}
