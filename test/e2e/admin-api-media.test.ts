import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { listAllMedia } from '../../src/media/index.ts';
import { type AdminApi, adminApiClient, apiTokenFor } from '../helpers/admin-api.ts';
import { forEachDialect } from '../helpers/databases.ts';
import { multipartBody, type UploadFile } from '../helpers/multipart.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { fetchOpenApiDocument } from '../helpers/openapi.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

const fixture = async (name: string): Promise<UploadFile> => ({
  name,
  bytes: await readFile(new URL(`../fixtures/images/${name}`, import.meta.url)),
  field: 'file',
});

forEachDialect('Admin API: media', (dialect) => {
  let gazette: TestGazette;
  /** Every answer is held to the OpenAPI document: its status, type and body must be the ones declared. */
  let api: AdminApi;
  let editorToken: string;
  let authorToken: string;
  let contributorToken: string;

  const countMedia = async () => (await listAllMedia(gazette.database.db)).length;
  const auditSubjects = async (action: string) =>
    (await gazette.database.db.selectFrom('audit_log').select('subject').where('action', '=', action).orderBy('id').execute()).map((entry) => entry.subject);

  const upload = async (token: string, files: readonly UploadFile[], fields: Record<string, string> = {}, headers: Record<string, string> = {}) => {
    const { payload, contentType } = await multipartBody(fields, files);
    return api('POST', '/media', { token, body: payload, headers: { 'content-type': contentType, ...headers } });
  };

  before(async () => {
    gazette = await buildTestApp({ dialect });
    api = adminApiClient(gazette, await fetchOpenApiDocument(gazette.app));
    const owner = await createTestOwner(gazette);
    editorToken = await apiTokenFor(gazette, (await addTestMember(gazette, owner.user, 'editor', 'Eda Editor')).user, 'Photo desk');
    authorToken = await apiTokenFor(gazette, (await addTestMember(gazette, owner.user, 'author', 'Ada Author')).user, 'Author script');
    contributorToken = await apiTokenFor(gazette, (await addTestMember(gazette, owner.user, 'contributor', 'Cato Contributor')).user, 'Contributor script');
  });
  after(() => gazette.close());

  test('an upload is stored as the library stores it, described from the file and the form, and its variants are served', async () => {
    const answer = await upload(editorToken, [await fixture('harbour-xmp-and-iptc.jpg')], { credit: 'Gazette Pictures' });
    assert.equal(answer.statusCode, 201, answer.body);
    const image = answer.json();
    assert.equal(answer.headers.location, `/api/v1/admin/media/${image.id}`);
    assert.equal(image.alt, 'Three blue fishing boats tied up at a concrete pier', 'read from the file');
    assert.equal(image.caption, 'Fishing boats return to Busan harbour at dawn.');
    assert.equal(image.credit, 'Gazette Pictures', 'the form’s field wins over the file’s');
    assert.equal(image.mimeType, 'image/jpeg');
    assert.equal(image.originalName, 'harbour-xmp-and-iptc.jpg');
    assert.ok(image.width > 0 && image.height > 0);
    assert.deepEqual([...new Set(image.variants.map((variant: { type: string }) => variant.type))].sort(), ['image/avif', 'image/jpeg', 'image/webp']);
    const jpeg = image.variants.find((variant: { type: string }) => variant.type === 'image/jpeg');
    const served = await gazette.app.inject(new URL(jpeg.url).pathname);
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/jpeg');
    assert.deepEqual((await api('GET', `/media/${image.id}`, { token: contributorToken })).json(), image);
    assert.deepEqual(await auditSubjects('media.uploaded'), [`${image.id}: harbour-xmp-and-iptc.jpg via API token Photo desk`]);
  });

  test('an uploaded photo can be made an article’s featured image, and a new caption reaches its (cached) page', async () => {
    const image = (await upload(editorToken, [await fixture('lighthouse-xmp.webp')], { alt: 'A lighthouse in fog' })).json();
    const created = await api('POST', '/articles', {
      token: editorToken,
      body: { headline: 'Fog horn returns to Cape Point', section: 'science', body: '<p>It sounds again.</p>' },
    });
    const { id } = created.json();
    const patched = await api('PATCH', `/articles/${id}`, {
      token: editorToken,
      body: { featuredImage: image.id },
      headers: { 'if-match': String(created.headers.etag) },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(patched.json().featuredImage.id, image.id);
    assert.equal(patched.json().featuredImage.alt, 'A lighthouse in fog');
    const published = await api('POST', `/articles/${id}/publish`, { token: editorToken });
    assert.equal(published.statusCode, 200, published.body);
    const path = new URL(published.json().url).pathname;
    const page = await gazette.app.inject(path);
    assert.match(page.body, /alt="A lighthouse in fog"/);
    assert.match(page.body, /Lighthouse at Cape Point in fog\./);
    assert.equal((await gazette.app.inject(path)).headers['x-cache'], 'HIT');

    const described = await api('PATCH', `/media/${image.id}`, {
      token: editorToken,
      body: { caption: 'The lighthouse at Cape Point, in the first fog of winter.' },
    });
    assert.equal(described.statusCode, 200, described.body);
    assert.equal(described.json().alt, 'A lighthouse in fog', 'fields not sent are kept');
    const after = await gazette.app.inject(path);
    assert.match(after.body, /The lighthouse at Cape Point, in the first fog of winter\./);
    assert.ok((await auditSubjects('media.described')).includes(`${image.id}: lighthouse-xmp.webp via API token Photo desk`));
  });

  test('refused uploads are problems saying why — too large 413, not an image 415, unusable 422 — and store nothing', async () => {
    const before = await countMedia();
    const cases: [string, () => Promise<UploadFile>, number, RegExp][] = [
      ['21 MB', async () => ({ name: 'huge.jpg', bytes: Buffer.alloc(21 * 1024 * 1024, 0xff), field: 'file' }), 413, /larger than 20 MB/],
      ['SVG', () => fixture('drawing.svg'), 415, /SVG drawings are not accepted/],
      ['text named .jpg', async () => ({ name: 'notes.jpg', bytes: Buffer.from('Meeting notes, not a photo'), field: 'file' }), 415, /not an image|JPEG, PNG/],
      ['pixel bomb', () => fixture('pixel-bomb.png'), 422, /more than 50 megapixels/],
      ['truncated JPEG', () => fixture('truncated.jpg'), 422, /damaged or incomplete/],
    ];
    for (const [label, file, status, message] of cases) {
      const answer = await upload(editorToken, [await file()]);
      assert.equal(answer.statusCode, status, `${label}: ${answer.body}`);
      assert.match(String(answer.headers['content-type']), /^application\/problem\+json/, label);
      assert.match(answer.json().errors.file, message, label);
    }
    const twoFiles = await upload(editorToken, [await fixture('plain.gif'), await fixture('square-xmp.png')]);
    assert.equal(twoFiles.statusCode, 413, twoFiles.body);
    const json = await api('POST', '/media', { token: editorToken, body: { file: 'aGVsbG8=' } });
    assert.equal(json.statusCode, 415);
    assert.equal(json.json().code, 'UNSUPPORTED_MEDIA_TYPE');
    assert.equal(await countMedia(), before);
  });

  test('bad form fields are a 422 naming each, before anything is stored', async () => {
    const before = await countMedia();
    const gif = await fixture('plain.gif');
    const noFile = await upload(editorToken, [], { alt: 'Nothing attached' });
    assert.equal(noFile.statusCode, 422);
    assert.ok(noFile.json().errors.file);
    const wrongField = await upload(editorToken, [{ ...gif, field: 'files' }]);
    assert.equal(wrongField.statusCode, 422);
    assert.ok(wrongField.json().errors.files);
    const unknown = await upload(editorToken, [gif], { title: 'A typo for caption' });
    assert.equal(unknown.statusCode, 422);
    assert.ok(unknown.json().errors.title);
    const markup = await upload(editorToken, [gif], { alt: '<script>alert(1)</script>', credit: 'x'.repeat(201) });
    assert.equal(markup.statusCode, 422);
    assert.ok(markup.json().errors.alt);
    assert.ok(markup.json().errors.credit);
    assert.equal(await countMedia(), before);
  });

  test('Idempotency-Key: a retried upload is answered once; the key on another file is refused', async () => {
    const before = await countMedia();
    const headers = { 'idempotency-key': 'upload-dunes-1' };
    const first = await upload(editorToken, [await fixture('dunes-xmp.avif')], { alt: 'Dunes after rain' }, headers);
    const retry = await upload(editorToken, [await fixture('dunes-xmp.avif')], { alt: 'Dunes after rain' }, headers);
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(retry.statusCode, 201);
    assert.equal(retry.headers['idempotent-replayed'], 'true');
    assert.equal(retry.json().id, first.json().id);
    assert.equal(await countMedia(), before + 1);
    assert.equal((await auditSubjects('media.uploaded')).filter((subject) => subject.startsWith(`${first.json().id}:`)).length, 1);
    const other = await upload(editorToken, [await fixture('cafe-latin1-iptc.jpg')], {}, headers);
    assert.equal(other.statusCode, 422);
    assert.equal(other.json().code, 'IDEMPOTENCY_CONFLICT');
  });

  test('describing follows the library’s rules and roles', async () => {
    const own = (await upload(contributorToken, [await fixture('square-xmp.png')], { alt: 'A yellow square' })).json();
    const byContributor = await api('PATCH', `/media/${own.id}`, { token: contributorToken, body: { caption: 'Their own, unpublished.' } });
    assert.equal(byContributor.statusCode, 200, byContributor.body);
    const byAuthor = await api('PATCH', `/media/${own.id}`, { token: authorToken, body: { caption: 'Not theirs.' } });
    assert.equal(byAuthor.statusCode, 403);
    assert.equal(byAuthor.json().code, 'FORBIDDEN');

    const cases: [unknown, string][] = [
      [{ alt: '' }, 'alt'],
      [{ caption: 'Bold <b>claims</b>' }, 'caption'],
      [{ credit: 'x'.repeat(201) }, 'credit'],
      [{ captions: 'typo' }, 'captions'],
      [{ alt: 12 }, 'alt'],
    ];
    for (const [body, field] of cases) {
      const answer = await api('PATCH', `/media/${own.id}`, { token: editorToken, body });
      assert.equal(answer.statusCode, 422, JSON.stringify(body));
      assert.ok(answer.json().errors[field], `${JSON.stringify(body)} → ${answer.body}`);
    }
    const stored = (await api('GET', `/media/${own.id}`, { token: editorToken })).json();
    assert.equal(stored.caption, 'Their own, unpublished.');
    assert.equal((await api('GET', '/media/99999', { token: editorToken })).statusCode, 404);
  });
});
