import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openMediaFiles } from './media-files.ts';
import { OriginalCopies } from './original-copies.ts';
import { LocalOriginalsStore, type OriginalFile, OriginalMissingError, type OriginalsStore } from './originals-store.ts';

let dataDir: string;
before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gazette-originals-'));
});
after(() => rm(dataDir, { recursive: true, force: true }));

describe('the local store', () => {
  test('is the default and keeps each original where earlier versions did: media/originals/<storage key>.<extension>', async () => {
    const files = await openMediaFiles(dataDir, { kind: 'local' });
    assert.ok(files.originals instanceof LocalOriginalsStore);
    assert.equal(files.originals.location, join(dataDir, 'media', 'originals'));
    await files.saveOriginal('harbour-1a2b3c4d5e', 'jpg', Buffer.from('jpeg bytes'));
    assert.deepEqual(await readFile(join(dataDir, 'media', 'originals', 'harbour-1a2b3c4d5e.jpg')), Buffer.from('jpeg bytes'));
    assert.equal(files.originalName({ storageKey: 'harbour-1a2b3c4d5e', mimeType: 'image/jpeg' }), 'harbour-1a2b3c4d5e.jpg');
    assert.equal(files.originalName({ storageKey: 'logo-0f0f0f0f0f', mimeType: 'image/png' }), 'logo-0f0f0f0f0f.png');
    assert.equal(files.variantsDir, join(dataDir, 'media', 'variants'));
  });

  test('an original already in the folder is read in place, copied out and deleted; a missing one is named', async () => {
    const store = (await openMediaFiles(dataDir, { kind: 'local' })).originals;
    await writeFile(join(dataDir, 'media', 'originals', 'older-aaaaaaaaaa.png'), 'png bytes');
    const opened = await store.open('older-aaaaaaaaaa.png');
    assert.equal(opened.path, join(dataDir, 'media', 'originals', 'older-aaaaaaaaaa.png'), 'no copy is made on one machine');
    await opened.release();
    await store.copyTo('older-aaaaaaaaaa.png', join(dataDir, 'exported.png'));
    assert.equal(await readFile(join(dataDir, 'exported.png'), 'utf8'), 'png bytes');
    await store.delete('older-aaaaaaaaaa.png');
    await store.delete('older-aaaaaaaaaa.png');
    await assert.rejects(store.copyTo('older-aaaaaaaaaa.png', join(dataDir, 'again.png')), OriginalMissingError);
    await assert.rejects(store.open('older-aaaaaaaaaa.png'), OriginalMissingError);
  });

  test('refuses a name that is not a plain file name before touching the disk', async () => {
    const store = new LocalOriginalsStore(dataDir);
    for (const name of ['../gazette.sqlite', 'a/b.jpg', '/etc/passwd', '.hidden.jpg', 'no-extension', 'x.jpg\0']) {
      await assert.rejects(store.save(name, Buffer.from('x')), /Not the file name of an original/, name);
      await assert.rejects(store.delete(name), /Not the file name of an original/, name);
    }
  });
});

/** The local store, counting how often an original is opened and released, and slow to open like a bucket. */
function countingStore() {
  const local = new LocalOriginalsStore(dataDir);
  const counts = { opened: 0, released: 0 };
  let failNext = false;
  const store: OriginalsStore = {
    location: local.location,
    save: (name, bytes) => local.save(name, bytes),
    copyTo: (name, file) => local.copyTo(name, file),
    delete: (name) => local.delete(name),
    check: () => local.check(),
    open: async (name): Promise<OriginalFile> => {
      counts.opened++;
      // Long enough for every concurrent user to ask for the same copy before this one is there.
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (failNext) {
        failNext = false;
        throw new Error('the store did not answer');
      }
      const file = await local.open(name);
      return { path: file.path, release: async () => void counts.released++ };
    },
  };
  const failOnce = () => {
    failNext = true;
  };
  return { store, counts, failOnce };
}

describe('copies of originals being encoded', () => {
  test('variants made at the same time share one fetch, released after the last', async () => {
    const { store, counts } = countingStore();
    await store.save('photo-1111111111.jpg', Buffer.from('jpeg bytes'));
    const copies = new OriginalCopies(store);
    const paths = await Promise.all([1, 2, 3].map(() => copies.using('photo-1111111111.jpg', async (path) => path)));
    assert.deepEqual(new Set(paths), new Set([join(dataDir, 'media', 'originals', 'photo-1111111111.jpg')]));
    assert.deepEqual(counts, { opened: 1, released: 1 });
  });

  test('a batch holding the original fetches it once for variants made one after another, and not at all if none is made', async () => {
    const { store, counts } = countingStore();
    await store.save('photo-2222222222.jpg', Buffer.from('jpeg bytes'));
    const copies = new OriginalCopies(store);
    await copies.holding('photo-2222222222.jpg', async () => {
      for (let i = 0; i < 12; i++) await copies.using('photo-2222222222.jpg', async () => {});
    });
    assert.deepEqual(counts, { opened: 1, released: 1 });
    await copies.holding('photo-3333333333.jpg', async () => {});
    assert.deepEqual(counts, { opened: 1, released: 1 }, 'every variant already made: nothing fetched');
  });

  test('a failed fetch fails the whole batch once, and the next batch asks the store again', async () => {
    const { store, counts, failOnce } = countingStore();
    await store.save('photo-4444444444.jpg', Buffer.from('jpeg bytes'));
    const copies = new OriginalCopies(store);
    failOnce();
    await copies.holding('photo-4444444444.jpg', async () => {
      for (let i = 0; i < 3; i++)
        await assert.rejects(
          copies.using('photo-4444444444.jpg', async () => {}),
          /did not answer/,
        );
    });
    assert.equal(counts.opened, 1);
    await copies.using('photo-4444444444.jpg', async () => {});
    assert.deepEqual(counts, { opened: 2, released: 1 });
  });
});
