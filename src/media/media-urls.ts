import type { ResponsiveImage } from '../render/picture.tsx';
import { fitsFormat, type VariantFormat, widthsFor } from './media-files.ts';

export function mediaVariantUrl(storageKey: string, width: number, format: VariantFormat): string {
  return `/media/${storageKey}/${width}.${format}`;
}

/** The smallest JPEG variant, for the newsroom's thumbnails. */
export function thumbnailUrl(image: { storageKey: string; width: number }): string {
  return mediaVariantUrl(image.storageKey, widthsFor(image.width)[0] ?? image.width, 'jpg');
}

function srcsetFor(storageKey: string, widths: readonly number[], format: VariantFormat): string {
  return widths.map((width) => `${mediaVariantUrl(storageKey, width, format)} ${width}w`).join(', ');
}

/**
 * Every variant of an image, as <picture> wants them: AVIF, then WebP, then JPEG for the rest.
 * A size a format cannot hold (a very tall image stored before uploads were checked for it) is
 * left out of that format's srcset, so the browser picks one that exists.
 */
export function toResponsiveImage(image: { storageKey: string; width: number; height: number; alt: string }): ResponsiveImage {
  const widths = widthsFor(image.width);
  const widthsIn = (format: VariantFormat) => widths.filter((width) => fitsFormat(image, width, format));
  const jpegWidths = widthsIn('jpg').length > 0 ? widthsIn('jpg') : widths;
  const fallbackWidth = jpegWidths.find((width) => width >= 800) ?? jpegWidths.at(-1) ?? image.width;
  return {
    width: image.width,
    height: image.height,
    alt: image.alt,
    sources: (['avif', 'webp'] as const).flatMap((format) => {
      const fitting = widthsIn(format);
      return fitting.length > 0 ? [{ type: `image/${format}`, srcset: srcsetFor(image.storageKey, fitting, format) }] : [];
    }),
    fallbackSrc: mediaVariantUrl(image.storageKey, fallbackWidth, 'jpg'),
    fallbackSrcset: srcsetFor(image.storageKey, jpegWidths, 'jpg'),
  };
}

/**
 * The site logo as feeds and JSON-LD link it: the largest variant, with its real size. A JPEG keeps
 * its format; any other original is served as WebP, because a logo's transparent ground would turn
 * black in a JPEG.
 */
export function logoImage(image: { storageKey: string; width: number; height: number; mimeType: string }): { path: string; width: number; height: number } {
  const { width, height } = shareableImage(image);
  return { path: mediaVariantUrl(image.storageKey, width, image.mimeType === 'image/jpeg' ? 'jpg' : 'webp'), width, height };
}

/** The JPEG that social networks and JSON-LD get: the largest variant, with its real size. */
export function shareableImage(image: { storageKey: string; width: number; height: number }): { path: string; width: number; height: number } {
  const width = widthsFor(image.width).at(-1) ?? image.width;
  return {
    path: mediaVariantUrl(image.storageKey, width, 'jpg'),
    width,
    height: Math.round((image.height * width) / image.width),
  };
}
