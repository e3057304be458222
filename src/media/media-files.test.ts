import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitsFormat, variantSize, widthsFor } from './media-files.ts';
import { toResponsiveImage } from './media-urls.ts';

test('a variant is scaled to its width, rounded up, and never enlarged', () => {
  assert.deepEqual(variantSize({ width: 1601, height: 30_000 }, 1600), { width: 1600, height: 29_982 });
  assert.deepEqual(variantSize({ width: 300, height: 200 }, 480), { width: 300, height: 200 });
});

test('each format holds sizes up to its encoder’s limit: AVIF 16384, WebP 16383, JPEG 65535', () => {
  const tall = (height: number) => ({ width: 480, height });
  assert.equal(fitsFormat(tall(16_384), 480, 'avif'), true);
  assert.equal(fitsFormat(tall(16_384), 480, 'webp'), false);
  assert.equal(fitsFormat(tall(16_383), 480, 'webp'), true);
  assert.equal(fitsFormat(tall(65_535), 480, 'jpg'), true);
  assert.equal(fitsFormat(tall(65_536), 480, 'jpg'), false);
  assert.deepEqual(
    widthsFor(1601).filter((width) => fitsFormat({ width: 1601, height: 30_000 }, width, 'avif')),
    [480, 800],
  );
});

test('a picture offers each format only at the widths it can be made', () => {
  const picture = toResponsiveImage({ storageKey: 'strip', width: 800, height: 20_000, alt: 'A strip' });
  assert.deepEqual(picture.sources, [
    { type: 'image/avif', srcset: '/media/strip/480.avif 480w' },
    { type: 'image/webp', srcset: '/media/strip/480.webp 480w' },
  ]);
  assert.equal(picture.fallbackSrcset, '/media/strip/480.jpg 480w, /media/strip/800.jpg 800w');
  const tooTallForAny = toResponsiveImage({ storageKey: 'needle', width: 300, height: 20_000, alt: 'A needle' });
  assert.deepEqual(tooTallForAny.sources, [], 'no AVIF or WebP source at all: the JPEG serves every browser');
  assert.equal(tooTallForAny.fallbackSrc, '/media/needle/300.jpg');
});
