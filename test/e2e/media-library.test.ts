import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import exifr from 'exifr';
import sharp from 'sharp';
import type { User } from '../../src/accounts/index.ts';
import { listAllMedia } from '../../src/media/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { uploadFiles, type UploadFile } from '../helpers/multipart.ts';
import { createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

let gazette: TestGazette;
let owner: { user: User; sessionToken: string };
let asOwner: FormClient;

const fixture = async (name: string): Promise<UploadFile> => ({ name, bytes: await readFile(new URL(`../fixtures/images/${name}`, import.meta.url)) });
const countMedia = async () => (await listAllMedia(gazette.database.db)).length;

interface UploadAnswer {
  added: {
    id: number;
    originalName: string;
    mimeType: string;
    alt: string;
    caption: string;
    credit: string;
    photographer: string;
    copyright: string;
    editUrl: string;
    thumbnailUrl: string;
  }[];
  refused: { name: string; reason: string; message: string }[];
}

async function uploadJson(files: UploadFile[]): Promise<{ status: number; answer: UploadAnswer }> {
  const response = await uploadFiles(gazette.app, asOwner, files, { json: true, csrf: 'header' });
  return { status: response.statusCode, answer: response.json() as UploadAnswer };
}

before(async () => {
  gazette = await buildTestApp();
  owner = await createTestOwner(gazette);
  asOwner = new FormClient(gazette.app);
  asOwner.setCookie('gazette_session', owner.sessionToken);
});
after(() => gazette.close());

describe('uploading each kind of file', () => {
  const accepted: [string, string, Partial<UploadAnswer['added'][number]>][] = [
    [
      'harbour-xmp-and-iptc.jpg',
      'image/jpeg',
      { caption: 'Fishing boats return to Busan harbour at dawn.', credit: 'Harbour Photo Agency', alt: 'Three blue fishing boats tied up at a concrete pier' },
    ],
    [
      'market-iptc-only.jpg',
      'image/jpeg',
      { caption: 'Stalls at Jagalchi fish market — Busan, before opening', credit: 'Gazette Pictures', photographer: 'Amara Okafor, Tomás Ruiz', alt: '' },
    ],
    ['cafe-latin1-iptc.jpg', 'image/jpeg', { caption: 'Café terrace in Zürich', credit: 'Agence Genève' }],
    ['square-xmp.png', 'image/png', { caption: 'A yellow square on a blue ground.', copyright: 'CC BY 4.0' }],
    ['lighthouse-xmp.webp', 'image/webp', { caption: 'Lighthouse at Cape Point in fog.', credit: 'Coastal Images' }],
    ['dunes-xmp.avif', 'image/avif', { caption: 'Dunes at Sossusvlei after rain.', photographer: 'Tomás Ruiz' }],
    ['plain.gif', 'image/gif', { caption: '', credit: '', alt: '' }],
  ];
  for (const [name, mimeType, expected] of accepted) {
    test(`${name} is added as ${mimeType} with its description read from the file`, async () => {
      const { status, answer } = await uploadJson([await fixture(name)]);
      assert.equal(status, 200);
      assert.deepEqual(answer.refused, []);
      const [item] = answer.added;
      assert.equal(item?.mimeType, mimeType);
      for (const [field, value] of Object.entries(expected)) assert.equal(item?.[field as keyof typeof item], value, field);
      assert.deepEqual(
        Object.keys(item!).sort(),
        ['alt', 'caption', 'copyright', 'credit', 'editUrl', 'height', 'id', 'mimeType', 'originalName', 'photographer', 'thumbnailUrl', 'width'],
        'only public fields',
      );
      assert.equal((await gazette.app.inject({ url: item!.thumbnailUrl })).statusCode, 200, 'its thumbnail can be made');
    });
  }

  const refused: [string, () => Promise<UploadFile>, string, RegExp][] = [
    ['an SVG drawing', () => fixture('drawing.svg'), 'svg', /SVG drawings are not accepted/],
    ['a truncated JPEG', () => fixture('truncated.jpg'), 'damaged', /damaged or incomplete/],
    ['a pixel bomb (16000 × 16000 in 51 KB)', () => fixture('pixel-bomb.png'), 'too-many-pixels', /more than 50 megapixels/],
    [
      'a text file named .jpg',
      async () => ({ name: 'notes.jpg', bytes: Buffer.from('Meeting notes, not a photo') }),
      'not-an-image',
      /Upload a JPEG, PNG, WebP, AVIF or GIF/,
    ],
    ['a PDF', async () => ({ name: 'brief.pdf', bytes: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF') }), 'not-an-image', /not an image/],
    ['a 21 MB file', async () => ({ name: 'huge.jpg', bytes: Buffer.alloc(21 * 1024 * 1024, 0xff) }), 'too-large', /larger than 20 MB/],
  ];
  for (const [label, file, reason, message] of refused) {
    test(`${label} is refused with a clear message and nothing is stored`, async () => {
      const before = await countMedia();
      const { status, answer } = await uploadJson([await file()]);
      assert.equal(status, 422);
      assert.deepEqual(answer.added, []);
      assert.equal(answer.refused[0]?.reason, reason);
      assert.match(answer.refused[0]?.message ?? '', message);
      assert.equal(await countMedia(), before);
    });
  }

  test('variants carry no GPS position and no camera owner, though the original did', async () => {
    const gps = await fixture('gps-and-owner.jpg');
    assert.ok((await exifr.gps(gps.bytes))?.latitude, 'the fixture has a position');
    const { answer } = await uploadJson([gps]);
    const item = answer.added[0]!;
    assert.equal(item.caption, 'Caption of the GPS photo.');
    for (const format of ['jpg', 'webp', 'avif']) {
      const variant = await gazette.app.inject({ url: item.thumbnailUrl.replace(/\.jpg$/, `.${format}`) });
      assert.equal(variant.statusCode, 200, format);
      const bytes = variant.rawPayload;
      const metadata = await sharp(bytes).metadata();
      assert.equal(metadata.exif, undefined, `${format}: no EXIF`);
      assert.equal(metadata.xmp, undefined, `${format}: no XMP`);
      assert.equal(metadata.iptc, undefined, `${format}: no IPTC`);
      const found = await exifr.parse(bytes, { gps: true, xmp: true, iptc: true, tiff: true }).catch(() => undefined);
      assert.equal(found?.latitude, undefined, `${format}: no GPS`);
      assert.doesNotMatch(JSON.stringify(found ?? {}) + bytes.toString('latin1'), /Private Owner Name|Private Artist Name|SN-PRIVATE/, `${format}: no owner`);
    }
  });
});

describe('uploading without JavaScript', () => {
  test('several files in one form: the library comes back with what was added and what was refused, and why', async () => {
    const files = [await fixture('harbour-xmp-and-iptc.jpg'), await fixture('drawing.svg'), await fixture('square-xmp.png')];
    const page = await uploadFiles(gazette.app, asOwner, files, { csrf: 'field' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Added 2 photos/);
    assert.match(page.body, />harbour-xmp-and-iptc\.jpg</);
    assert.match(page.body, /<strong>drawing\.svg: <\/strong>SVG drawings are not accepted/);
  });

  test('21 files: the first 20 are handled, the rest refused with a reason', async () => {
    const gif = await fixture('plain.gif');
    const files = Array.from({ length: 21 }, (_, index) => ({ name: `frame-${index + 1}.gif`, bytes: Buffer.concat([gif.bytes, Buffer.from([index])]) }));
    const page = await uploadFiles(gazette.app, asOwner, files, { csrf: 'field' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Added 20 photos/);
    assert.match(page.body, /Up to 20 files can be uploaded at once/);
  });

  test('a form with no file chosen explains what to do', async () => {
    const page = await asOwner.get('/admin/media');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    // What a browser sends for an empty file input: a part with an empty file name and no content.
    const payload = `--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--b\r\nContent-Disposition: form-data; name="files"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--b--\r\n`;
    const response = await gazette.app.inject({
      method: 'POST',
      url: '/admin/media',
      payload,
      headers: { cookie: asOwner.cookieHeader, 'content-type': 'multipart/form-data; boundary=b' },
    });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /Choose one or more photos to upload/);
  });

  test('without a valid CSRF token nothing is read or stored', async () => {
    const before = await countMedia();
    for (const csrf of ['none', { token: 'forged-token' }] as const) {
      const response = await uploadFiles(gazette.app, asOwner, [await fixture('market-iptc-only.jpg')], { csrf });
      assert.equal(response.statusCode, 403);
    }
    assert.equal(await countMedia(), before);
  });

  test('strangers are sent to sign in, and cannot upload', async () => {
    assert.equal((await gazette.app.inject({ url: '/admin/media' })).statusCode, 303);
    const stranger = new FormClient(gazette.app);
    const response = await uploadFiles(gazette.app, stranger, [await fixture('plain.gif')], { csrf: 'none' });
    assert.equal(response.statusCode, 401);
  });
});

describe('finding photos', () => {
  const search = async (query: string) => (await asOwner.get(`/admin/media?${query}`)).body;
  const cardNames = (html: string) => [...html.matchAll(/<span class="media-card__name">([^<]+)<\/span>/g)].map((match) => match[1]);

  test('by caption, credit or file name, and by type', async () => {
    assert.deepEqual(cardNames(await search('q=harbour+photo+agency')), ['harbour-xmp-and-iptc.jpg']);
    assert.deepEqual(cardNames(await search('q=LIGHTHOUSE')), ['lighthouse-xmp.webp']);
    assert.deepEqual(cardNames(await search('type=avif')), ['dunes-xmp.avif']);
    assert.deepEqual(cardNames(await search('q=fog&type=png')), []);
    assert.match(await search('q=fog&type=png'), /No photos match/);
  });

  test('wildcards, markup and SQL in the search box are searched for literally and shown escaped', async () => {
    assert.deepEqual(cardNames(await search(`q=${encodeURIComponent('%')}`)), []);
    const hostile = await search(`q=${encodeURIComponent(`<script>alert(1)</script>' OR 1=1 --`)}`);
    assert.match(hostile, /value="&lt;script&gt;alert\(1\)&lt;\/script&gt;&#39; OR 1=1 --"/);
    assert.doesNotMatch(hostile, /<script>alert/);
    assert.match(hostile, /No photos match/);
  });

  test('values the search cannot use are explained and kept in the form', async () => {
    const long = await search(`q=${'x'.repeat(300)}`);
    assert.match(long, /Search for at most 200 characters/);
    assert.match(long, new RegExp(`value="${'x'.repeat(300)}"`));
    assert.match(await search('type=tiff'), /Choose one of the listed file types/);
    assert.match(await search('q=a&q=b'), /Search for one thing at a time/);
    const control = await search('q=bell%07ring');
    assert.match(control, /invisible control characters/);
    assert.match(control, /value="bell�ring"/);
    assert.equal((await asOwner.get('/admin/media?page=abc')).statusCode, 400);
  });

  test('pages of 24, newest first, keeping the search in the page links', async () => {
    const gifs = await search('type=gif');
    assert.match(gifs, /21 photos match/);
    assert.equal(cardNames(gifs)[0], 'frame-20.gif', 'the last uploaded first');
    const everything = await search('q=.');
    assert.equal(cardNames(everything).length, 24);
    assert.match(everything, /href="\/admin\/media\?q=.&amp;page=2" rel="next"/);
    const second = await search('q=.&page=2');
    assert.ok(cardNames(second).length > 0);
    assert.equal(cardNames(second).filter((name) => cardNames(everything).includes(name)).length, 0, 'no photo on both pages');
  });
});
