import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { FormClient } from '../helpers/form-client.ts';
import { multipartBody, uploadFiles } from '../helpers/multipart.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp } from '../helpers/test-app.ts';
import { javaSkipReason, testEachPageIsValid } from '../helpers/vnu.ts';

test('media library pages are valid HTML by the W3C Nu checker', { skip: javaSkipReason() }, async (t) => {
  const gazette = await buildTestApp();
  try {
    const browser = new FormClient(gazette.app);
    const owner = await createTestOwner(gazette);
    browser.setCookie('gazette_session', owner.sessionToken);
    const contributor = new FormClient(gazette.app);
    contributor.setCookie('gazette_session', (await addTestMember(gazette, owner.user, 'contributor', 'Valid contributor')).sessionToken);
    const fixture = async (name: string) => ({ name, bytes: await readFile(new URL(`../fixtures/images/${name}`, import.meta.url)) });
    const uploaded = await uploadFiles(gazette.app, browser, [await fixture('market-iptc-only.jpg'), await fixture('drawing.svg')]);
    const editWithErrors = await (async () => {
      await browser.get('/admin/media/1');
      return browser.post('/admin/media/1', { alt: '', caption: '<b>x</b>', credit: 'x'.repeat(300) });
    })();
    assert.equal(editWithErrors.statusCode, 422);
    const deleteRefused = await browser.post('/admin/media/1/delete', {});
    assert.equal(deleteRefused.statusCode, 409);
    await browser.get('/admin/media/2');
    assert.equal((await browser.post('/admin/media/2', { alt: 'Changed alt', caption: 'Changed caption', credit: '' })).statusCode, 303);
    await contributor.get('/admin/media/1');
    const describeRefused = await contributor.post('/admin/media/1', { alt: 'x' });
    assert.equal(describeRefused.statusCode, 403);
    const token = /name="_csrf" value="([^"]+)"/.exec((await browser.get('/admin/media')).body)![1]!;
    const { payload, contentType } = await multipartBody({ _csrf: token }, [await fixture('harbour-xmp-and-iptc.jpg')]);
    const cutShort = await gazette.app.inject({
      method: 'POST',
      url: '/admin/media',
      payload: payload.subarray(0, payload.length - 1000),
      remoteAddress: browser.remoteAddress,
      headers: { cookie: browser.cookieHeader, 'content-type': contentType },
    });
    assert.equal(cutShort.statusCode, 400);
    const pages = [
      { name: 'library', html: (await browser.get('/admin/media')).body },
      { name: 'library after an upload', html: uploaded.body },
      { name: 'library with search errors', html: (await browser.get(`/admin/media?q=${'x'.repeat(300)}&type=tiff`)).body },
      { name: 'library with no match', html: (await browser.get('/admin/media?q=nothing-matches-this')).body },
      { name: 'edit page', html: (await browser.get('/admin/media/1')).body },
      { name: 'edit page with errors', html: editWithErrors.body },
      { name: 'edit page refusing to delete', html: deleteRefused.body },
      { name: 'edit page with earlier descriptions', html: (await browser.get('/admin/media/2')).body },
      { name: 'edit page the viewer may not change', html: (await contributor.get('/admin/media/1')).body },
      { name: 'edit page refusing a change', html: describeRefused.body },
      { name: 'library after an upload cut short', html: cutShort.body },
    ];
    await testEachPageIsValid(t, pages);
  } finally {
    await gazette.close();
  }
});
