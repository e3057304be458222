import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumSkipReason, findReaderPaths, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';

/** For people to look at; nothing compares pixels. */
const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 900 } };

/** Lazy images load only near the viewport and a full-page screenshot does not scroll, so scroll first. */
async function loadLazyImages(page: Page): Promise<void> {
  const pageHeight = await page.evaluate<number>('document.documentElement.scrollHeight');
  for (let y = 0; y < pageHeight; y += page.viewportSize()!.height) {
    await page.evaluate(`window.scrollTo(0, ${y})`);
    await page.waitForTimeout(100);
  }
  await page.evaluate('Promise.all([...document.images].map((image) => image.decode().catch(() => {})))');
  await page.evaluate('window.scrollTo(0, 0)');
}

describe('full-page screenshots for review', { skip: chromiumSkipReason() }, () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const paths = { home: '/', article: '' };

  before(async () => {
    await mkdir(screenshotDir, { recursive: true });
    server = await startTestServer();
    browser = await launchChromium();
    const page = await browser.newPage();
    paths.article = (await findReaderPaths(page, server.baseUrl)).article;
    await page.close();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [device, viewport] of Object.entries(widths)) {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const pageName of ['home', 'article'] as const) {
        const file = join(screenshotDir, `${pageName}-${viewport.width}-${colorScheme}.png`);
        test(`${pageName}, ${device} ${viewport.width}px, ${colorScheme}`, async () => {
          // Reduced motion makes scrolling instant and stops "Back to top" fading out mid-screenshot.
          const context = await browser!.newContext({ viewport, colorScheme, reducedMotion: 'reduce' });
          try {
            const page = await context.newPage();
            await page.goto(`${server!.baseUrl}${paths[pageName]}`, { waitUntil: 'load' });
            await loadLazyImages(page);
            await page.screenshot({ path: file, fullPage: true });
            assert.ok((await stat(file)).size > 0, `${file} is empty`);
          } finally {
            await context.close();
          }
        });
      }
    }
  }
});
