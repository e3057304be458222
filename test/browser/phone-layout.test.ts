import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkContrastNow } from '../helpers/axe.ts';
import { chromiumSkipReason, findReaderPaths, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';
import { assertCaretInClear, type CaretFacts, caretFacts } from '../helpers/caret-facts.ts';
import { createTestOwner } from '../helpers/newsroom.ts';

interface LayoutFacts {
  readonly pageOverflow: number;
  readonly firstNavLinkLeft: number;
}

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
    const focused = await page.evaluate<string>(`document.activeElement.tagName === 'A' ? document.activeElement.textContent.trim() : ''`);
    if (focused.endsWith('Back to top')) return;
  }
  assert.fail(`"Back to top" took no focus within ${maxTabPresses} presses of Tab`);
}

/**
 * Scrolls the reader far enough for the control to come in, then pauses whatever animates it on the
 * frame it starts, so the test can step through its appearance. Returns how many animations it paused,
 * or -1 when the control did not come in within 300 frames.
 */
function scrollUntilItAppearsPaused(page: Page): Promise<number> {
  return page.evaluate<number>(`(async () => {
    const control = document.querySelector('.back-to-top');
    const frameWhere = async (done) => {
      for (let frame = 0; frame < 300 && !done(); frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
      return done();
    };
    if (!(await frameWhere(() => control.classList.contains('is-settled')))) return -1;
    window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
    if (!(await frameWhere(() => control.classList.contains('is-visible')))) return -1;
    const animations = control.getAnimations();
    for (const animation of animations) animation.pause();
    return animations.length;
  })()`);
}

/** Moves the paused animations of the control to `fraction` of the way through. */
async function seekAppearance(page: Page, fraction: number): Promise<void> {
  await page.evaluate(`for (const animation of document.querySelector('.back-to-top').getAnimations()) {
    animation.currentTime = ${fraction} * animation.effect.getComputedTiming().endTime;
  }`);
}

/** Where the caret is on screen, and what covers the screen's edges: the stuck toolbar and the save bar. */
/** The button's box, and whether it is what a tap at its middle reaches, rather than something on top of it. */
async function onScreenAndUncovered(page: Page, name: string): Promise<{ top: number; bottom: number; reachable: boolean }> {
  const button = page.getByRole('button', { name, exact: true });
  const box = await button.boundingBox();
  assert.ok(box, `no "${name}" button is shown`);
  const middle = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const reachable = await page.evaluate<boolean>(
    `document.elementFromPoint(${middle.x}, ${middle.y})?.closest('button')?.textContent.trim() === ${JSON.stringify(name)}`,
  );
  return { top: box.y, bottom: box.y + box.height, reachable };
}

describe('on a phone', { skip: chromiumSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let articlePath = '';
  let articleUrl = '';
  let sessionToken = '';

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    const page = await browser.newPage();
    articlePath = (await findReaderPaths(page, server.baseUrl)).article;
    articleUrl = `${server.baseUrl}${articlePath}`;
    await page.close();
    sessionToken = (await createTestOwner(server.gazette)).sessionToken;
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  describe('reader pages on narrow phones', () => {
    for (const width of [320, 390]) {
      test(`at ${width}px nothing spills sideways and every section link can be reached`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 800 } });
        try {
          for (const path of ['/', articlePath]) {
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

  describe('"Back to top" on an article, on a phone', () => {
    test('from the keyboard, Enter takes the reader back to the top', async () => {
      const context = await browser.newContext({ viewport: phone });
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

    for (const colorScheme of ['light', 'dark'] as const) {
      test(`its text keeps its contrast at every moment of coming in, ${colorScheme} mode`, async () => {
        const context = await browser.newContext({ viewport: phone, colorScheme });
        try {
          const page = await context.newPage();
          await page.goto(articleUrl);
          assert.ok((await scrollUntilItAppearsPaused(page)) > 0, 'it comes in with an animation');
          let momentsMeasured = 0;
          for (const fraction of [0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 1]) {
            await seekAppearance(page, fraction);
            const contrast = await checkContrastNow(page, '.back-to-top');
            assert.deepEqual(contrast.violations, [], `${Math.round(fraction * 100)}% of the way in`);
            if (contrast.measured > 0) momentsMeasured += 1;
          }
          // Below the screen's edge there is nothing to measure; once on it, every moment is measured.
          assert.ok(momentsMeasured >= 5, `axe measured the control at ${momentsMeasured} of 8 moments`);
        } finally {
          await context.close();
        }
      });
    }

    test('with reduced motion it comes in without animating', async () => {
      const context = await browser.newContext({ viewport: phone, reducedMotion: 'reduce' });
      try {
        const page = await context.newPage();
        await page.goto(articleUrl);
        assert.equal(await scrollUntilItAppearsPaused(page), 0);
      } finally {
        await context.close();
      }
    });

    test('without JavaScript it is a plain link to #top that works', async () => {
      const context = await browser.newContext({ viewport: phone, javaScriptEnabled: false });
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
  describe('the article editor', () => {
    async function signedInContext(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
      const context = await browser.newContext({ viewport: phone, ...options });
      await context.addCookies([{ name: 'gazette_session', value: sessionToken, url: `${server.baseUrl}/admin` }]);
      return context;
    }

    /** The demo's first article, whose body alone makes the form several screens long. */
    async function openLongArticle(page: Page): Promise<void> {
      await page.goto(`${server.baseUrl}/admin/articles/1`);
      await page.getByRole('textbox', { name: 'Body' }).waitFor();
      const pageHeight = await page.evaluate<number>('document.documentElement.scrollHeight');
      assert.ok(pageHeight > 3 * phone.height, `the form should be several screens long, it is ${pageHeight}px`);
    }

    test('the formatting toolbar is one row at most 56px tall that scrolls sideways to its last button', async () => {
      const context = await signedInContext();
      try {
        const page = await context.newPage();
        await openLongArticle(page);
        const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
        const box = (await toolbar.boundingBox())!;
        assert.ok(box.height <= 56, `the toolbar is ${box.height}px tall`);
        assert.equal(await page.evaluate<number>('document.documentElement.scrollWidth'), phone.width, 'nothing spills sideways');

        await page.getByRole('button', { name: 'Text paragraph' }).focus();
        await page.keyboard.press('End');
        const last = page.getByRole('button', { name: 'Redo' });
        assert.equal(await page.evaluate<string>('document.activeElement.textContent'), 'Redo', 'End moves to the last button');
        const lastBox = (await last.boundingBox())!;
        assert.ok(
          lastBox.x >= box.x && lastBox.x + lastBox.width <= box.x + box.width,
          `Redo is scrolled into the toolbar: ${JSON.stringify({ lastBox, box })}`,
        );
      } finally {
        await context.close();
      }
    });

    test('the line being typed stays clear of the toolbar and of the save bar, typing at the end and moving up', async () => {
      const context = await signedInContext();
      try {
        const page = await context.newPage();
        await openLongArticle(page);
        await page.getByRole('textbox', { name: 'Body' }).click();
        await page.keyboard.press('Control+End');
        for (let line = 1; line <= 12; line++) {
          await page.keyboard.press('Enter');
          await page.keyboard.insertText(`Line ${line}: the night shift hands over to the morning crew at six, and the cranes never stop.`);
        }
        await page.keyboard.type(' Typed last.');
        const atEnd = await page.evaluate<CaretFacts>(caretFacts);
        assertCaretInClear(atEnd, 'typing at the end');

        for (let press = 1; press <= 60; press++) {
          await page.keyboard.press('ArrowUp');
          assertCaretInClear(await page.evaluate<CaretFacts>(caretFacts), `after ${press} presses of ArrowUp`);
        }
        const movedUp = await page.evaluate<CaretFacts>(caretFacts);
        assert.ok(movedUp.scrollY < atEnd.scrollY - phone.height / 2, `moving up should have scrolled the page: ${atEnd.scrollY}px, then ${movedUp.scrollY}px`);
      } finally {
        await context.close();
      }
    });

    test('on a long article Save is on screen from the start, and Unpublish is kept away from it', async () => {
      const context = await signedInContext();
      try {
        const page = await context.newPage();
        await openLongArticle(page);
        for (const fraction of [0, 0.4]) {
          await page.evaluate(`window.scrollTo(0, ${fraction} * document.documentElement.scrollHeight)`);
          const save = await onScreenAndUncovered(page, 'Save changes');
          const where = `scrolled ${fraction * 100}% down`;
          assert.ok(save.top >= 0 && save.bottom <= phone.height, `${where}, Save is at ${save.top}-${save.bottom}px on a ${phone.height}px screen`);
          assert.ok(save.reachable, `${where}, something covers Save`);
          assert.match(await page.locator('.editor-bar').innerText(), /Status: Published/, 'the bar says what state the article is in');
        }
        await page.getByRole('button', { name: 'Unpublish' }).scrollIntoViewIfNeeded();
        const save = await onScreenAndUncovered(page, 'Save changes');
        const unpublish = await onScreenAndUncovered(page, 'Unpublish');
        assert.ok(unpublish.top >= save.bottom + 16, `Unpublish (${unpublish.top}px) sits well below Save (bottom ${save.bottom}px), not beside it`);
      } finally {
        await context.close();
      }
    });

    test('without JavaScript the bar still saves and publishes: its buttons submit the form with their intents', async () => {
      const context = await signedInContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(`${server.baseUrl}/admin/articles/new`);
        await page.getByLabel('Headline').fill('Ferry timetable changes on Monday');
        await page.getByLabel('Section').selectOption({ label: 'World' });
        await page.locator('textarea[name="bodyHtml"]').fill('<p>The first ferry leaves at six.</p>');
        const save = await onScreenAndUncovered(page, 'Save draft');
        assert.ok(save.bottom <= phone.height && save.reachable, 'Save draft is on screen without scrolling');
        await page.getByRole('button', { name: 'Save draft' }).click();
        await page.waitForURL(/\/admin\/articles\/\d+\?done=saved$/);
        assert.equal(await page.getByLabel('Headline').inputValue(), 'Ferry timetable changes on Monday');

        const publish = await onScreenAndUncovered(page, 'Publish now');
        assert.ok(publish.bottom <= phone.height && publish.reachable, 'Publish now is on screen without scrolling');
        await page.getByRole('button', { name: 'Publish now' }).click();
        await page.waitForURL(/\/admin\/articles\/\d+\?done=published$/);
      } finally {
        await context.close();
      }
    });
  });
});
