import type { Db } from '../../db/database.ts';
import { importImage, type MediaFiles, type MediaItem, UploadRefusedError } from '../../media/index.ts';
import type { Progress } from '../import-progress.ts';
import { findImportedMedia } from '../imported-media.ts';
import { type ImportOrigin, saveImportRecord } from '../import-records.queries.ts';
import type { ImportReport } from '../import-report.ts';
import { importPhrase, sentenceOfError } from '../import-phrases.ts';
import { MissingUploadError, notInFolder, readUpload } from '../upload-files.ts';
import { originalImagePath } from './ghost-content.ts';

const folder = 'images';

/** A photo of the old site the import wants, by its path under content/images, with what the library should say about it. */
export interface WantedPhoto {
  readonly path: string;
  readonly alt: string;
  readonly caption: string;
}

/** What a dry run uses in place of a photo it found but did not store. */
export const dryRunPhoto = 'dry-run';

export interface PhotoContext {
  readonly db: Db;
  readonly files: MediaFiles;
  readonly from: ImportOrigin;
  readonly imagesDir: string | undefined;
  readonly dryRun: boolean;
  readonly now: Date;
  readonly report: ImportReport;
  readonly progress: Progress;
}

function isPhotoProblem(error: unknown): error is Error {
  return error instanceof MissingUploadError || error instanceof UploadRefusedError;
}

/**
 * Brings one photo into the library: Ghost's `_o` original when the folder has it (it keeps the
 * photographer's IPTC caption, credit and copyright, which Ghost's re-encoded copy lost), else the
 * copy the site served. An original the library refuses (over 20 MB, say) gives way to the copy.
 */
async function importPhoto(context: PhotoContext, imagesDir: string, photo: WantedPhoto): Promise<MediaItem | typeof dryRunPhoto> {
  let failure: Error | undefined;
  for (const candidate of new Set([originalImagePath(photo.path), photo.path])) {
    try {
      const bytes = await readUpload(imagesDir, candidate, folder);
      if (context.dryRun) return dryRunPhoto;
      const originalName = photo.path.split('/').at(-1) ?? photo.path;
      return await importImage(context, { bytes, originalName }, { alt: photo.alt, caption: photo.caption });
    } catch (error) {
      if (!isPhotoProblem(error)) throw error;
      failure = error;
    }
  }
  throw failure ?? new MissingUploadError(notInFolder(photo.path, folder));
}

/**
 * Imports the photos the articles and bylines use, once each, and returns them by path. A photo that
 * cannot be had (no `--images` folder, not in it, a path leading outside it, not an image) is
 * reported and left out; the articles come in without it.
 */
export async function importGhostPhotos(context: PhotoContext, wanted: readonly WantedPhoto[]): Promise<Map<string, MediaItem | typeof dryRunPhoto>> {
  const photos = new Map<string, MediaItem | typeof dryRunPhoto>();
  context.progress.phase('photos', wanted.length);
  for (const photo of wanted) {
    const known = await findImportedMedia(context.db, context.from, photo.path);
    try {
      if (known) {
        photos.set(photo.path, known);
        context.report.count('photos', 'unchanged');
      } else {
        if (!context.imagesDir) throw new MissingUploadError(importPhrase('imports.upload.noImages'));
        const item = await importPhoto(context, context.imagesDir, photo);
        if (item !== dryRunPhoto) await saveImportRecord(context.db, context.from, 'media', photo.path, { localId: item.id, fingerprint: '' }, context.now);
        photos.set(photo.path, item);
        context.report.count('photos', 'created');
      }
    } catch (error) {
      if (!isPhotoProblem(error)) throw error;
      context.report.note({
        kind: 'photos',
        sourceId: photo.path,
        title: photo.path.split('/').at(-1) ?? photo.path,
        outcome: 'skipped',
        reason: sentenceOfError(error),
      });
    }
    context.progress.advance();
  }
  return photos;
}
