import { mkdir } from 'node:fs/promises';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { type MediaFiles, type VariantFormat, widthsFor } from './media-files.ts';
import { findMediaByStorageKey } from './media.queries.ts';

export interface MediaRoutesOptions {
  readonly db: Db;
  readonly files: MediaFiles;
}

const variantParams = {
  type: 'object',
  required: ['storageKey', 'file'],
  properties: {
    storageKey: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 140 },
    file: { type: 'string', pattern: '^[0-9]{2,5}\\.(avif|webp|jpg)$' },
  },
} as const;

/** Serves image variants; their URLs never change content, so browsers keep them for a year. */
export const mediaRoutes: FastifyPluginAsync<MediaRoutesOptions> = async (app, { db, files }) => {
  await mkdir(files.variantsDir, { recursive: true });
  await app.register(fastifyStatic, { root: files.variantsDir, serve: false });

  app.get<{ Params: { storageKey: string; file: string } }>(
    '/media/:storageKey/:file',
    { schema: { params: variantParams } },
    async (request, reply) => {
      const [widthText, format] = request.params.file.split('.') as [string, VariantFormat];
      const width = Number(widthText);
      const item = await findMediaByStorageKey(db, request.params.storageKey);
      if (!item || !widthsFor(item.width).includes(width)) throw new NotFoundError('No such image');
      const name = await files.ensureVariant(files.originalPath(item.storageKey, item.mimeType), item.storageKey, width, format);
      reply.header('cache-control', 'public, max-age=31536000, immutable');
      return reply.sendFile(name, { cacheControl: false });
    },
  );
};
