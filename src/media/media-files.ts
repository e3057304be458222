import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';

// libvips keeps decoded images and open files in its own cache; variants are written once and then
// served from disk, so that cache would only hold memory. One encode at a time keeps a burst of
// first requests for new images from taking every core away from page rendering.
sharp.cache(false);
sharp.concurrency(1);

export type VariantFormat = 'avif' | 'webp' | 'jpg';

/** Widths offered in srcset; an image is never enlarged past its own width. */
export const variantWidths = [480, 800, 1200, 1600] as const;
export const variantFormats: readonly VariantFormat[] = ['avif', 'webp', 'jpg'];

export function widthsFor(originalWidth: number): number[] {
  const widths = variantWidths.filter((width) => width < originalWidth);
  return widths.length < variantWidths.length ? [...widths, Math.min(originalWidth, variantWidths.at(-1)!)] : widths;
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
    const variants = widthsFor(originalWidth).flatMap((width) => variantFormats.map((format) => join(this.variantsDir, this.variantName(storageKey, width, format))));
    await Promise.all([this.originalPath(storageKey, mimeType), ...variants].map((file) => rm(file, { force: true })));
  }

  /** Makes the variant if it is not on disk yet; concurrent requests share one encoding. */
  async ensureVariant(original: string, storageKey: string, width: number, format: VariantFormat): Promise<string> {
    const name = this.variantName(storageKey, width, format);
    const file = join(this.variantsDir, name);
    if (await exists(file)) return name;
    let pending = this.#inFlight.get(name);
    if (!pending) {
      pending = this.#encode(original, file, width, format)
        .then(() => name)
        .finally(() => this.#inFlight.delete(name));
      this.#inFlight.set(name, pending);
    }
    return pending;
  }

  async #encode(original: string, file: string, width: number, format: VariantFormat): Promise<void> {
    await mkdir(this.variantsDir, { recursive: true });
    // Public variants carry no metadata: sharp drops EXIF/XMP (GPS, camera owner) unless asked to keep it.
    const bytes = await encoders[format](sharp(original).rotate().resize({ width, withoutEnlargement: true })).toBuffer();
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
