import type { ResponsiveImage } from '../render/picture.tsx';
import { type VariantFormat, widthsFor } from './media-files.ts';

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

/** Every variant of an image, as <picture> wants them: AVIF, then WebP, then JPEG for the rest. */
export function toResponsiveImage(image: { storageKey: string; width: number; height: number; alt: string }): ResponsiveImage {
  const widths = widthsFor(image.width);
  const fallbackWidth = widths.find((width) => width >= 800) ?? widths.at(-1) ?? image.width;
  return {
    width: image.width,
    height: image.height,
    alt: image.alt,
    sources: [
      { type: 'image/avif', srcset: srcsetFor(image.storageKey, widths, 'avif') },
      { type: 'image/webp', srcset: srcsetFor(image.storageKey, widths, 'webp') },
    ],
    fallbackSrc: mediaVariantUrl(image.storageKey, fallbackWidth, 'jpg'),
    fallbackSrcset: srcsetFor(image.storageKey, widths, 'jpg'),
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
