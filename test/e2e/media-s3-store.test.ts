import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import sharp from 'sharp';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { exportGazette, importGazette, silentProgress } from '../../src/imports/index.ts';
import { listAllMedia, OriginalsStoreError, openMediaFiles, warmAllVariants } from '../../src/media/index.ts';
import { createTestDatabase } from '../helpers/databases.ts';
import { FormClient } from '../helpers/form-client.ts';
import { uploadFiles } from '../helpers/multipart.ts';
import { createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// Gazette against a real S3 protocol server (s3rver, on 127.0.0.1, its buckets in a temporary folder):
// two instances on one database, each with its own data dir and no disk shared between them.

const bucket = 'gazette-media';
/** The AWS SDK reads its keys from the environment, as in production; s3rver knows only this key (it does not check SigV4 signatures). */
const sdkEnvironment = {
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  // The SDK's notice that its 2027 releases will need Node 22, printed once per process.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
const savedEnvironment = new Map<string, string | undefined>();

let s3Dir: string;
let s3Server: Server;
let endpoint: string;
/** Every request the S3 server received, as `METHOD path`. */
const s3Requests: string[] = [];
let bucketClient: S3Client;
let database: DatabaseHandle;
let first: TestGazette;
let second: TestGazette | undefined;
let asOwner: FormClient;
/** 1000 × 650 of noise: variants 480, 800 and 1000 wide in three formats, 9 in all. */
let photo: Buffer;
let storageKey: string;

const storeEnv = (prefix: string) => ({
  GAZETTE_MEDIA_STORE: 's3',
  GAZETTE_S3_BUCKET: bucket,
  GAZETTE_S3_PREFIX: prefix,
  GAZETTE_S3_ENDPOINT: endpoint,
  GAZETTE_S3_REGION: 'us-east-1',
});

async function objectKeys(prefix: string): Promise<string[]> {
  const listed = await bucketClient.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((object) => object.Key!).sort();
}

/**
 * Puts an object and waits until s3rver has written all of it. s3rver answers a PUT once it has read the
 * body, before its file is flushed (its filesystem store resolves on its hashing stream's `finish`, not the
 * file's), and answers a GET with the bytes on disk: under the full suite a read right after the PUT got
 * part of the photo, which no encoder can read. S3 itself makes an object visible only whole.
 */
async function putWhole(key: string, bytes: Buffer): Promise<void> {
  await bucketClient.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes }));
  const file = join(s3Dir, bucket, ...key.split('/').slice(0, -1), `${key.split('/').at(-1)}._S3rver_object`);
  for (const deadline = Date.now() + 2000; (await stat(file)).size < bytes.length; ) {
    assert.ok(Date.now() < deadline, `s3rver did not finish writing ${key} within 2 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const originalGets = () => s3Requests.filter((request) => request === `GET /${bucket}/newsroom/originals/${storageKey}.jpg`).length;

before(async () => {
  for (const [name, value] of Object.entries(sdkEnvironment)) {
    savedEnvironment.set(name, process.env[name]);
    process.env[name] = value;
  }
  s3Dir = await mkdtemp(join(tmpdir(), 'gazette-s3rver-'));
  const s3rver = new S3rver({ directory: s3Dir, silent: true, configureBuckets: [{ name: bucket }] });
  await s3rver.configureBuckets();
  const handle = s3rver.getMiddleware();
  s3Server = createServer((request, response) => {
    s3Requests.push(`${request.method} ${request.url?.split('?')[0]}`);
    handle(request, response);
  });
  await new Promise<void>((resolve) => s3Server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(s3Server.address() as AddressInfo).port}`;
  bucketClient = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true });
  photo = await sharp({ create: { width: 1000, height: 650, channels: 3, background: '#4a6d8c', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .jpeg({ quality: 70 })
    .toBuffer();

  database = await createTestDatabase('sqlite');
  first = await buildTestApp({ database, env: storeEnv('newsroom/originals') });
  asOwner = new FormClient(first.app);
  asOwner.setCookie('gazette_session', (await createTestOwner(first)).sessionToken);
});

after(async () => {
  await second?.close();
  await first?.close();
  await database?.destroy();
  bucketClient?.destroy();
  await new Promise((resolve) => s3Server?.close(resolve));
  await rm(s3Dir, { recursive: true, force: true });
  for (const [name, value] of savedEnvironment) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('media originals in an S3-compatible bucket', () => {
  test('an upload through the newsroom puts the original in the bucket under the prefix, named as on disk, and nothing in media/originals', async () => {
    const response = await uploadFiles(first.app, asOwner, [{ name: 'Harbour at dusk.jpg', bytes: photo }], { json: true, csrf: 'header' });
    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
    storageKey = (await listAllMedia(database.db))[0]!.storageKey;
    assert.match(storageKey, /^harbour-at-dusk-[0-9a-f]{10}$/);
    assert.deepEqual(await objectKeys(''), [`newsroom/originals/${storageKey}.jpg`]);
    const object = await bucketClient.send(new GetObjectCommand({ Bucket: bucket, Key: `newsroom/originals/${storageKey}.jpg` }));
    assert.equal(object.ContentType, 'image/jpeg');
    assert.deepEqual(Buffer.from(await object.Body!.transformToByteArray()), photo, 'the bytes uploaded, unchanged');
    await assert.rejects(stat(join(first.dataDir, 'media', 'originals')), { code: 'ENOENT' });
  });

  test('a variant missing from the local cache is made again from the bucket', async () => {
    assert.equal((await first.app.inject({ url: `/media/${storageKey}/480.jpg` })).statusCode, 200);
    await rm(join(first.dataDir, 'media', 'variants'), { recursive: true });
    const gets = originalGets();
    const response = await first.app.inject({ url: `/media/${storageKey}/800.webp` });
    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
    assert.equal(response.headers['content-type'], 'image/webp');
    assert.deepEqual(
      await sharp(response.rawPayload)
        .metadata()
        .then(({ format, width, height }) => ({ format, width, height })),
      { format: 'webp', width: 800, height: 520 },
    );
    assert.equal(originalGets(), gets + 1, 'the original was fetched from the bucket');
    assert.deepEqual(await readdir(join(first.dataDir, 'media', 'fetched')), [], 'its fetched copy is gone once the variant is made');
  });

  test('a second instance with a data dir of its own serves the same photo, fetching the original once for all its variants', async () => {
    second = await buildTestApp({ database, env: storeEnv('newsroom/originals') });
    assert.notEqual(second.dataDir, first.dataDir);
    const avif = await second.app.inject({ url: `/media/${storageKey}/480.avif` });
    assert.equal(avif.statusCode, 200, avif.body.slice(0, 300));
    assert.equal((await sharp(avif.rawPayload).metadata()).format, 'heif');

    const gets = originalGets();
    assert.deepEqual(await warmAllVariants(database.db, second.mediaFiles), { made: 9, failed: 0 });
    assert.equal(originalGets(), gets + 1, 'one fetch for the eight variants still to make');
    assert.equal((await readdir(join(second.dataDir, 'media', 'variants'))).length, 9);
    assert.deepEqual(await warmAllVariants(database.db, second.mediaFiles), { made: 9, failed: 0 });
    assert.equal(originalGets(), gets + 1, 'nothing fetched when every variant is already on disk');
    await assert.rejects(stat(join(second.dataDir, 'media', 'originals')), { code: 'ENOENT' });
  });

  test('an export reads the originals from the bucket, and an import writes them to the bucket it is configured with', async () => {
    const exportDir = await mkdtemp(join(tmpdir(), 'gazette-s3-export-'));
    const target = await buildTestApp({ database: await createTestDatabase('sqlite'), env: storeEnv('restored') });
    try {
      const deps = (gazette: TestGazette) => ({
        db: gazette.database.db,
        clock: { now: () => new Date() },
        changes: gazette.changes,
        files: gazette.mediaFiles,
      });
      const summary = await exportGazette(deps(first), join(exportDir, 'export'), silentProgress);
      assert.deepEqual(summary.missingMedia, []);
      assert.deepEqual(await readFile(join(exportDir, 'export', 'media', `${storageKey}.jpg`)), photo);
      await importGazette(deps(target), join(exportDir, 'export'), { progress: silentProgress, dialect: 'sqlite' });
      assert.deepEqual(await objectKeys('restored/'), [`restored/${storageKey}.jpg`]);
      assert.equal((await target.app.inject({ url: `/media/${storageKey}/1000.jpg` })).statusCode, 200);
    } finally {
      await target.close();
      await target.database.destroy();
      await rm(exportDir, { recursive: true, force: true });
    }
  });

  test('a photo whose original is not in the bucket yet (a sync still copying) is served once it arrives', async (t) => {
    const lateKey = 'copied-late-0a1b2c3d4e';
    await database.db
      .insertInto('media')
      .values({
        storage_key: lateKey,
        original_name: `${lateKey}.jpg`,
        mime_type: 'image/jpeg',
        width: 1000,
        height: 650,
        bytes: photo.length,
        alt: 'Boats',
        caption: '',
        credit: '',
        photographer: '',
        copyright: '',
        created_at: new Date().toISOString(),
      })
      .execute();
    t.after(async () => {
      await database.db.deleteFrom('media').where('storage_key', '=', lateKey).execute();
      await bucketClient.send(new DeleteObjectCommand({ Bucket: bucket, Key: `newsroom/originals/${lateKey}.jpg` }));
    });
    const missing = await first.app.inject({ url: `/media/${lateKey}/480.jpg` });
    assert.equal(missing.statusCode, 404, missing.body.slice(0, 300));
    await putWhole(`newsroom/originals/${lateKey}.jpg`, photo);
    const arrived = await first.app.inject({ url: `/media/${lateKey}/480.jpg` });
    assert.equal(arrived.statusCode, 200, `the missing original was not remembered: ${arrived.body.slice(0, 300)}`);
  });

  test('deleting the photo in the newsroom deletes its object; neither instance serves it any more', async () => {
    const [item] = await listAllMedia(database.db);
    await asOwner.get(`/admin/media/${item!.id}`);
    const response = await asOwner.post(`/admin/media/${item!.id}/delete`, {});
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    assert.deepEqual(await objectKeys('newsroom/'), []);
    for (const instance of [first, second!]) assert.equal((await instance.app.inject({ url: `/media/${storageKey}/480.jpg` })).statusCode, 404);
  });
});

describe('the start-up check of the bucket', () => {
  const config = (overrides: { bucket?: string }) => ({
    kind: 's3' as const,
    bucket: overrides.bucket ?? bucket,
    prefix: '',
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
  });

  test('passes for the bucket, and names a missing bucket or refused keys', async (t) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gazette-s3-check-'));
    t.after(() => rm(dataDir, { recursive: true, force: true }));
    await (await openMediaFiles(dataDir, config({}))).originals.check();
    await assert.rejects((await openMediaFiles(dataDir, config({ bucket: 'no-such-bucket' }))).originals.check(), (error: unknown) => {
      assert.ok(error instanceof OriginalsStoreError);
      assert.equal(error.message, 'The media store s3://no-such-bucket/ cannot be used: there is no such bucket');
      return true;
    });
    process.env.AWS_ACCESS_KEY_ID = 'AKIAUNKNOWNTOTHESTORE';
    try {
      await assert.rejects((await openMediaFiles(dataDir, config({}))).originals.check(), /cannot be used: the credentials were refused/);
    } finally {
      process.env.AWS_ACCESS_KEY_ID = sdkEnvironment.AWS_ACCESS_KEY_ID;
    }
  });
});
