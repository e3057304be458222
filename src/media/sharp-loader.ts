import type SharpModule from 'sharp';

type Sharp = typeof SharpModule;
let loading: Promise<Sharp> | undefined;

/**
 * sharp, loaded on first use: libvips takes about 20 MB of a process that may only ever serve pages
 * whose image variants are already on disk (a follower worker, a restarted server).
 */
export function loadSharp(): Promise<Sharp> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    // libvips keeps decoded images and open files in its own cache; variants are written once and then
    // served from disk, so that cache would only hold memory. One encode at a time keeps a burst of
    // first requests for new images from taking every core away from page rendering.
    sharp.cache(false);
    sharp.concurrency(1);
    return sharp;
  });
  return loading;
}
