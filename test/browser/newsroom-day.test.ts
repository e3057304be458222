import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { TZDate } from '@date-fns/tz';
import type { Browser, Page } from 'playwright-core';
import { issueSetupTokenIfNoUsers } from '../../src/accounts/index.ts';
import { startPublishingScheduler } from '../../src/articles/index.ts';
import { chromiumSkipReason, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/images/${name}`, import.meta.url));
const owner = { name: 'Ana Costa', email: 'ana@example.org', password: 'lantern orchard harbour seven' };

/** "2026-11-27T14:05:09" in the newsroom's time zone, a few seconds from now. */
function secondsFromNow(seconds: number, timeZone: string): string {
  const at = new TZDate(Date.now() + seconds * 1000, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
}

async function pollUntil(page: Page, url: string, pattern: RegExp, seconds: number): Promise<string> {
  const deadline = Date.now() + seconds * 1000;
  let html = '';
  while (Date.now() < deadline) {
    html = await (await page.request.get(url)).text();
    if (pattern.test(html)) return html;
    await page.waitForTimeout(500);
  }
  throw new Error(`${url} never showed ${pattern} within ${seconds} s`);
}

describe('a newsroom day, as a new user does it in Chromium', { skip: chromiumSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let stopScheduler: () => void;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer({ realClock: true }), launchChromium()]);
    const { gazette } = server;
    stopScheduler = startPublishingScheduler(
      { db: gazette.database.db, dialect: gazette.database.dialect, clock: { now: () => new Date() }, changes: gazette.changes },
      { info: () => {}, error: () => {} },
    );
  });
  after(async () => {
    stopScheduler?.();
    await browser?.close();
    await server?.close();
  });

  test('setup, sign-in, a photo with IPTC, a scheduled article, an edit with its diff, a correction, sign-out', async () => {
    const { gazette, baseUrl } = server;
    const setupToken = await issueSetupTokenIfNoUsers({ db: gazette.database.db, clock: { now: () => new Date() } });
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    // First run: the printed link, then the owner account.
    await page.goto(`${baseUrl}/admin`);
    assert.match(page.url(), /\/admin\/login\?next=%2Fadmin$/);
    await page.goto(`${baseUrl}/admin/setup?token=${setupToken}`);
    await page.getByLabel('Your name').fill(owner.name);
    await page.getByLabel('Email address').fill(owner.email);
    await page.getByLabel(/^Password \(required\)$/).fill(owner.password);
    await page.getByLabel('Password again').fill(owner.password);
    await page.getByRole('button', { name: 'Create account and sign in' }).click();
    await page.getByRole('heading', { name: 'Articles' }).waitFor();

    // Sign out and back in, as the next morning.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email address').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Articles' }).waitFor();

    // A photo whose embedded IPTC/XMP fills in its description.
    await page.goto(`${baseUrl}/admin/media`);
    await page.getByLabel('Photo files').setInputFiles([fixture('harbour-xmp-and-iptc.jpg')]);
    const added = page.locator('.upload-list__item--added');
    await added.waitFor();
    await added.getByRole('link', { name: 'Check its description' }).click();
    assert.equal(await page.getByLabel('Caption').inputValue(), 'Fishing boats return to Busan harbour at dawn.');
    assert.equal(await page.getByLabel('Credit').inputValue(), 'Harbour Photo Agency');

    // An article in the rich editor, with the new photo featured, scheduled a few seconds ahead.
    await page.goto(`${baseUrl}/admin/articles/new`);
    await page.getByLabel('Headline').fill('Fishing fleet returns early as storm nears');
    await page.getByLabel('Standfirst').fill('Boats were back in Busan before dawn.');
    await page.getByLabel('Section').selectOption({ label: 'World' });
    // The featured photo is chosen in the editor from the library's newest photos, its words filled in from the library.
    await page.getByRole('button', { name: 'Choose from the library…' }).click();
    const picker = page.getByRole('dialog', { name: 'Choose the featured photo' });
    await picker
      .getByRole('button', { name: /Fishing boats return to Busan harbour at dawn/ })
      .first()
      .click();
    await picker.getByRole('button', { name: 'Use as featured photo' }).click();
    const featuredPanel = page.getByRole('group', { name: 'Featured photo' });
    assert.equal(await featuredPanel.getByLabel('Caption').inputValue(), 'Fishing boats return to Busan harbour at dawn.');
    assert.equal(await featuredPanel.getByLabel('Credit').inputValue(), 'Harbour Photo Agency');
    await page.getByRole('textbox', { name: 'Body' }).click();
    await page.keyboard.type('Skippers turned for port at midnight.');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'H2 heading' }).click();
    await page.keyboard.type('What the coastguard said');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Shift+8');
    await page.keyboard.type('Stay in port until Friday');
    const timeZone = gazette.settings.current().timeZone;
    // Far enough ahead that a slow, busy machine still checks the 404 before the article is due.
    await page.getByLabel(/^Publish at/).fill(secondsFromNow(10, timeZone));
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.waitForURL(/\?done=scheduled$/);
    const editUrl = page.url().replace(/\?.*$/, '');
    assert.equal((await page.request.get(`${baseUrl}/world/fishing-fleet-returns-early-as-storm-nears`)).status(), 404, 'not before its time');

    // It goes live by itself, on the home page and at its own address.
    await pollUntil(page, `${baseUrl}/`, /Fishing fleet returns early as storm nears/, 30);
    await page.goto(`${baseUrl}/world/fishing-fleet-returns-early-as-storm-nears`);
    const featured = page.locator('article > figure.figure').first();
    assert.equal(await featured.locator('.figure__text').textContent(), 'Fishing boats return to Busan harbour at dawn.');
    assert.equal(await featured.locator('.figure__credit').textContent(), 'Photo: Harbour Photo Agency');
    assert.equal(await page.locator('.article__body h2').innerText(), 'What the coastguard said');

    // An edit, and the difference it made.
    await page.goto(editUrl);
    await page.getByLabel('Headline').fill('Fishing fleet returns early as the storm nears Busan');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\?done=saved$/);
    await page.getByRole('link', { name: 'Revisions' }).click();
    assert.match(await page.locator('.diff').first().innerHTML(), /<ins>the <\/ins>|<ins>the<\/ins>|<ins> Busan<\/ins>|<ins>Busan<\/ins>/);

    // A correction, dated on the article.
    await page.goto(editUrl);
    await page.getByLabel('Correction or update').selectOption('correction');
    await page.getByLabel('Note').fill('An earlier version put the fleet in Incheon.');
    await page.getByRole('button', { name: 'Add to the article' }).click();
    await page.waitForURL(/\?done=corrected$/);
    const article = await pollUntil(page, `${baseUrl}/world/fishing-fleet-returns-early-as-storm-nears`, /An earlier version put the fleet in Incheon/, 5);
    assert.match(article, /<h2 id="corrections-heading">Corrections and updates<\/h2>/);

    // Signing out ends the session.
    await page
      .getByRole('button', { name: 'Sign out' })
      .click()
      .catch(async () => {
        await page.goto(`${baseUrl}/admin`);
        await page.getByRole('button', { name: 'Sign out' }).click();
      });
    await page.goto(`${baseUrl}/admin`);
    assert.match(page.url(), /\/admin\/login/);
    assert.deepEqual(problems, []);
  });
});
