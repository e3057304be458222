// `npm run screenshots`: pictures of the reader site and the comment section for people to look at.
// Nothing compares pixels, so this is not part of `npm test`; the layout facts worth a failure
// (nothing wider than the screen, errors in view) are asserted in phone-layout and comments tests.
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { advanceClock, seedCommentThread } from '../helpers/comment-forms.ts';
import { chromiumSkipReason, findReaderPaths, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';

const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const commentsPath = '/world/busan-terminal-remote-cranes-night-shift';
const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 900 } };
const colorSchemes = ['light', 'dark'] as const;

/** One picture: where it goes and how to get the page there. */
interface Shot {
  readonly file: string;
  readonly context: BrowserContextOptions;
  /** Brings `page` to what the picture shows and saves it at `path`. */
  take(page: Page, path: string): Promise<void>;
}

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

function plan(server: TestServer, articlePath: string): Shot[] {
  const shots: Shot[] = [];
  for (const viewport of Object.values(viewports)) {
    for (const colorScheme of colorSchemes) {
      // Reduced motion makes scrolling instant and keeps "Back to top" from moving mid-picture.
      const context = { viewport, colorScheme, reducedMotion: 'reduce' } as const;
      for (const [name, path] of [
        ['home', '/'],
        ['article', articlePath],
      ] as const) {
        shots.push({
          file: `${name}-${viewport.width}-${colorScheme}.png`,
          context,
          take: async (page, file) => {
            await page.goto(`${server.baseUrl}${path}`, { waitUntil: 'load' });
            await loadLazyImages(page);
            await page.screenshot({ path: file, fullPage: true });
          },
        });
      }
      shots.push({
        file: `comments-thread-${viewport.width}-${colorScheme}.png`,
        context,
        take: async (page, file) => {
          await page.goto(`${server.baseUrl}${commentsPath}`);
          await page.locator('#comments').screenshot({ path: file });
        },
      });
      shots.push({
        file: `comments-form-errors-${viewport.width}-${colorScheme}.png`,
        context: { ...context, javaScriptEnabled: false },
        take: async (page, file) => {
          await page.goto(`${server.baseUrl}${commentsPath}`);
          advanceClock(server.gazette, 5_000);
          await page.locator('#comment-comment').fill('Text that must survive.');
          await page.locator('#comment-name').fill('Pat Lee');
          await page.locator('#comment-email').fill('pat@localhost');
          await page.locator('#comment-website').fill('ftp://example.org/');
          await Promise.all([
            page.waitForResponse((response) => response.url().endsWith('/comments')),
            page.getByRole('button', { name: 'Post comment' }).click(),
          ]);
          await page.waitForLoadState();
          await page.locator('#respond').screenshot({ path: file });
        },
      });
    }
  }
  return shots;
}

async function takeScreenshots(): Promise<number> {
  const skipReason = chromiumSkipReason();
  if (skipReason) {
    console.error(skipReason);
    return 1;
  }
  await mkdir(screenshotDir, { recursive: true });
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const failed: string[] = [];
  try {
    [server, browser] = await Promise.all([startTestServer({ commentsPerMinute: 1000 }), launchChromium()]);
    await seedCommentThread(server.gazette, commentsPath);
    const finder = await browser.newPage();
    const { article } = await findReaderPaths(finder, server.baseUrl);
    await finder.close();
    const shots = plan(server, article);
    for (const [index, shot] of shots.entries()) {
      const context = await browser.newContext(shot.context);
      try {
        await shot.take(await context.newPage(), join(screenshotDir, shot.file));
        console.log(`[${index + 1}/${shots.length}] ${shot.file}`);
      } catch (error) {
        failed.push(shot.file);
        console.error(`[${index + 1}/${shots.length}] ${shot.file} failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await context.close();
      }
    }
    console.log(
      `${shots.length - failed.length} of ${shots.length} screenshots in ${relative(process.cwd(), screenshotDir) || '.'}${failed.length ? `; failed: ${failed.join(', ')}` : ''}`,
    );
    return failed.length === 0 ? 0 : 1;
  } finally {
    await browser?.close();
    await server?.close();
  }
}

process.exitCode = await takeScreenshots();
