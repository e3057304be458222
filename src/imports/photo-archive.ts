import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { maxUploadBytes } from '../media/index.ts';
import { ExplainedError, importPhrase } from './import-phrases.ts';

/** The zip cannot be used; the sentence says why, for the person who chose it. Nothing of it is kept. */
export class PhotoArchiveError extends ExplainedError {
  override readonly name = 'PhotoArchiveError';
}

export interface PhotoArchiveLimits {
  readonly entries: number;
  /** All the photos unpacked together: a zip can claim little and unpack to a full disk. */
  readonly totalBytes: number;
  readonly fileBytes: number;
}

const gibibyte = 1024 * 1024 * 1024;
export const photoArchiveLimits: PhotoArchiveLimits = { entries: 500_000, totalBytes: 8 * gibibyte, fileBytes: maxUploadBytes };

/** Only photos are unpacked: the importers read nothing else from the uploads folder. */
const photoFile = /\.(?:jpe?g|png|gif|webp|avif|tiff?|heic|heif)$/iu;
const symbolicLinkMode = 0o120000;
const fileTypeMask = 0o170000;

export interface UnpackedPhotos {
  readonly photos: number;
  /** Files left out, with why: not photos, links, too large, encrypted. */
  readonly skipped: number;
}

/**
 * The part of each path the importer looks files up by. A zip of `wp-content/uploads` may hold
 * `wp-content/uploads/2025/03/a.jpg`, `uploads/2025/03/a.jpg` or `2025/03/a.jpg`; the importer wants
 * `2025/03/a.jpg`. Everything up to the folder named `root` goes; failing that, one folder every
 * file shares (the folder that was zipped, whatever it was called), unless it is a year.
 */
function pathsInsideRoot(names: readonly string[], root: string): (name: string) => string {
  const rootDepth = (name: string) => name.split('/').indexOf(root);
  if (names.length > 0 && names.every((name) => rootDepth(name) >= 0)) {
    return (name) =>
      name
        .split('/')
        .slice(rootDepth(name) + 1)
        .join('/');
  }
  const firstFolders = new Set(names.map((name) => (name.includes('/') ? name.split('/')[0] : '')));
  const [shared] = firstFolders;
  if (firstFolders.size === 1 && shared && !/^\d{4}$/u.test(shared)) return (name) => name.slice(shared.length + 1);
  return (name) => name;
}

async function openArchive(zipPath: string): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true });
  } catch {
    throw new PhotoArchiveError(importPhrase('imports.photos.notZip'));
  }
}

async function readEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  const entries: yauzl.Entry[] = [];
  try {
    for await (const entry of zip.eachEntry()) entries.push(entry);
  } catch (error) {
    // yauzl refuses names like ../x or /etc/x before handing out the entry.
    const outside = error instanceof Error && /path|file name/iu.test(error.message);
    throw new PhotoArchiveError(importPhrase(outside ? 'imports.photos.outside' : 'imports.photos.unreadable'));
  }
  return entries;
}

/**
 * Unpacks the photos of a zip into `destination` (made here; removed again if the zip is refused),
 * keeping their paths below the uploads or images folder so the importer finds them as it would
 * in a copy of that folder. The zip is untrusted: names cannot leave `destination`, links and
 * encrypted entries are skipped, and sizes are checked against what is actually unpacked.
 */
export async function unpackPhotoArchive(
  zipPath: string,
  destination: string,
  root: 'uploads' | 'images',
  limits: PhotoArchiveLimits = photoArchiveLimits,
): Promise<UnpackedPhotos> {
  const zip = await openArchive(zipPath);
  try {
    if (zip.entryCount > limits.entries) {
      throw new PhotoArchiveError(
        importPhrase('imports.photos.tooMany', { count: zip.entryCount.toLocaleString('en'), limit: limits.entries.toLocaleString('en') }),
      );
    }
    const entries = await readEntries(zip);
    const files = entries.filter((entry) => !entry.fileName.endsWith('/'));
    const inside = pathsInsideRoot(
      files.map((entry) => entry.fileName),
      root,
    );
    await mkdir(destination, { recursive: true, mode: 0o700 });
    const base = resolve(destination);
    let photos = 0;
    let skipped = 0;
    let unpackedBytes = 0;
    for (const entry of files) {
      const path = inside(entry.fileName);
      const target = resolve(base, path);
      const rel = relative(base, target);
      const isLink = ((entry.externalFileAttributes >>> 16) & fileTypeMask) === symbolicLinkMode;
      if (
        !photoFile.test(path) ||
        isLink ||
        entry.isEncrypted() ||
        entry.uncompressedSize > limits.fileBytes ||
        rel === '' ||
        rel.startsWith('..') ||
        isAbsolute(rel)
      ) {
        skipped++;
        continue;
      }
      unpackedBytes += entry.uncompressedSize;
      if (unpackedBytes > limits.totalBytes) {
        throw new PhotoArchiveError(importPhrase('imports.photos.tooBig', { gibibytes: String(Math.round(limits.totalBytes / gibibyte)) }));
      }
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      try {
        await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target, { flags: 'wx', mode: 0o600 }));
        photos++;
      } catch (error) {
        // The same name twice (zips allow it): the first one stays.
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          skipped++;
          continue;
        }
        throw new PhotoArchiveError(importPhrase('imports.photos.damaged', { path }));
      }
    }
    return { photos, skipped };
  } catch (error) {
    await rm(destination, { recursive: true, force: true });
    throw error;
  } finally {
    zip.close();
  }
}
