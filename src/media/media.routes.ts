import { type Static, Type } from '@sinclair/typebox';
import { mkdir } from 'node:fs/promises';
import fastifyStatic from '@fastify/static';
import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { fitsFormat, type MediaFiles, VariantFailedError, type VariantFormat, widthsFor } from './media-files.ts';
import { findMediaByStorageKey, type MediaItem } from './media.queries.ts';

const messages = {
  notFound: 'No such image',
  cannotBeMade: 'This size of the image cannot be made. The page showing it offers other sizes.',
};

export interface MediaRoutesOptions {
  readonly db: Db;
  readonly files: MediaFiles;
}

const VariantParams = Type.Object({
  storageKey: Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 140 }),
  file: Type.String({ pattern: '^[0-9]{2,5}\\.(avif|webp|jpg)$' }),
});

/** Serves image variants; their URLs never change content, so browsers keep them for a year. */
export const mediaRoutes: FastifyPluginAsync<MediaRoutesOptions> = async (app, { db, files }) => {
  await mkdir(files.variantsDir, { recursive: true });
  await app.register(fastifyStatic, { root: files.variantsDir, serve: false });

  app.get<{ Params: Static<typeof VariantParams> }>('/media/:storageKey/:file', { schema: { params: VariantParams } }, async (request, reply) => {
    const [widthText, format] = request.params.file.split('.') as [string, VariantFormat];
    const width = Number(widthText);
    const item = await findMediaByStorageKey(db, request.params.storageKey);
    if (!item || !widthsFor(item.width).includes(width)) throw new NotFoundError(messages.notFound);
    const served = await variantOrFallback(files, item, width, format, request.log);
    if (!served) throw new NotFoundError(messages.cannotBeMade);
    // A stand-in is kept for a day only, so the real variant takes over once it can be made.
    reply.header('cache-control', served.format === format ? 'public, max-age=31536000, immutable' : 'public, max-age=86400');
    return reply.sendFile(served.name, { cacheControl: false });
  });
};

/**
 * The variant asked for or, when that format cannot be made, the JPEG of the same width: a
 * <picture> source that fails to load shows a broken image rather than trying the next source.
 * Undefined when neither can be made; a failure is logged the first time only.
 */
async function variantOrFallback(
  files: MediaFiles,
  item: MediaItem,
  width: number,
  format: VariantFormat,
  log: FastifyBaseLogger,
): Promise<{ name: string; format: VariantFormat } | undefined> {
  // The stand-in is made from the same fetch of the original.
  return files.makingVariantsOf(item, async () => {
    for (const candidate of format === 'jpg' ? (['jpg'] as const) : ([format, 'jpg'] as const)) {
      if (!fitsFormat(item, width, candidate)) continue;
      try {
        return { name: await files.ensureVariant(item, width, candidate), format: candidate };
      } catch (error) {
        if (!(error instanceof VariantFailedError)) throw error;
        if (error.firstTime) log.warn({ err: error, mediaId: item.id }, 'An image variant could not be made; readers get another format or none');
      }
    }
    return undefined;
  });
}
