import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { TestContext } from 'node:test';
import { skipOrFailWithoutTool } from './required-tools.ts';

/** The npm package's export is the path of the jar, as a String object. */
const vnuJarPath = String(createRequire(import.meta.url)('vnu-jar'));

/** One page to check: a name to report it by, and its markup. */
export interface HtmlPage {
  readonly name: string;
  readonly html: string;
}

/** A message of the W3C Nu checker's JSON output. */
export interface VnuMessage {
  readonly type: string;
  readonly subType?: string;
  readonly url?: string;
  readonly message: string;
  readonly extract?: string;
  readonly firstLine?: number;
  readonly lastLine?: number;
  readonly firstColumn?: number;
  readonly lastColumn?: number;
}

/** Why the HTML checks cannot run here, or undefined when they can. */
export function javaSkipReason(): string | undefined {
  const java = spawnSync('java', ['-version'], { stdio: 'ignore' });
  return java.error ? skipOrFailWithoutTool('Java not found on PATH; install it with apt-get install -y default-jre-headless') : undefined;
}

/**
 * Checks all pages in one run of the Nu checker, because starting its JVM takes longer than checking a
 * page. Returns each page's errors by name; warnings and info are left out.
 */
export async function findHtmlErrors(pages: readonly HtmlPage[]): Promise<Map<string, VnuMessage[]>> {
  const dir = await mkdtemp(join(tmpdir(), 'gazette-vnu-'));
  try {
    const files = pages.map((_page, index) => join(dir, `page-${index}.html`));
    await Promise.all(pages.map((page, index) => writeFile(files[index]!, page.html)));
    const messages = await runVnu(files);
    const errors = new Map(pages.map((page): [string, VnuMessage[]] => [page.name, []]));
    for (const message of messages) {
      if (message.type !== 'error' && message.type !== 'non-document-error') continue;
      const page = pages[files.findIndex((file) => message.url?.endsWith(`/${basename(file)}`))];
      if (page) errors.get(page.name)!.push(message);
      else throw new Error(`The Nu checker failed: ${formatVnuMessage(message)}`);
    }
    return errors;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A check lasts seconds, too short for the JVM's optimising compiler to pay back its cost: the quick
 * compiler alone halves the checker's CPU time, with the same report. Its code needs a deeper stack
 * than the default for the checker's schema (too shallow, it says so and gives no JSON, failing the test).
 */
const jvmOptions = ['-XX:TieredStopAtLevel=1', '-Xss8m'];

function runVnu(files: readonly string[]): Promise<VnuMessage[]> {
  const args = [...jvmOptions, '-jar', vnuJarPath, '--format', 'json', '--stdout', ...files];
  return new Promise((resolve, reject) => {
    // The checker exits with 1 whenever it found an error, so the exit code alone means nothing.
    execFile('java', args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      try {
        resolve((JSON.parse(stdout) as { messages: VnuMessage[] }).messages);
      } catch {
        reject(new Error(`The Nu checker gave no JSON report: ${stderr || error?.message}`));
      }
    });
  });
}

/** "line 12, column 5-9: message" and the marked-up extract, for a failing test's output. */
export function formatVnuMessage(message: VnuMessage): string {
  const columns = message.firstColumn === undefined ? `${message.lastColumn}` : `${message.firstColumn}-${message.lastColumn}`;
  const where = message.lastLine === undefined ? '' : `line ${message.lastLine}, column ${columns}: `;
  const extract = message.extract ? `\n      ${JSON.stringify(message.extract)}` : '';
  return `${where}${message.message}${extract}`;
}

/** Checks `pages` in one run of the Nu checker, then gives each page a subtest of `t` that fails with its errors. */
export async function testEachPageIsValid(t: TestContext, pages: readonly HtmlPage[]): Promise<void> {
  const errorsByPage = await findHtmlErrors(pages);
  for (const page of pages) {
    await t.test(page.name, () => {
      const errors = errorsByPage.get(page.name) ?? [];
      assert.equal(errors.length, 0, errors.map(formatVnuMessage).join('\n'));
    });
  }
}
