import { createHash } from 'node:crypto';
import type { Metadata } from 'sharp';
import type { Db } from '../db/database.ts';
import { type Phrase, phrase, ValidationError } from '../errors.ts';
import { asciiSlugFrom } from '../platform/slugs.ts';
import type { descriptionFields, ImageDescription } from './image-description.ts';
import { readEmbeddedDescription } from './image-metadata.ts';
import { extensionFor, fitsFormat, maxVariantSide, type MediaFiles, VariantFailedError, type VariantFormat, variantFormats, widthsFor } from './media-files.ts';
import { findMediaByStorageKey, insertMedia, listAllMedia, type MediaItem } from './media.queries.ts';
import { replaceControlCharacters } from '../platform/control-characters.ts';
import { loadSharp } from './sharp-loader.ts';

/** Why an upload was refused. The code travels in the address after an upload without JavaScript. */
export type UploadRefusal = 'no-file' | 'too-large' | 'not-an-image' | 'svg' | 'too-many-pixels' | 'too-tall' | 'damaged' | 'too-many-files' | 'incomplete';

/** The tallest a variant may be: the smallest limit among the formats every image is served in. */
const maxVariantHeight = Math.min(...variantFormats.map((format) => maxVariantSide[format]));

/** Why each refusal happened and what to do, as phrases the newsroom's screens put in their words. */
export const uploadRefusals: Readonly<Record<UploadRefusal, Phrase>> = {
  'no-file': phrase('refusal.media.noFile'),
  'too-large': phrase('refusal.media.tooLarge'),
  'not-an-image': phrase('refusal.media.notAnImage'),
  svg: phrase('refusal.media.svg'),
  'too-many-pixels': phrase('refusal.media.tooManyPixels'),
  'too-tall': phrase('refusal.media.tooTall', { maxHeight: maxVariantHeight }),
  damaged: phrase('refusal.media.damaged'),
  'too-many-files': phrase('refusal.media.tooManyFiles'),
  incomplete: phrase('refusal.media.incomplete'),
};

export class UploadRefusedError extends ValidationError {
  constructor(
    readonly reason: UploadRefusal,
    options?: { cause?: unknown },
  ) {
    super(uploadRefusals[reason], { file: uploadRefusals[reason] }, options);
  }
}

export const maxUploadBytes = 20 * 1024 * 1024;
export const maxUploadFiles = 20;
/** Refuses decompression bombs before any pixel is decoded. */
const maxPixels = 50_000_000;

const acceptedFormats: Readonly<Record<string, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heif: 'image/avif',
  gif: 'image/gif',
};

export interface MediaDeps {
  readonly db: Db;
  readonly files: MediaFiles;
  readonly now: Date;
  /** Told of each new image, in the transaction that stores it (the webhooks' outbox); absent: nobody listens. */
  readonly events?: MediaEvents;
}

/** Records an event inside the change's own transaction, so an event is kept exactly when its change is. */
export interface MediaEvents {
  record(trx: Db, type: 'media.created', mediaId: number): Promise<void>;
}

/**
 * Stores an image and its description; variants follow on demand. Description fields left empty
 * are filled from the file's XMP or IPTC metadata, which the original keeps and variants never carry.
 * @throws UploadRefusedError saying why the file cannot be used.
 * @example await importImage(deps, { bytes, originalName: 'harbour.jpg' }, { alt: 'Boats at a pier' })
 */
export async function importImage(
  deps: MediaDeps,
  upload: { bytes: Buffer; originalName: string; uploadedBy?: number | null },
  description: Partial<ImageDescription> = {},
): Promise<MediaItem> {
  const { metadata, mimeType, width, height } = await inspectImage(upload.bytes);
  const hash = createHash('sha256').update(upload.bytes).digest('hex').slice(0, 10);
  const originalName = replaceControlCharacters(upload.originalName.split(/[\\/]/).at(-1) ?? '', 'line', '').slice(-255) || 'image';
  const storageKey = `${asciiSlugFrom(originalName.replace(/\.[a-z0-9]+$/i, ''))}-${hash}`;
  const existing = await findMediaByStorageKey(deps.db, storageKey);
  if (existing) return existing;
  const embedded = await readEmbeddedDescription(metadata);
  const given = (field: (typeof descriptionFields)[number]) => description[field]?.trim() || embedded[field];
  await deps.files.saveOriginal(storageKey, extensionFor(mimeType), upload.bytes);
  const item: Omit<MediaItem, 'id'> = {
    storageKey,
    originalName,
    mimeType,
    width,
    height,
    bytes: upload.bytes.length,
    alt: given('alt'),
    caption: given('caption'),
    credit: given('credit'),
    photographer: given('photographer'),
    copyright: given('copyright'),
    createdAt: deps.now,
    uploadedBy: upload.uploadedBy ?? null,
  };
  const { events } = deps;
  if (!events) return { ...item, id: await insertMedia(deps.db, item) };
  const store = async (trx: Db) => {
    const id = await insertMedia(trx, item);
    await events.record(trx, 'media.created', id);
    return id;
  };
  // A caller already in a transaction (an import) keeps the event in it.
  const id = deps.db.isTransaction ? await store(deps.db) : await deps.db.transaction().execute(store);
  return { ...item, id };
}

/**
 * Reads the header, then decodes a tiny copy, so a truncated file is refused now rather than on a
 * reader's first view. `width` and `height` are as readers see the image, after its EXIF rotation.
 */
async function inspectImage(bytes: Buffer): Promise<{ metadata: Metadata; mimeType: string; width: number; height: number }> {
  if (bytes.length > maxUploadBytes) throw new UploadRefusedError('too-large');
  const sharp = await loadSharp();
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: maxPixels }).metadata();
  } catch (cause) {
    throw new UploadRefusedError(/pixel limit/i.test(String(cause)) ? 'too-many-pixels' : 'not-an-image', { cause });
  }
  // sharp can rasterise SVG, but an SVG is a document that may carry scripts and links.
  if (metadata.format === 'svg') throw new UploadRefusedError('svg');
  // sharp calls AVIF and Apple's HEIC both "heif"; only AV1-coded HEIF is AVIF.
  const isHeic = metadata.format === 'heif' && metadata.compression !== 'av1';
  const mimeType = metadata.format && !isHeic ? acceptedFormats[metadata.format] : undefined;
  if (!mimeType || !metadata.width || !metadata.height) throw new UploadRefusedError('not-an-image');
  if (metadata.width * metadata.height > maxPixels) throw new UploadRefusedError('too-many-pixels');
  // EXIF orientation 5–8 means the stored pixels are turned a quarter: readers see them swapped.
  const turned = (metadata.orientation ?? 1) >= 5;
  const size = turned ? { width: metadata.height, height: metadata.width } : { width: metadata.width, height: metadata.height };
  // Variants are made by width, so a narrow, very tall image would have sizes no WebP or AVIF encoder writes.
  if (!widthsFor(size.width).every((width) => variantFormats.every((format) => fitsFormat(size, width, format)))) throw new UploadRefusedError('too-tall');
  try {
    await sharp(bytes, { limitInputPixels: maxPixels }).resize(32, 32, { fit: 'inside' }).raw().toBuffer();
  } catch (cause) {
    throw new UploadRefusedError('damaged', { cause });
  }
  return { metadata, mimeType, ...size };
}

/** Where warming reports a variant it could not make; Fastify's logger fits. */
export interface WarmingLog {
  warn(details: object, message: string): void;
}

/** Every variant of an image an encoder can write, in the order they are made. */
function writableVariants(item: MediaItem): { width: number; format: VariantFormat }[] {
  return widthsFor(item.width).flatMap((width) => variantFormats.filter((format) => fitsFormat(item, width, format)).map((format) => ({ width, format })));
}

/** Whether warmAllVariants has anything to make: the first variant not on disk answers, without the image library. */
export async function hasMissingVariants(db: Db, files: MediaFiles): Promise<boolean> {
  for (const item of await listAllMedia(db)) {
    for (const { width, format } of writableVariants(item)) if (!(await files.hasVariant(item, width, format))) return true;
  }
  return false;
}

/**
 * Encodes every variant of every image, one at a time, so the first readers after a deploy
 * find them ready. Runs after the server listens; stops early when asked. A variant that cannot
 * be made is reported once and skipped, so one bad image never keeps the rest from being ready;
 * sizes no encoder can write (images stored before uploads were checked for them) are not tried.
 * @throws when the originals' store does not answer or a variant cannot be written: warming stops there
 */
export async function warmAllVariants(db: Db, files: MediaFiles, signal?: AbortSignal, log?: WarmingLog): Promise<{ made: number; failed: number }> {
  let made = 0;
  let failed = 0;
  for (const item of await listAllMedia(db)) {
    // Every variant of an image from one fetch of its original, when it is in a bucket.
    await files.makingVariantsOf(item, async () => {
      for (const { width, format } of writableVariants(item)) {
        if (signal?.aborted) return;
        try {
          await files.ensureVariant(item, width, format);
          made++;
        } catch (error) {
          // Anything but the encoder failing (the store not answering, a full disk) would fail every image alike.
          if (!(error instanceof VariantFailedError)) throw error;
          failed++;
          if (error.firstTime)
            log?.warn({ err: error, mediaId: item.id, width, format }, 'An image variant could not be made; readers get another size or format');
        }
      }
    });
    if (signal?.aborted) break;
  }
  return { made, failed };
}
