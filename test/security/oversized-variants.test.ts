import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { warmAllVariants } from '../../src/media/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { uploadFiles } from '../helpers/multipart.ts';
import { createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

let gazette: TestGazette;
let browser: FormClient;
/** 1601 × 30000: under the 50-megapixel limit, but 1600 wide it is 29,981 tall, past what AVIF (16384) and WebP (16383) hold. */
let tallPng: Buffer;

const onePixelColour = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#3a6ea5' } })
    .png()
    .toBuffer();

/**
 * Stores an image the way earlier versions did, without today's checks: the original on disk and
 * its row in the library. Returns its storage key.
 */
async function storeWithoutChecks(app: TestGazette, storageKey: string, bytes: Buffer, size: { width: number; height: number }): Promise<string> {
  await app.mediaFiles.saveOriginal(storageKey, 'png', bytes);
  await app.database.db
    .insertInto('media')
    .values({
      storage_key: storageKey,
      original_name: `${storageKey}.png`,
      mime_type: 'image/png',
      width: size.width,
      height: size.height,
      bytes: bytes.length,
      alt: 'A blue strip',
      caption: '',
      credit: '',
      photographer: '',
      copyright: '',
      created_at: testNow.toISOString(),
    })
    .execute();
  return storageKey;
}

const mediaIdOf = async (storageKey: string) =>
  (await gazette.database.db.selectFrom('media').select('id').where('storage_key', '=', storageKey).executeTakeFirstOrThrow()).id;

before(async () => {
  tallPng = await onePixelColour(1601, 30_000);
  gazette = await buildTestApp({ seed: false });
  browser = new FormClient(gazette.app);
  browser.setCookie('gazette_session', (await createTestOwner(gazette)).sessionToken);
});
after(() => gazette.close());

describe('an image some variants of which no encoder can write', () => {
  test('is refused at upload with a message naming the limit, and nothing is stored', async () => {
    const response = await uploadFiles(gazette.app, browser, [{ name: 'tall-strip.png', bytes: tallPng }], { json: true, csrf: 'header' });
    assert.equal(response.statusCode, 422, response.body.slice(0, 300));
    const answer = response.json() as { added: unknown[]; refused: { name: string; reason: string; message: string }[] };
    assert.deepEqual(answer.added, []);
    assert.equal(answer.refused[0]?.reason, 'too-tall');
    assert.match(answer.refused[0]?.message ?? '', /more than 16,383 pixels tall/);
    assert.equal((await gazette.database.db.selectFrom('media').select('id').where('original_name', '=', 'tall-strip.png').execute()).length, 0);
  });

  test('is refused without JavaScript too, with the reason on the library page', async () => {
    const page = await uploadFiles(gazette.app, browser, [{ name: 'tall-strip-form.png', bytes: tallPng }], { csrf: 'field' });
    assert.equal(page.statusCode, 422);
    assert.match(page.body, /<strong>tall-strip-form\.png: <\/strong>This image is too tall for its width[^<]*16,383 pixels/);
  });

  test('one stored before the check: a format that cannot hold a size is answered with that size’s JPEG, never a 500', async () => {
    // Smaller than the upload's strip, to keep the test quick: 800 wide is 20,000 tall, 480 wide 12,000.
    const key = await storeWithoutChecks(gazette, 'legacy-tall-strip-0a1b2c3d4e', await onePixelColour(800, 20_000), { width: 800, height: 20_000 });
    for (const attempt of [1, 2]) {
      const avif = await gazette.app.inject({ url: `/media/${key}/800.avif` });
      assert.equal(avif.statusCode, 200, `attempt ${attempt}: ${avif.body.slice(0, 200)}`);
      assert.equal(avif.headers['content-type'], 'image/jpeg');
      assert.doesNotMatch(String(avif.headers['cache-control']), /immutable/, 'a stand-in is not kept for a year');
      assert.deepEqual(
        await sharp(avif.rawPayload)
          .metadata()
          .then((found) => [found.format, found.width, found.height]),
        ['jpeg', 800, 20_000],
      );
    }
    const webp = await gazette.app.inject({ url: `/media/${key}/800.webp` });
    assert.equal(webp.statusCode, 200);
    assert.equal(webp.headers['content-type'], 'image/jpeg');
    const smallWebp = await gazette.app.inject({ url: `/media/${key}/480.webp` });
    assert.equal(smallWebp.headers['content-type'], 'image/webp', 'sizes WebP can hold are still WebP');

    const page = (await browser.get(`/admin/media/${await mediaIdOf(key)}`)).body;
    const srcset = (type: string) => new RegExp(`<source type="${type}" srcset="([^"]*)"`).exec(page)?.[1] ?? '';
    assert.equal(srcset('image/avif'), `/media/${key}/480.avif 480w`, 'the page offers AVIF only where it can be made');
    assert.equal(srcset('image/webp'), `/media/${key}/480.webp 480w`);
    assert.match(page, new RegExp(`srcset="/media/${key}/480\\.jpg 480w, /media/${key}/800\\.jpg 800w"`));
  });

  test('a variant whose encoding fails is a 404, and is not encoded again on the next request', async () => {
    const good = await onePixelColour(600, 400);
    const key = await storeWithoutChecks(gazette, 'legacy-broken-9f8e7d6c5b', good.subarray(0, 60), { width: 600, height: 400 });
    const first = await gazette.app.inject({ url: `/media/${key}/480.avif` });
    assert.equal(first.statusCode, 404, first.body.slice(0, 200));
    assert.equal((await gazette.app.inject({ url: `/media/${key}/480.jpg` })).statusCode, 404);
    // Were it tried again, the whole original now on disk would encode; the remembered failure answers instead.
    await gazette.mediaFiles.saveOriginal(key, 'png', good);
    assert.equal((await gazette.app.inject({ url: `/media/${key}/480.avif` })).statusCode, 404);
  });
});

describe('warming every variant after start-up', () => {
  test('goes on past an image that fails, and reports each failure once', async () => {
    const app = await buildTestApp({ seed: false });
    try {
      await storeWithoutChecks(app, 'broken-first-1a2b3c4d5e', (await onePixelColour(64, 48)).subarray(0, 50), { width: 64, height: 48 });
      const fine = await storeWithoutChecks(app, 'fine-second-5e4d3c2b1a', await onePixelColour(64, 48), { width: 64, height: 48 });
      const warnings: string[] = [];
      const log = { warn: (_details: object, message: string) => void warnings.push(message) };

      assert.deepEqual(await warmAllVariants(app.database.db, app.mediaFiles, undefined, log), { made: 3, failed: 3 });
      assert.equal(warnings.length, 3, 'one line per variant that could not be made');
      for (const format of ['avif', 'webp', 'jpg']) assert.equal((await app.app.inject({ url: `/media/${fine}/64.${format}` })).statusCode, 200, format);

      assert.deepEqual(await warmAllVariants(app.database.db, app.mediaFiles, undefined, log), { made: 3, failed: 3 });
      assert.equal(warnings.length, 3, 'a failure already reported is not reported again');
    } finally {
      await app.close();
    }
  });
});
