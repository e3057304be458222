import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

function describeViolation(violation: Result): string {
  const nodes = violation.nodes.map((node) => `    at ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replaceAll('\n', '\n      ')}`);
  return `  ${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.helpUrl}\n${nodes.join('\n')}`;
}

/** WCAG 2.1 A and AA violations on the page as it is now, described for a failure message. */
export async function findAccessibilityViolations(page: Page): Promise<string[]> {
  // Colours caught mid-transition are ones no reader sees at rest.
  await page.evaluate('Promise.all(document.getAnimations().map((animation) => animation.finished))');
  // Evaluated through the DevTools protocol, which the site's CSP against inline script does not cover.
  await page.evaluate(await axeSource);
  const results = await page.evaluate<AxeResults>(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(wcag21aa)} } })`);
  return results.violations.map(describeViolation);
}
