import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkContrastNow } from '../helpers/axe.ts';
import { chromiumSkipReason, findReaderPaths, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';

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

describe('reader pages on a phone', { skip: chromiumSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let articlePath = '';
  let articleUrl = '';

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    const page = await browser.newPage();
    articlePath = (await findReaderPaths(page, server.baseUrl)).article;
    articleUrl = `${server.baseUrl}${articlePath}`;
    await page.close();
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
});
