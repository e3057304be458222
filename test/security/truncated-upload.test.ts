import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { listAllMedia } from '../../src/media/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { multipartBody, type UploadFile } from '../helpers/multipart.ts';
import { createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

let gazette: TestGazette;
let browser: FormClient;

const fixture = async (name: string): Promise<UploadFile> => ({ name, bytes: await readFile(new URL(`../fixtures/images/${name}`, import.meta.url)) });
const storedNames = async () => (await listAllMedia(gazette.database.db)).map((item) => item.originalName);

/**
 * Posts an upload whose body stops `cutBytes` before its end, as when a connection drops mid-file:
 * the last file is incomplete and the closing boundary never arrives.
 */
async function postCutOff(files: UploadFile[], options: { json: boolean; cutBytes: number }) {
  const token = /<input type="hidden" name="_csrf" value="([^"]+)"/.exec((await browser.get('/admin/media')).body)![1]!;
  const { payload, contentType } = await multipartBody(options.json ? {} : { _csrf: token }, files);
  return gazette.app.inject({
    method: 'POST',
    url: '/admin/media',
    payload: payload.subarray(0, payload.length - options.cutBytes),
    remoteAddress: browser.remoteAddress,
    headers: {
      cookie: browser.cookieHeader,
      'content-type': contentType,
      ...(options.json ? { accept: 'application/json', 'x-csrf-token': token } : {}),
    },
  });
}

before(async () => {
  gazette = await buildTestApp({ seed: false });
  browser = new FormClient(gazette.app);
  browser.setCookie('gazette_session', (await createTestOwner(gazette)).sessionToken);
});
after(() => gazette.close());

describe('an upload cut off in the middle of a file', () => {
  test('the drop zone gets a 400 with a reason code and a message, and nothing is stored', async () => {
    const photo = await fixture('square-xmp.png');
    const response = await postCutOff([{ ...photo, name: 'cut-json.png' }], { json: true, cutBytes: 400 });
    assert.equal(response.statusCode, 400, response.body.slice(0, 300));
    assert.match(String(response.headers['content-type']), /^application\/json/);
    const answer = response.json() as { added: unknown[]; refused: { name: string; reason: string; message: string }[] };
    assert.deepEqual(answer.added, []);
    assert.equal(answer.refused.length, 1);
    assert.equal(answer.refused[0]!.reason, 'incomplete');
    assert.equal(answer.refused[0]!.name, 'cut-json.png');
    assert.match(answer.refused[0]!.message, /did not arrive whole/);
    assert.deepEqual(await storedNames(), []);
  });

  test('the form without JavaScript is shown again with a 400 and says which file to send again', async () => {
    const first = await fixture('plain.gif');
    const second = await fixture('harbour-xmp-and-iptc.jpg');
    const response = await postCutOff(
      [
        { ...first, name: 'whole-first.gif' },
        { ...second, name: 'cut-second.jpg' },
      ],
      { json: false, cutBytes: 2_000 },
    );
    assert.equal(response.statusCode, 400, response.body.slice(0, 300));
    assert.match(String(response.headers['content-type']), /^text\/html/);
    assert.match(response.body, /<h1>Media library<\/h1>/, 'the library page, not an error page');
    assert.match(response.body, /<strong>cut-second\.jpg: <\/strong>[^<]*did not arrive whole/);
    assert.match(response.body, /Added 1 photo\./);
    assert.match(response.body, />whole-first\.gif</);
    assert.match(response.body, /<form[^>]+action="\/admin\/media"[^>]+enctype="multipart\/form-data"/, 'the upload form is there to try again');
    assert.deepEqual(await storedNames(), ['whole-first.gif'], 'the file that arrived whole is kept');
  });

  test('a multipart body without a boundary is a 400 with a message, not a 500', async () => {
    const token = /<input type="hidden" name="_csrf" value="([^"]+)"/.exec((await browser.get('/admin/media')).body)![1]!;
    const response = await gazette.app.inject({
      method: 'POST',
      url: '/admin/media',
      payload: 'not really multipart',
      remoteAddress: browser.remoteAddress,
      headers: { cookie: browser.cookieHeader, 'content-type': 'multipart/form-data', accept: 'application/json', 'x-csrf-token': token },
    });
    assert.equal(response.statusCode, 400, response.body.slice(0, 300));
    const answer = response.json() as { refused: { reason: string; message: string }[] };
    assert.equal(answer.refused[0]?.reason, 'incomplete');
    assert.match(answer.refused[0]?.message ?? '', /did not arrive whole/);
  });
});
