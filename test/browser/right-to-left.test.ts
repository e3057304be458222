import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createArticle, publishArticle } from '../../src/articles/index.ts';
import { storeForeignComment } from '../../src/comments/index.ts';
import { findSectionBySlug } from '../../src/sections/index.ts';
import { chromiumSkipReason, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';
import { createTestOwner } from '../helpers/newsroom.ts';
import { testNow } from '../helpers/test-app.ts';

// Issue 12: an Arabic article was left-aligned, its punctuation on the wrong side. Here a real browser
// lays out the pages: direction comes from the markup, and the stylesheet's logical sides mirror.

interface Layout {
  readonly direction: string;
  readonly wordBreak: string;
  readonly borderLeft: string;
  readonly borderRight: string;
  /** Between the element's left edge and its text's, in CSS pixels; and the same on the right. */
  readonly textLeftGap: number;
  readonly textRightGap: number;
}

/** Where `selector`'s first match sits, and the styles that decide which side its text and rules are on. */
function layoutOf(page: Page, selector: string): Promise<Layout> {
  return page.evaluate<Layout>(`(() => {
    const element = document.querySelector(${JSON.stringify(selector)});
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(element);
    const text = range.getBoundingClientRect();
    return {
      direction: style.direction,
      wordBreak: style.wordBreak,
      borderLeft: style.borderLeftWidth,
      borderRight: style.borderRightWidth,
      textLeftGap: text.left - box.left,
      textRightGap: box.right - text.right,
    };
  })()`);
}

describe('right-to-left articles in a browser', { skip: chromiumSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let arabicArticleId: number;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    const { db } = server.gazette.database;
    const deps = { db, clock: { now: () => testNow }, changes: server.gazette.changes };
    const world = (await findSectionBySlug(db, 'world'))!;
    const base = { sectionId: world.id, authorIds: [], tagIds: [] };
    const arabic = await createArticle(deps, {
      ...base,
      headline: 'افتتاح ميناء القاهرة',
      slug: 'cairo-port-opens',
      language: 'ar',
      bodyHtml: '<p>افتتح الميناء صباح اليوم.</p><blockquote><p>نحن جاهزون.</p></blockquote><ul><li>السفن</li></ul>',
    });
    const korean = await createArticle(deps, {
      ...base,
      headline: '부산항 야간 크레인',
      slug: 'busan-night-cranes',
      language: 'ko',
      bodyHtml: '<p>부산항의 크레인이 밤에도 움직인다.</p>',
    });
    arabicArticleId = arabic.id;
    for (const article of [arabic, korean]) await publishArticle(deps, article.id, new Date(testNow.getTime() - 60_000));
    const comment = { articleId: arabic.id, status: 'approved', email: '', website: '', createdAt: testNow, ipAddress: null } as const;
    const { id: parentId } = await storeForeignComment(db, { ...comment, parentId: null, name: 'Salma', bodyHtml: '<p>مقال رائع، شكراً.</p>' });
    await storeForeignComment(db, { ...comment, parentId, name: 'Omar', bodyHtml: '<p>أوافقك الرأي.</p>' });
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('in an English site, an Arabic article reads from the right while the site around it reads from the left', async () => {
    await page.goto(`${server.baseUrl}/world/cairo-port-opens`);
    const paragraph = await layoutOf(page, '.article__body p');
    assert.equal(paragraph.direction, 'rtl');
    assert.ok(paragraph.textRightGap < 1 && paragraph.textLeftGap > 100, `the paragraph's text starts at the right: ${JSON.stringify(paragraph)}`);
    const quote = await layoutOf(page, '.article__body blockquote');
    assert.deepEqual([quote.borderRight, quote.borderLeft], ['4px', '0px'], 'a quote is ruled on its starting side, the right');
    assert.equal((await layoutOf(page, '.article__headline')).direction, 'rtl');
    assert.equal((await layoutOf(page, '.site-nav')).direction, 'ltr', 'the site’s navigation stays left to right');
    const comments = await layoutOf(page, '.comments');
    assert.equal(comments.direction, 'rtl', 'the comment section is in the article’s language, as its words are (issue 12, every language)');
    const arabicComment = await layoutOf(page, '.comment__body p');
    assert.equal(arabicComment.direction, 'rtl', 'an Arabic comment still reads from the right');
    assert.ok(arabicComment.textRightGap < 1, `the comment's text starts at the right: ${JSON.stringify(arabicComment)}`);
  });

  test('a Korean article reads from the left and wraps between words', async () => {
    await page.goto(`${server.baseUrl}/world/busan-night-cranes`);
    const paragraph = await layoutOf(page, '.article__body p');
    assert.equal(paragraph.direction, 'ltr');
    assert.equal(paragraph.wordBreak, 'keep-all');
  });

  test('in a site whose own language is Arabic, the whole page mirrors, reply threads included', async () => {
    await server.gazette.settings.update({ language: 'ar' });
    try {
      await page.goto(`${server.baseUrl}/world/cairo-port-opens`);
      assert.equal((await layoutOf(page, '.site-nav')).direction, 'rtl');
      const replies = await layoutOf(page, '.comment-list--replies');
      assert.equal(replies.direction, 'rtl');
      assert.deepEqual([replies.borderRight, replies.borderLeft], ['2px', '0px'], 'replies are indented from the right');
    } finally {
      await server.gazette.settings.update({ language: 'en-GB' });
    }
  });

  test('in a newsroom whose site is Arabic, the article editor mirrors: its side column on the left, and nothing wider than a phone', async () => {
    const { sessionToken } = await createTestOwner(server.gazette);
    await server.gazette.settings.update({ language: 'ar' });
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    try {
      await context.addCookies([{ name: 'gazette_session', value: sessionToken, url: `${server.baseUrl}/admin` }]);
      const editor = await context.newPage();
      await editor.goto(`${server.baseUrl}/admin/articles/${arabicArticleId}`);
      await editor.locator('.rich-editor__content blockquote').waitFor();
      assert.equal(await editor.locator('html').getAttribute('dir'), 'rtl');
      const writing = (await editor.locator('.editor-main').boundingBox())!;
      const side = (await editor.locator('.editor-side').boundingBox())!;
      assert.ok(side.x + side.width <= writing.x, `the side column is left of the writing: ${JSON.stringify({ side, writing })}`);
      const quote = await layoutOf(editor, '.rich-editor__content blockquote');
      assert.deepEqual([quote.borderRight, quote.borderLeft], ['4px', '0px'], 'a quote being written is ruled on the right');

      await editor.setViewportSize({ width: 390, height: 844 });
      // The toolbar's one row scrolls inside itself; anything else past an edge of the screen spills.
      const spilling = await editor.evaluate<string[]>(`(() => {
        const width = document.documentElement.clientWidth;
        const outside = [...document.body.querySelectorAll('*')].filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && (box.left < -1 || box.right > width + 1) && !element.closest('.rich-toolbar, .visually-hidden');
        });
        return [document.documentElement.scrollWidth > width ? 'the page scrolls sideways' : '', ...outside.map((element) => element.tagName + '.' + element.className)].filter(Boolean);
      })()`);
      assert.deepEqual(spilling, [], 'nothing spills past the sides of a phone');
    } finally {
      await context.close();
      await server.gazette.settings.update({ language: 'en-GB' });
    }
  });
});
