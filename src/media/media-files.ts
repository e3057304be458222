import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sharp } from 'sharp';
import type { MediaStoreConfig } from '../config.ts';
import { OriginalCopies } from './original-copies.ts';
import { LocalOriginalsStore, OriginalMissingError, type OriginalsStore } from './originals-store.ts';
import { loadSharp } from './sharp-loader.ts';

export type VariantFormat = 'avif' | 'webp' | 'jpg';

/** Widths offered in srcset; an image is never enlarged past its own width. */
export const variantWidths = [480, 800, 1200, 1600] as const;
export const variantFormats: readonly VariantFormat[] = ['avif', 'webp', 'jpg'];

export function widthsFor(originalWidth: number): number[] {
  const widths = variantWidths.filter((width) => width < originalWidth);
  return widths.length < variantWidths.length ? [...widths, Math.min(originalWidth, variantWidths.at(-1)!)] : widths;
}

/**
 * The longest side each encoder writes: libheif (AVIF) stops at 16384 pixels, libwebp at 16383,
 * libjpeg at 65535. Past it the encoder fails, on every try.
 */
export const maxVariantSide: Readonly<Record<VariantFormat, number>> = { avif: 16384, webp: 16383, jpg: 65535 };

/** The size of an image scaled to `width` (never enlarged), rounded up as the encoder may round it. */
export function variantSize(image: { width: number; height: number }, width: number): { width: number; height: number } {
  const scaled = Math.min(width, image.width);
  return { width: scaled, height: Math.ceil((image.height * scaled) / image.width) };
}

/** Whether the encoder for `format` can write the image at `width`, judged from its size alone. */
export function fitsFormat(image: { width: number; height: number }, width: number, format: VariantFormat): boolean {
  const size = variantSize(image, width);
  return Math.max(size.width, size.height) <= maxVariantSide[format];
}

/** A variant the encoder could not make. `firstTime` is false when the failure was remembered from before. */
export class VariantFailedError extends Error {
  constructor(
    readonly variant: string,
    readonly firstTime: boolean,
    options: { cause: unknown },
  ) {
    super(`Image variant ${variant} could not be made`, options);
    this.name = 'VariantFailedError';
  }
}

const encoders: Record<VariantFormat, (image: Sharp) => Sharp> = {
  // AVIF at a low effort: most of its size win at a fraction of the encoding time.
  avif: (image) => image.avif({ quality: 52, effort: 2 }),
  webp: (image) => image.webp({ quality: 76 }),
  jpg: (image) => image.jpeg({ quality: 78, mozjpeg: true, progressive: true }),
};

/**
 * The media files of a configuration: originals in the store it names, variants under `dataDir`.
 * The AWS SDK is loaded only for a bucket: it is large, and a single machine never needs it.
 * Originals fetched from a bucket for encoding go to `media/fetched`, on disk rather than in memory.
 */
export async function openMediaFiles(dataDir: string, store: MediaStoreConfig): Promise<MediaFiles> {
  if (store.kind === 'local') return new MediaFiles(dataDir, new LocalOriginalsStore(dataDir));
  const { S3OriginalsStore } = await import('./originals-store.s3.ts');
  return new MediaFiles(dataDir, await S3OriginalsStore.open(store, join(dataDir, 'media', 'fetched')));
}

/** An image as its files are named: the original is `<storageKey>.<extension of mimeType>`. */
export interface StoredImage {
  readonly storageKey: string;
  readonly mimeType: string;
}

/**
 * Originals, kept in a store (a folder, or a bucket shared by every instance), and their resized
 * variants, a cache on this machine's disk. Variants are made on first request (and warmed after
 * boot), so a new upload or a fresh demo never delays start-up, and a missing one is made again.
 */
export class MediaFiles {
  readonly #inFlight = new Map<string, Promise<string>>();
  /**
   * Variants whose encoding failed, with why. An encoder that fails on an image fails the same way
   * every time, so each is tried once per process rather than on every request for it.
   */
  readonly #failed = new Map<string, unknown>();
  /**
   * Variants whose original the store did not have, reported once. Unlike a failed encoding this is asked
   * again on every request: the original may be on its way (an `aws s3 sync` still copying).
   */
  readonly #missing = new Set<string>();
  readonly #copies: OriginalCopies;
  readonly originals: OriginalsStore;
  readonly variantsDir: string;

  constructor(dataDir: string, originals: OriginalsStore) {
    this.originals = originals;
    this.#copies = new OriginalCopies(originals);
    this.variantsDir = join(dataDir, 'media', 'variants');
  }

  async saveOriginal(storageKey: string, extension: string, bytes: Buffer): Promise<void> {
    await this.originals.save(`${storageKey}.${extension}`, bytes);
  }

  originalName(image: StoredImage): string {
    return `${image.storageKey}.${extensionFor(image.mimeType)}`;
  }

  variantName(storageKey: string, width: number, format: VariantFormat): string {
    return `${storageKey}-${width}.${format}`;
  }

  /** Removes an image's original and every variant it may have; files already gone are no error. */
  async deleteAll(image: StoredImage & { readonly width: number }): Promise<void> {
    const names = widthsFor(image.width).flatMap((width) => variantFormats.map((format) => this.variantName(image.storageKey, width, format)));
    for (const name of names) {
      this.#failed.delete(name);
      this.#missing.delete(name);
    }
    await Promise.all([this.originals.delete(this.originalName(image)), ...names.map((name) => rm(join(this.variantsDir, name), { force: true }))]);
  }

  /**
   * Runs `make` (which makes variants of `image` with ensureVariant), fetching the original from the
   * store at most once for all of them, and only if one of them is missing.
   */
  async makingVariantsOf<T>(image: StoredImage, make: () => Promise<T>): Promise<T> {
    return this.#copies.holding(this.originalName(image), make);
  }

  /** Whether the variant is on disk; reading it needs no image library. */
  hasVariant(image: StoredImage, width: number, format: VariantFormat): Promise<boolean> {
    return exists(join(this.variantsDir, this.variantName(image.storageKey, width, format)));
  }

  /**
   * Makes the variant if it is not on disk yet; concurrent requests share one encoding.
   * @throws VariantFailedError when the encoder cannot make it, now or on an earlier try, or the store has no
   * original; any other error when the store did not answer. Only the encoder's failure is not tried again.
   */
  async ensureVariant(image: StoredImage, width: number, format: VariantFormat): Promise<string> {
    const name = this.variantName(image.storageKey, width, format);
    const file = join(this.variantsDir, name);
    if (this.#failed.has(name)) throw new VariantFailedError(name, false, { cause: this.#failed.get(name) });
    if (await exists(file)) return name;
    const pending = this.#inFlight.get(name);
    // Whoever joins an encoding already under way hears of its failure as a remembered one, so it is reported once.
    if (pending)
      return pending.catch((error: unknown) =>
        Promise.reject(error instanceof VariantFailedError ? new VariantFailedError(name, false, { cause: error.cause }) : error),
      );
    const encoding = this.#copies
      .using(this.originalName(image), (original) => this.#encode(original, name, width, format))
      .catch((cause: unknown) => {
        if (!(cause instanceof OriginalMissingError)) throw cause;
        const firstTime = !this.#missing.has(name);
        this.#missing.add(name);
        throw new VariantFailedError(name, firstTime, { cause });
      })
      .then(() => {
        this.#missing.delete(name);
        return name;
      })
      .finally(() => this.#inFlight.delete(name));
    this.#inFlight.set(name, encoding);
    return encoding;
  }

  async #encode(original: string, name: string, width: number, format: VariantFormat): Promise<void> {
    await mkdir(this.variantsDir, { recursive: true });
    const file = join(this.variantsDir, name);
    let bytes: Buffer;
    try {
      // Public variants carry no metadata: sharp drops EXIF/XMP (GPS, camera owner) unless asked to keep it.
      const sharp = await loadSharp();
      bytes = await encoders[format](sharp(original).rotate().resize({ width, withoutEnlargement: true })).toBuffer();
    } catch (cause) {
      // Only failures to read or encode are remembered (until restart); a full disk below is worth another try.
      this.#failed.set(name, cause);
      throw new VariantFailedError(name, true, { cause });
    }
    // Written under a temporary name and renamed, so a reader never gets half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, file);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

export function extensionFor(mimeType: string): string {
  switch (mimeType) {
    case 'image/png':
      return 'png';
    case 'image/webp':
      return 'webp';
    case 'image/avif':
      return 'avif';
    case 'image/gif':
      return 'gif';
    default:
      return 'jpg';
  }
}
