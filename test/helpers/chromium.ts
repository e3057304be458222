import { accessSync, constants } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildTestApp, type TestGazette } from './test-app.ts';
import { skipOrFailWithoutTool } from './required-tools.ts';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Debian's Chromium: browser tests never download a browser of their own. Its headless shell when
 * installed (apt-get install -y chromium-headless-shell, the build Playwright itself uses for headless
 * runs): the same Blink and V8 without the full browser around them, so the same pages and scripts for
 * about a quarter less CPU (comments.test.ts: 15.3 s of user time against 21.3 s), and Chromium is most
 * of what the browser tests cost. GAZETTE_TEST_CHROMIUM names another browser to use instead, e.g.
 * /usr/bin/chromium for the full one.
 */
export const chromiumPath =
  process.env.GAZETTE_TEST_CHROMIUM || (isExecutable('/usr/bin/chromium-headless-shell') ? '/usr/bin/chromium-headless-shell' : '/usr/bin/chromium');

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumSkipReason(): string | undefined {
  if (isExecutable(chromiumPath)) return undefined;
  return skipOrFailWithoutTool(`Chromium not found at ${chromiumPath}; install it with apt-get install -y chromium chromium-headless-shell`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    // No sandbox because tests may run as root in a container; the rest keeps the browser from calling home.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface TestServer {
  readonly baseUrl: string;
  readonly gazette: TestGazette;
  close(): Promise<void>;
}

/** The seeded demo newsroom on a real port, for a real browser. */
export async function startTestServer(options: Parameters<typeof buildTestApp>[0] = {}): Promise<TestServer> {
  const gazette = await buildTestApp(options);
  try {
    await gazette.app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await gazette.close();
    throw error;
  }
  const { port } = gazette.app.server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, gazette, close: () => gazette.close() };
}

/** Paths of a section and an article, found the way a reader finds them: from the home page's links. */
export async function findReaderPaths(page: Page, baseUrl: string): Promise<{ section: string; article: string }> {
  await page.goto(baseUrl);
  const section = await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').first().getAttribute('href');
  const article = await page.locator('main article :is(h2, h3) a').first().getAttribute('href');
  if (!section || !article) throw new Error('The home page links to no section or no article');
  return { section, article };
}

/**
 * Polls `expression` in the page until it is true, failing with `what` after `ms`. Not page.waitForFunction:
 * it evaluates its predicate in a way the site's CSP (no eval) forbids. Polled from here, so it also works
 * with JavaScript off, where the page's own timers never fire.
 */
export async function waitUntilTrue(page: Page, expression: string, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s`);
    await page.waitForTimeout(50);
  }
}
