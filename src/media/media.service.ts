import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import type { Db } from '../db/database.ts';
import { ValidationError } from '../errors.ts';
import { slugFrom } from '../platform/slugs.ts';
import { extensionFor, type MediaFiles, variantFormats, widthsFor } from './media-files.ts';
import { findMediaByStorageKey, insertMedia, listAllMedia, type MediaItem } from './media.queries.ts';

const messages = {
  notAnImage: 'This file is not an image Gazette can read. Upload a JPEG, PNG, WebP, AVIF or GIF.',
  tooManyPixels: 'This image is too large in pixels (more than 50 megapixels). Resize it and upload it again.',
};

const acceptedFormats: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heif: 'image/avif',
  gif: 'image/gif',
};

/** Refuses decompression bombs before any pixel is decoded. */
const maxPixels = 50_000_000;

export interface ImageDescription {
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
  readonly photographer?: string;
  readonly copyright?: string;
}

export interface MediaDeps {
  readonly db: Db;
  readonly files: MediaFiles;
  readonly now: Date;
}

/** Stores an image and its description; variants follow on demand. */
export async function importImage(
  deps: MediaDeps,
  upload: { bytes: Buffer; originalName: string },
  description: ImageDescription,
): Promise<MediaItem> {
  let metadata: Metadata;
  try {
    metadata = await sharp(upload.bytes, { limitInputPixels: maxPixels }).metadata();
  } catch (cause) {
    throw new ValidationError(messages.notAnImage, { file: messages.notAnImage }, { cause });
  }
  const mimeType = metadata.format ? acceptedFormats[metadata.format] : undefined;
  if (!mimeType || !metadata.width || !metadata.height) {
    throw new ValidationError(messages.notAnImage, { file: messages.notAnImage });
  }
  if (metadata.width * metadata.height > maxPixels) {
    throw new ValidationError(messages.tooManyPixels, { file: messages.tooManyPixels });
  }
  // EXIF orientation 5–8 means the stored pixels are turned a quarter: readers see them swapped.
  const turned = (metadata.orientation ?? 1) >= 5;
  const hash = createHash('sha256').update(upload.bytes).digest('hex').slice(0, 10);
  const stem = slugFrom(upload.originalName.replace(/\.[a-z0-9]+$/i, ''));
  const storageKey = `${stem}-${hash}`;
  const existing = await findMediaByStorageKey(deps.db, storageKey);
  if (existing) return existing;
  await deps.files.saveOriginal(storageKey, extensionFor(mimeType), upload.bytes);
  const item: Omit<MediaItem, 'id'> = {
    storageKey,
    originalName: upload.originalName,
    mimeType,
    width: turned ? metadata.height : metadata.width,
    height: turned ? metadata.width : metadata.height,
    bytes: upload.bytes.length,
    alt: description.alt,
    caption: description.caption,
    credit: description.credit,
    photographer: description.photographer ?? '',
    copyright: description.copyright ?? '',
    createdAt: deps.now,
  };
  return { ...item, id: await insertMedia(deps.db, item) };
}

/**
 * Encodes every variant of every image, one at a time, so the first readers after a deploy
 * find them ready. Runs after the server listens; stops early when asked.
 */
export async function warmAllVariants(db: Db, files: MediaFiles, signal?: AbortSignal): Promise<number> {
  let made = 0;
  for (const item of await listAllMedia(db)) {
    for (const width of widthsFor(item.width)) {
      for (const format of variantFormats) {
        if (signal?.aborted) return made;
        await files.ensureVariant(files.originalPath(item.storageKey, item.mimeType), item.storageKey, width, format);
        made++;
      }
    }
  }
  return made;
}
