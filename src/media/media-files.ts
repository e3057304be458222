import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Sharp } from 'sharp';
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
 * Originals and their resized variants on disk. Variants are made on first request (and warmed
 * after boot), so a new upload or a fresh demo never delays start-up.
 */
export class MediaFiles {
  readonly #inFlight = new Map<string, Promise<string>>();
  /**
   * Variants whose encoding failed, with why. An encoder that fails on an image fails the same way
   * every time, so each is tried once per process rather than on every request for it.
   */
  readonly #failed = new Map<string, unknown>();
  readonly originalsDir: string;
  readonly variantsDir: string;

  constructor(dataDir: string) {
    this.originalsDir = join(dataDir, 'media', 'originals');
    this.variantsDir = join(dataDir, 'media', 'variants');
  }

  async saveOriginal(storageKey: string, extension: string, bytes: Buffer): Promise<string> {
    await mkdir(this.originalsDir, { recursive: true });
    const file = join(this.originalsDir, `${storageKey}.${extension}`);
    await writeFile(file, bytes);
    return file;
  }

  originalPath(storageKey: string, mimeType: string): string {
    return join(this.originalsDir, `${storageKey}.${extensionFor(mimeType)}`);
  }

  variantName(storageKey: string, width: number, format: VariantFormat): string {
    return `${storageKey}-${width}.${format}`;
  }

  /** Removes an image's original and every variant it may have; files already gone are no error. */
  async deleteAll(storageKey: string, mimeType: string, originalWidth: number): Promise<void> {
    const names = widthsFor(originalWidth).flatMap((width) => variantFormats.map((format) => this.variantName(storageKey, width, format)));
    for (const name of names) this.#failed.delete(name);
    await Promise.all([this.originalPath(storageKey, mimeType), ...names.map((name) => join(this.variantsDir, name))].map((file) => rm(file, { force: true })));
  }

  /**
   * Makes the variant if it is not on disk yet; concurrent requests share one encoding.
   * @throws VariantFailedError when the encoder cannot make it, now or on an earlier try
   */
  async ensureVariant(original: string, storageKey: string, width: number, format: VariantFormat): Promise<string> {
    const name = this.variantName(storageKey, width, format);
    const file = join(this.variantsDir, name);
    if (this.#failed.has(name)) throw new VariantFailedError(name, false, { cause: this.#failed.get(name) });
    if (await exists(file)) return name;
    const pending = this.#inFlight.get(name);
    // Whoever joins an encoding already under way hears of its failure as a remembered one, so it is reported once.
    if (pending)
      return pending.catch((error: unknown) =>
        Promise.reject(error instanceof VariantFailedError ? new VariantFailedError(name, false, { cause: error.cause }) : error),
      );
    const encoding = this.#encode(original, file, width, format)
      .then(() => name)
      .finally(() => this.#inFlight.delete(name));
    this.#inFlight.set(name, encoding);
    return encoding;
  }

  async #encode(original: string, file: string, width: number, format: VariantFormat): Promise<void> {
    await mkdir(this.variantsDir, { recursive: true });
    const name = basename(file);
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
