import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { advanceClock, type HostilePost, postHostileComments } from '../helpers/comment-forms.ts';
import { chromiumSkipReason, launchChromium, startTestServer, type TestServer, waitUntilTrue } from '../helpers/chromium.ts';
import { signInTestOwner } from '../helpers/newsroom.ts';
import { hostileEmails, hostileWebsites, pwnedTitle, xssPayloads } from '../fixtures/xss-payloads.ts';

const paths = { text: '/world/busan-terminal-remote-cranes-night-shift', urls: '/world/nairobi-traders-shared-solar-cold-rooms' };

/**
 * Installed before any page script: every way a payload could announce itself (a dialog, print(),
 * top.__xss()) is recorded, and so is every CSP violation. Runs through the DevTools protocol, so
 * the page's CSP does not stop it.
 */
const detector = `
  window.__cspViolations = [];
  const report = (how) => (...args) => { window.__xss(how + '(' + args.join(',') + ')'); };
  window.alert = report('alert');
  window.confirm = report('confirm');
  window.prompt = report('prompt');
  window.print = report('print');
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' ' + (event.blockedURI || '') + ' ' + (event.sample || ''));
  });
`;

interface Watch {
  readonly executed: string[];
  readonly cspReports: string[];
  readonly pageErrors: string[];
}

async function watchedContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; watch: Watch }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, ...options });
  const watch: Watch = { executed: [], cspReports: [], pageErrors: [] };
  await context.exposeFunction('__xss', (what: string) => watch.executed.push(what));
  await context.addInitScript(detector);
  context.on('page', (page) => {
    page.on('dialog', (dialog) => {
      watch.executed.push(`dialog ${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => /Content Security Policy/i.test(message.text()) && watch.cspReports.push(message.text()));
    page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  });
  return { context, watch };
}

const pointerEvents = [
  'pointerover',
  'pointerenter',
  'pointermove',
  'mouseover',
  'mouseenter',
  'mousemove',
  'pointerout',
  'pointerleave',
  'mouseout',
  'mouseleave',
];
const keyEvents = ['keydown', 'keypress', 'keyup'];
/** Real input, for what only trusted events reach (:hover and :focus-visible styles): a sample of it. */
const realHovers = 6;
const realTabs = 6;

/**
 * Does what a reader or moderator does on a long page: scrolls through all of it, hovers and focuses
 * everything in `scope`. The detector listens for effects, not for how the events were made, so every
 * element gets the events a hover and a keyboard visit send, in one round trip; a few real hovers and
 * Tab presses cover what only the browser's own input reaches. Returns how many elements it hovered.
 */
async function exercise(page: Page, scope: string): Promise<number> {
  const hoverable = `${scope} :is(.comment__card, .moderation-item, a, bdi, time)`;
  const focusable = `${scope} :is(a, button, input, textarea, select, summary, [tabindex])`;
  const hovered = await page.evaluate<number>(`(async () => {
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    // A frame at every screenful, so scroll handlers, lazy loading and intersection observers all see it.
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight * 0.75) {
      scrollTo({ top: y, behavior: 'instant' });
      await nextFrame();
    }
    const hoverable = document.querySelectorAll(${JSON.stringify(hoverable)});
    for (const element of hoverable) {
      for (const type of ${JSON.stringify(pointerEvents)}) element.dispatchEvent(new MouseEvent(type, { bubbles: true }));
    }
    for (const element of document.querySelectorAll(${JSON.stringify(focusable)})) {
      element.focus({ preventScroll: true });
      for (const type of ${JSON.stringify(keyEvents)}) element.dispatchEvent(new KeyboardEvent(type, { key: 'Tab', bubbles: true }));
      element.blur();
    }
    await nextFrame();
    return hoverable.length;
  })()`);
  const items = page.locator(hoverable);
  for (let index = 0; index < hovered; index += Math.max(1, Math.ceil(hovered / realHovers))) {
    await items
      .nth(index)
      .hover({ timeout: 2_000, force: true })
      .catch(() => {});
  }
  for (let press = 0; press < realTabs; press++) await page.keyboard.press('Tab');
  // Time for anything delayed (animations, lazy handlers, failed loads) to fire.
  await page.waitForTimeout(300);
  return hovered;
}

async function assertNothingRan(page: Page, watch: Watch, where: string): Promise<void> {
  assert.deepEqual(watch.executed, [], `script from a payload ran on ${where}`);
  assert.notEqual(await page.title(), pwnedTitle, `a payload set the title on ${where}`);
  assert.deepEqual(watch.pageErrors, [], `script errors on ${where}`);
}

describe('hostile comments never run in Chromium', { skip: chromiumSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let ownerSession: string;
  let posts: HostilePost[];

  before(async () => {
    [server, browser] = await Promise.all([startTestServer({ commentsPerMinute: 1000 }), launchChromium()]);
    posts = await postHostileComments(server.gazette, paths, { payloads: xssPayloads, websites: hostileWebsites, emails: hostileEmails });
    assert.ok(posts.filter((post) => post.status === 201).length >= 100, 'the corpus was published');
    ownerSession = await signInTestOwner(server.gazette);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the detector sees a script that runs, and the page’s CSP blocks inline script and handlers', async () => {
    const { context, watch } = await watchedContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}${paths.text}`);
      await page.evaluate(`alert('control')`);
      assert.deepEqual(watch.executed, ['alert(control)'], 'a script allowed to run is seen');
      watch.executed.length = 0;
      await page.evaluate(`(() => {
        const script = document.createElement('script');
        script.textContent = "top.__xss('inline script')";
        document.body.append(script);
        document.body.insertAdjacentHTML('beforeend', '<img src="/no-such-image" onerror="top.__xss(\\'inline handler\\')">');
        const link = document.createElement('a');
        link.href = "javascript:top.__xss('javascript URL')";
        link.textContent = 'x';
        document.body.append(link);
        link.click();
      })()`);
      // Violation reports arrive a moment later, and by then anything the CSP let through has run.
      await waitUntilTrue(
        page,
        `window.__cspViolations.filter((violation) => violation.startsWith('script-src')).length >= 3`,
        'three script-src violations reported',
      );
      assert.deepEqual(watch.executed, [], 'the CSP stopped inline script, an inline handler and a javascript: URL');
      const violations = await page.evaluate<string[]>('window.__cspViolations');
      assert.ok(violations.filter((violation) => violation.startsWith('script-src')).length >= 3, `CSP violations: ${violations.join(' | ')}`);

      // The events exercise() sends wake handlers that are allowed to run, so a payload's would be seen too.
      await page.evaluate(`(() => {
        const link = document.querySelector('#comments li.comment a');
        link.addEventListener('mouseover', () => alert('hovered'), { once: true });
        link.addEventListener('focus', () => alert('focused'), { once: true });
        link.addEventListener('keydown', () => alert('key'), { once: true });
      })()`);
      await exercise(page, '#comments');
      assert.deepEqual([...watch.executed].sort(), ['alert(focused)', 'alert(hovered)', 'alert(key)']);
    } finally {
      await context.close();
    }
  });

  for (const [name, path] of [
    ['the article with the text payloads', paths.text],
    ['the same, newest first', `${paths.text}?comments=newest`],
    ['the article with the website and email payloads', paths.urls],
  ] as const) {
    test(`${name}: scrolled, hovered and focused, nothing runs`, async () => {
      const { context, watch } = await watchedContext(browser);
      try {
        const page = await context.newPage();
        await page.goto(`${server.baseUrl}${path}`, { waitUntil: 'load' });
        const shown = await page.locator('#comments li.comment').count();
        const expected = path === paths.urls ? hostileWebsites.filter((website) => website.accepted).length + hostileEmails.length : 90;
        assert.ok(shown >= expected, `${shown} comments on the page`);
        const exercised = await exercise(page, '#comments');
        assert.ok(exercised >= shown, `${exercised} elements exercised`);
        // "Reply" moves the form with script of our own; it must not wake anything either.
        const replies = page.locator('#comments a.comment__reply');
        const replyCount = await replies.count();
        // A click event, not a pointer: the script answers the event, and a real click would first wait out a smooth scroll.
        for (let index = 0; index < Math.min(35, replyCount); index += 7) await replies.nth(index).dispatchEvent('click');
        assert.equal(await page.locator('#comments li.comment form.comment-form').count(), 1, 'Reply moved the form under a comment');
        await assertNothingRan(page, watch, path);
      } finally {
        await context.close();
      }
    });
  }

  test('without JavaScript the article shows the payloads as text', async () => {
    const { context, watch } = await watchedContext(browser, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}${paths.text}`);
      const text = await page.locator('#comments').innerText();
      assert.ok(text.includes('<script>alert(1)</script>'), 'the script tag reads as text');
      assert.ok(text.includes('<img src=x onerror=alert(1)>'));
      assert.equal(await page.locator('#comments :is(script, img, svg, math, iframe, object, embed, style, template)').count(), 0);
      assert.deepEqual(watch.executed, []);
    } finally {
      await context.close();
    }
  });

  test('the moderation queue, every tab and page, and the edit pages: nothing runs', async () => {
    const { context, watch } = await watchedContext(browser);
    try {
      await context.addCookies([{ name: 'gazette_session', value: ownerSession, url: `${server.baseUrl}/admin` }]);
      const page = await context.newPage();
      let pagesSeen = 0;
      for (const status of ['approved', 'pending', 'spam', 'trash']) {
        for (let number = 1; number <= 10; number++) {
          const response = await page.goto(`${server.baseUrl}/admin/comments?status=${status}${number > 1 ? `&page=${number}` : ''}`);
          assert.equal(response?.status(), 200);
          assert.equal(new URL(page.url()).pathname, '/admin/comments', 'signed in');
          const cards = await page.locator('[id^="moderation-comment-"]').count();
          if (cards === 0) break;
          pagesSeen += 1;
          await exercise(page, 'main');
          await assertNothingRan(page, watch, `queue ${status} page ${number}`);
          if ((await page.getByRole('link', { name: 'Older' }).count()) === 0) break;
        }
      }
      assert.ok(pagesSeen >= 3, `${pagesSeen} queue pages had comments`);
      for (const post of posts.filter((item) => item.id !== undefined).filter((_, index) => index % 10 === 0)) {
        await page.goto(`${server.baseUrl}/admin/comments/${post.id}/edit`);
        await exercise(page, 'main');
        await assertNothingRan(page, watch, `edit page of ${post.name}`);
      }
      await page.goto(`${server.baseUrl}/admin/comments?email=${encodeURIComponent(hostileEmails[0]!)}`);
      await exercise(page, 'main');
      await assertNothingRan(page, watch, 'one commenter’s comments');
    } finally {
      await context.close();
    }
  });

  test('posting payloads through the form with JavaScript on: inserted in place, refused forms shown back, nothing runs', async () => {
    // Reduced motion: each click would otherwise wait for a smooth scroll to the form to end.
    const { context, watch } = await watchedContext(browser, { reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}${paths.urls}`);
      const sample = xssPayloads.filter((payload) => [...payload.text].length <= 300).filter((_, index) => index % 9 === 0);
      for (const [index, payload] of sample.entries()) {
        advanceClock(server.gazette, 5_000);
        const shownBefore = await page.locator('#comments li.comment').count();
        await page.locator('#comment-comment').fill(payload.text);
        await page.locator('#comment-name').fill([...payload.text].slice(0, 100).join('').trim() || 'x');
        await page.locator('#comment-email').fill(`in-browser-${index}@example.com`);
        // First refused (the website), so the script shows the errors; then accepted and inserted.
        await page.locator('#comment-website').fill('ftp://example.org/');
        await page.getByRole('button', { name: 'Post comment' }).click();
        await page.locator('#comment-website-error').waitFor();
        await page.locator('#comment-website').fill('');
        await page.getByRole('button', { name: 'Post comment' }).click();
        // One more comment than before: the script inserted the new one.
        await page.locator('#comments li.comment').nth(shownBefore).waitFor({ state: 'attached' });
      }
      await exercise(page, '#comments');
      await assertNothingRan(page, watch, 'the article after posting in place');
    } finally {
      await context.close();
    }
  });
});
