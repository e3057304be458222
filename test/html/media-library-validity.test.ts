import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { FormClient } from '../helpers/form-client.ts';
import { uploadFiles } from '../helpers/multipart.ts';
import { signInTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp } from '../helpers/test-app.ts';
import { findHtmlErrors, formatVnuMessage, javaSkipReason } from '../helpers/vnu.ts';

test('media library pages are valid HTML by the W3C Nu checker', { skip: javaSkipReason() }, async (t) => {
  const gazette = await buildTestApp();
  try {
    const browser = new FormClient(gazette.app);
    browser.setCookie('gazette_session', await signInTestOwner(gazette));
    const fixture = async (name: string) => ({ name, bytes: await readFile(new URL(`../fixtures/images/${name}`, import.meta.url)) });
    const uploaded = await uploadFiles(gazette.app, browser, [await fixture('market-iptc-only.jpg'), await fixture('drawing.svg')]);
    const editWithErrors = await (async () => {
      await browser.get('/admin/media/1');
      return browser.post('/admin/media/1', { alt: '', caption: '<b>x</b>', credit: 'x'.repeat(300) });
    })();
    assert.equal(editWithErrors.statusCode, 422);
    const deleteRefused = await browser.post('/admin/media/1/delete', {});
    assert.equal(deleteRefused.statusCode, 409);
    const pages = [
      { name: 'library', html: (await browser.get('/admin/media')).body },
      { name: 'library after an upload', html: (await browser.get(String(uploaded.headers.location))).body },
      { name: 'library with search errors', html: (await browser.get(`/admin/media?q=${'x'.repeat(300)}&type=tiff`)).body },
      { name: 'library with no match', html: (await browser.get('/admin/media?q=nothing-matches-this')).body },
      { name: 'edit page', html: (await browser.get('/admin/media/1')).body },
      { name: 'edit page with errors', html: editWithErrors.body },
      { name: 'edit page refusing to delete', html: deleteRefused.body },
    ];
    const errorsByPage = await findHtmlErrors(pages);
    for (const page of pages) {
      await t.test(page.name, () => {
        const errors = errorsByPage.get(page.name) ?? [];
        assert.equal(errors.length, 0, errors.map(formatVnuMessage).join('\n'));
      });
    }
  } finally {
    await gazette.close();
  }
});
