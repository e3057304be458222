import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { AxeResults, Result } from 'axe-core';
import type { Browser } from 'playwright-core';
import { chromiumSkipReason, findReaderPaths, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';

const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const axeSourcePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

function describeViolation(violation: Result): string {
  const nodes = violation.nodes.map((node) => `    at ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replaceAll('\n', '\n      ')}`);
  return `  ${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.helpUrl}\n${nodes.join('\n')}`;
}

describe('reader pages pass axe-core WCAG 2.1 A and AA checks', { skip: chromiumSkipReason() }, () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let axeSource = '';
  const paths = { home: '/', section: '', article: '', search: '/search?q=harbour', 'search, no results': '/search?q=xylophonic' };

  before(async () => {
    axeSource = await readFile(axeSourcePath, 'utf8');
    server = await startTestServer();
    browser = await launchChromium();
    const page = await browser.newPage();
    Object.assign(paths, await findReaderPaths(page, server.baseUrl));
    await page.close();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const pageName of ['home', 'section', 'article', 'search', 'search, no results'] as const) {
      test(`${pageName} page, ${colorScheme} mode`, async () => {
        const context = await browser!.newContext({ viewport: { width: 1366, height: 900 }, colorScheme });
        try {
          const page = await context.newPage();
          await page.goto(`${server!.baseUrl}${paths[pageName]}`, { waitUntil: 'load' });
          // Colours caught mid-transition are ones no reader sees at rest, and which frame axe caught would vary by run.
          await page.evaluate('Promise.all(document.getAnimations().map((animation) => animation.finished))');
          // Evaluated through the DevTools protocol, which the site's CSP against inline script does not cover.
          await page.evaluate(axeSource);
          const results = await page.evaluate<AxeResults>(
            `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(wcag21aa)} } })`,
          );
          assert.equal(
            results.violations.length,
            0,
            `${paths[pageName]} in ${colorScheme} mode:\n${results.violations.map(describeViolation).join('\n')}`,
          );
        } finally {
          await context.close();
        }
      });
    }
  }
});
