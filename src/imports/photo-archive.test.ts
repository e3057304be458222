import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import yazl from 'yazl';
import { PhotoArchiveError, photoArchiveLimits, unpackPhotoArchive } from './photo-archive.ts';

interface ZipEntry {
  readonly name: string;
  readonly bytes: Buffer;
  readonly mode?: number;
}

function zipOf(entries: readonly ZipEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(entry.bytes, entry.name, entry.mode === undefined ? {} : { mode: entry.mode });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((done, fail) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => done(Buffer.concat(chunks)));
    zip.outputStream.on('error', fail);
  });
}

async function workspace(t: { after: (fn: () => Promise<void>) => void }) {
  const dir = await mkdtemp(join(tmpdir(), 'gazette-photo-archive-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return { zipPath: join(dir, 'photos.zip'), destination: join(dir, 'unpacked'), dir };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

test('a zip of wp-content/uploads unpacks below the uploads folder, photos only', async (t) => {
  const { zipPath, destination } = await workspace(t);
  await writeFile(
    zipPath,
    await zipOf([
      { name: 'wp-content/uploads/2025/03/harbour.jpg', bytes: jpeg },
      { name: 'wp-content/uploads/2025/03/harbour-300x200.JPG', bytes: jpeg },
      { name: 'wp-content/uploads/2025/03/report.pdf', bytes: Buffer.from('%PDF') },
      { name: 'wp-content/uploads/index.php', bytes: Buffer.from('<?php') },
    ]),
  );
  assert.deepEqual(await unpackPhotoArchive(zipPath, destination, 'uploads'), { photos: 2, skipped: 2 });
  assert.deepEqual(await filesUnder(destination), ['2025/03/harbour-300x200.JPG', '2025/03/harbour.jpg']);
  assert.deepEqual(await readFile(join(destination, '2025/03/harbour.jpg')), jpeg);
});

test('a zipped folder of any name loses that folder; a zip of the year folders is kept as it is', async (t) => {
  const { zipPath, destination } = await workspace(t);
  await writeFile(zipPath, await zipOf([{ name: 'site-backup/2025/03/a.png', bytes: jpeg }]));
  await unpackPhotoArchive(zipPath, destination, 'images');
  assert.deepEqual(await filesUnder(destination), ['2025/03/a.png']);

  const second = join(destination, '..', 'second');
  await writeFile(zipPath, await zipOf([{ name: '2024/01/b.webp', bytes: jpeg }]));
  await unpackPhotoArchive(zipPath, second, 'images');
  assert.deepEqual(await filesUnder(second), ['2024/01/b.webp']);
});

test('links inside the zip are skipped, never followed or made', async (t) => {
  const { zipPath, destination } = await workspace(t);
  await writeFile(
    zipPath,
    await zipOf([
      { name: 'uploads/2025/03/passwd.jpg', bytes: Buffer.from('/etc/passwd'), mode: 0o120777 },
      { name: 'uploads/2025/03/real.jpg', bytes: jpeg },
    ]),
  );
  assert.deepEqual(await unpackPhotoArchive(zipPath, destination, 'uploads'), { photos: 1, skipped: 1 });
  assert.deepEqual(await filesUnder(destination), ['2025/03/real.jpg']);
});

test('a name that climbs out of the archive refuses the whole zip and leaves nothing behind', async (t) => {
  const { zipPath, destination, dir } = await workspace(t);
  // yazl will not write such a name, so the bytes are changed after: "xx/" becomes "../" in both headers.
  const made = await zipOf([{ name: 'xx/evil.jpg', bytes: jpeg }]);
  await writeFile(zipPath, Buffer.from(made.toString('latin1').replaceAll('xx/evil.jpg', '../evil.jpg'), 'latin1'));
  await assert.rejects(unpackPhotoArchive(zipPath, destination, 'uploads'), (error: unknown) => {
    assert.ok(error instanceof PhotoArchiveError);
    assert.match(error.message, /names a file outside the archive/);
    return true;
  });
  assert.deepEqual(await readdir(dir), ['photos.zip']);
});

test('a zip that unpacks to more than allowed is refused, by what it really holds', async (t) => {
  const { zipPath, destination } = await workspace(t);
  const zeros = Buffer.alloc(4 * 1024 * 1024);
  await writeFile(zipPath, await zipOf([1, 2, 3].map((n) => ({ name: `uploads/${n}.jpg`, bytes: zeros }))));
  await assert.rejects(unpackPhotoArchive(zipPath, destination, 'uploads', { ...photoArchiveLimits, totalBytes: 10 * 1024 * 1024 }), PhotoArchiveError);
  await assert.rejects(readdir(destination), { code: 'ENOENT' });

  // A single photo over the per-file limit is skipped, the rest come in.
  assert.deepEqual(await unpackPhotoArchive(zipPath, destination, 'uploads', { ...photoArchiveLimits, fileBytes: 1024 }), { photos: 0, skipped: 3 });
});

test('a header that lies about the size is caught while unpacking', async (t) => {
  const { zipPath, destination } = await workspace(t);
  const made = await zipOf([{ name: 'uploads/a.jpg', bytes: Buffer.alloc(64 * 1024, 7) }]);
  // Claim 16 bytes in the central directory (offset 24 of its record) and the local header (offset 22).
  const central = made.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  made.writeUInt32LE(16, central + 24);
  made.writeUInt32LE(16, 22);
  await writeFile(zipPath, made);
  await assert.rejects(unpackPhotoArchive(zipPath, destination, 'uploads'), PhotoArchiveError);
});

test('a file that is not a zip says so', async (t) => {
  const { zipPath, destination } = await workspace(t);
  await writeFile(zipPath, '<?xml version="1.0"?><rss></rss>');
  await assert.rejects(unpackPhotoArchive(zipPath, destination, 'uploads'), /not a zip archive/);
});
