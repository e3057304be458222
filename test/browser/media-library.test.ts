import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { findViolationsInBothSchemes } from '../helpers/axe.ts';
import { chromiumSkipReason, launchChromium, startTestServer, type TestServer } from '../helpers/chromium.ts';
import { signInTestOwner } from '../helpers/newsroom.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/images/${name}`, import.meta.url));

describe('media library in Chromium', { skip: chromiumSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let sessionToken: string;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    sessionToken = await signInTestOwner(server.gazette);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedInContext(width = 1366): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    await context.addCookies([{ name: 'gazette_session', value: sessionToken, url: `${server.baseUrl}/admin` }]);
    return context;
  }

  test('upload a photo whose IPTC caption and credit appear pre-filled', async () => {
    const context = await signedInContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.baseUrl}/admin/media`);
      await page.getByText('Or drop photos on this box').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Upload' }).isVisible(), false, 'the script uploads on choosing, so no button');
      await page.getByLabel('Photo files').setInputFiles([fixture('market-iptc-only.jpg'), fixture('drawing.svg')]);
      const added = page.locator('.upload-list__item--added');
      await added.waitFor();
      assert.equal(await added.locator('progress').evaluate((bar: { value: number }) => bar.value), 100, 'the progress bar completed');
      assert.match(await added.innerText(), /Caption: Stalls at Jagalchi fish market — Busan, before opening/);
      assert.match(await added.innerText(), /Credit: Gazette Pictures/);
      const refused = page.locator('.upload-list__item--refused');
      await refused.waitFor();
      assert.match(await refused.innerText(), /SVG drawings are not accepted/);
      await added.getByRole('link', { name: 'Check its description' }).click();
      await page.waitForURL(/\/admin\/media\/\d+$/);
      assert.equal(await page.getByLabel('Caption').inputValue(), 'Stalls at Jagalchi fish market — Busan, before opening');
      assert.equal(await page.getByLabel('Credit').inputValue(), 'Gazette Pictures');
      assert.equal(await page.getByLabel('Photographer').inputValue(), 'Amara Okafor, Tomás Ruiz');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('a photo dropped on the box joins the grid and the count without a reload', async () => {
    const context = await signedInContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.baseUrl}/admin/media`);
      await page.getByText('Or drop photos on this box').waitFor();
      const count = page.locator('.media-count');
      const before = Number(/^(\d+) photos, newest first$/.exec(await count.innerText())?.[1]);
      assert.ok(before > 0, `the library counts its photos: "${await count.innerText()}"`);
      // Gone if the page reloads.
      await page.evaluate('window.sameDocument = true');

      const photo = (await readFile(fixture('harbour-xmp-and-iptc.jpg'))).toString('base64');
      await page.evaluate(`(() => {
        const bytes = Uint8Array.from(atob('${photo}'), (character) => character.charCodeAt(0));
        const dropped = new DataTransfer();
        dropped.items.add(new File([bytes], 'harbour-xmp-and-iptc.jpg', { type: 'image/jpeg' }));
        document.querySelector('form[data-media-upload]').dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }));
      })()`);
      await page.locator('.upload-list__item--added').waitFor();
      await count.filter({ hasText: `${before + 1} photos, newest first` }).waitFor();
      const newest = page.locator('.media-grid .media-card').first();
      assert.equal(await newest.locator('.media-card__name').innerText(), 'harbour-xmp-and-iptc.jpg', 'the new photo leads the grid');
      assert.equal(
        await newest.locator('img').evaluate(async (image: { decode(): Promise<void>; naturalWidth: number }) => {
          await image.decode();
          return image.naturalWidth > 0;
        }),
        true,
        'its thumbnail loads',
      );
      assert.equal(await page.evaluate<boolean>('window.sameDocument === true'), true, 'the page was not reloaded');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('without JavaScript the same form uploads and reports back', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      await context.addCookies([{ name: 'gazette_session', value: sessionToken, url: `${server.baseUrl}/admin` }]);
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/admin/media`);
      await page.getByLabel('Photo files').setInputFiles([fixture('lighthouse-xmp.webp'), fixture('truncated.jpg')]);
      await Promise.all([page.waitForResponse((response) => response.request().method() === 'POST'), page.getByRole('button', { name: 'Upload' }).click()]);
      await page.getByText(/Added 1 photo/).waitFor();
      assert.match(await page.locator('main').innerText(), /Added 1 photo[\s\S]*lighthouse-xmp\.webp[\s\S]*truncated\.jpg: This file is damaged/);
    } finally {
      await context.close();
    }
  });

  test('axe finds no WCAG 2.1 A/AA violations on the library and edit pages, light and dark mode', async () => {
    const context = await signedInContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/admin/media`);
      await page.getByLabel('Photo files').setInputFiles([fixture('square-xmp.png'), fixture('pixel-bomb.png')]);
      await page.locator('.upload-list__item--refused').waitFor();
      await page.locator('.upload-list__item--added').waitFor();
      const checks: [string, string[]][] = [['library with an upload list', await findViolationsInBothSchemes(page)]];
      await page.goto(`${server.baseUrl}/admin/media?q=${'x'.repeat(300)}&type=tiff`);
      checks.push(['library with search errors', await findViolationsInBothSchemes(page)]);
      await page.goto(`${server.baseUrl}/admin/media/1`);
      checks.push(['edit page', await findViolationsInBothSchemes(page)]);
      await page.getByLabel('Alt text').fill('');
      await page.getByLabel('Credit').fill('<b>bold</b>');
      await page.getByRole('button', { name: 'Save description' }).click();
      await page.getByText('There is a problem').waitFor();
      checks.push(['edit page with errors', await findViolationsInBothSchemes(page)]);
      await page.getByLabel('Alt text').fill('Checked in light and dark mode');
      await page.getByLabel('Credit').fill('Gazette');
      await page.getByRole('button', { name: 'Save description' }).click();
      await page.getByText('Saved. Pages showing this photo').waitFor();
      checks.push(['edit page with earlier descriptions', await findViolationsInBothSchemes(page)]);
      for (const [name, violations] of checks) assert.equal(violations.length, 0, `${name}:\n${violations.join('\n')}`);
    } finally {
      await context.close();
    }
  });

  test('at 390 px nothing is wider than the screen', async () => {
    const context = await signedInContext(390);
    try {
      const page = await context.newPage();
      for (const path of ['/admin/media', '/admin/media/1']) {
        await page.goto(`${server.baseUrl}${path}`);
        assert.equal(await page.evaluate<number>('document.documentElement.scrollWidth'), 390, path);
      }
    } finally {
      await context.close();
    }
  });
});
