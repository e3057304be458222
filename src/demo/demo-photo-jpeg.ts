import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoPhoto } from './demo-content.types.ts';
import { drawDemoPhoto } from './demo-photo.ts';
import { loadSharp } from '../media/index.ts';

/** Large enough for the widest variant; drawing bigger only slows the first start. */
const size = { width: 1600, height: 1067 };
const jpegOptions = { quality: 85 } as const;

async function encode(svg: string): Promise<Buffer> {
  const sharp = await loadSharp();
  return sharp(Buffer.from(svg)).jpeg(jpegOptions).toBuffer();
}

/** Names the bytes a drawing gives: the same picture through the same encoder is the same file. */
async function cacheKey(svg: string): Promise<string> {
  const { versions } = await loadSharp();
  return createHash('sha256').update(JSON.stringify(versions)).update(JSON.stringify(jpegOptions)).update(svg).digest('hex').slice(0, 16);
}

/**
 * A demo photo as a JPEG. Rasterising the drawing is most of a seed's work, so when `cacheDir` is
 * given the bytes are kept there under a hash of the drawing and the encoder, and read back by the
 * next seed that asks for the same picture. Without it, every call draws afresh.
 *
 * @example const jpeg = await demoPhotoJpeg(article.photo, join(tmpdir(), 'gazette-cache'));
 */
export async function demoPhotoJpeg(photo: DemoPhoto, cacheDir?: string): Promise<Buffer> {
  const svg = drawDemoPhoto(photo, size.width, size.height);
  if (cacheDir === undefined) return encode(svg);
  const file = join(cacheDir, `demo-photo-${await cacheKey(svg)}.jpg`);
  try {
    return await readFile(file);
  } catch {
    // Not drawn yet with this drawing and encoder.
  }
  const jpeg = await encode(svg);
  try {
    await mkdir(cacheDir, { recursive: true });
    // Renamed into place, so a process seeding at the same time never reads half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, jpeg);
    await rename(temporary, file);
  } catch {
    // A read-only or full disk only costs the next seed another drawing.
  }
  return jpeg;
}
