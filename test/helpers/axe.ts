import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const stillWithinMs = 5_000;
const axeWithinMs = 30_000;

function describeViolation(violation: Result): string {
  const nodes = violation.nodes.map((node) => `    at ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replaceAll('\n', '\n      ')}`);
  return `  ${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.helpUrl}\n${nodes.join('\n')}`;
}

/**
 * Evaluates an expression that waits on the page's timers, failing after `ms` rather than hanging the
 * run: timers never fire in a page with JavaScript off, and a stuck axe would otherwise stop the suite.
 */
async function evaluateWithin<T>(page: Page, expression: string, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish on ${page.url()} within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([page.evaluate<T>(expression), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits until nothing on the page moves: no finite animation or transition running, the scroll position
 * the same two frames apart and, when the address names a #fragment, the page scrolled to it. A page
 * that is still right after load proves little: the smooth scroll to a fragment starts a moment later,
 * and the transitions it sets off (the floating "Back to top") only when it passes a script's threshold.
 */
export async function waitForStillPage(page: Page): Promise<void> {
  const moving = await evaluateWithin<string[]>(
    page,
    `(async () => {
    const deadline = performance.now() + ${stillWithinMs};
    const timeLeft = () => new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - performance.now())));
    // A timer as well as a frame: a page the browser stops painting must not hang the test.
    const nextFrame = () => new Promise((resolve) => { requestAnimationFrame(resolve); setTimeout(resolve, 100); });
    const moving = () => document.getAnimations().filter((animation) =>
      animation.playState === 'running' && animation.effect?.getComputedTiming().endTime !== Infinity);
    const target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    const atFragment = () => {
      if (!target || scrollY >= document.documentElement.scrollHeight - innerHeight - 1) return true;
      return Math.abs(target.getBoundingClientRect().top - parseFloat(getComputedStyle(target).scrollMarginTop)) <= 1;
    };
    let lastPosition;
    while (performance.now() < deadline) {
      await Promise.race([Promise.all(moving().map((animation) => animation.finished.catch(() => {}))), timeLeft()]);
      await nextFrame();
      await nextFrame();
      const position = scrollX + ',' + scrollY;
      if (position === lastPosition && moving().length === 0 && atFragment()) return [];
      lastPosition = position;
    }
    return ['scrolled to ' + scrollX + ',' + scrollY + (atFragment() ? '' : ', short of ' + location.hash), ...moving().map((animation) =>
      (animation.transitionProperty ?? animation.animationName ?? 'animation') + ' on ' + (animation.effect?.target?.className ?? '?'))];
  })()`,
    stillWithinMs + 5_000,
    'waiting for the page to be still',
  );
  if (moving.length > 0) throw new Error(`${page.url()} was still moving after ${stillWithinMs / 1000} s: ${moving.join(', ')}`);
}

async function runAxe(page: Page, context: string, options: RunOptions): Promise<AxeResults> {
  // Evaluated through the DevTools protocol, which the site's CSP against inline script does not cover;
  // once per document, since each check of the same page can reuse it.
  if (!(await page.evaluate<boolean>(`typeof axe === 'object'`))) await page.evaluate(await axeSource);
  return evaluateWithin<AxeResults>(page, `axe.run(${context}, ${JSON.stringify(options)})`, axeWithinMs, 'axe');
}

/** WCAG 2.1 A and AA violations on the page once it is still, described for a failure message. */
export async function findAccessibilityViolations(page: Page): Promise<string[]> {
  // Colours caught mid-transition are ones no reader sees at rest, and which frame axe caught would vary by run.
  await waitForStillPage(page);
  // Only violations are reported in full: building the details of every pass would double axe's time.
  const results = await runAxe(page, 'document', { runOnly: { type: 'tag', values: wcag21aa }, resultTypes: ['violations'] });
  return results.violations.map(describeViolation);
}

/**
 * Colour contrast of the elements matching `selector` exactly as they are drawn at this moment, paused
 * animations included, and how many of them axe could measure (so "no violations" cannot mean "not looked at").
 */
export async function checkContrastNow(page: Page, selector: string): Promise<{ violations: string[]; measured: number }> {
  const results = await runAxe(page, JSON.stringify({ include: [selector] }), { runOnly: { type: 'rule', values: ['color-contrast'] } });
  return { violations: results.violations.map(describeViolation), measured: results.passes.reduce((sum, rule) => sum + rule.nodes.length, 0) };
}

/**
 * WCAG 2.1 A and AA violations in light and then dark mode, each prefixed with its mode. The page is
 * loaded once: no script reads the colour scheme, so switching it changes the colours and nothing else.
 */
export async function findViolationsInBothSchemes(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    if (!(await page.evaluate<boolean>(`matchMedia('(prefers-color-scheme: ${colorScheme})').matches`))) throw new Error(`${colorScheme} mode did not take`);
    found.push(...(await findAccessibilityViolations(page)).map((violation) => `${colorScheme} mode:\n${violation}`));
  }
  return found;
}
