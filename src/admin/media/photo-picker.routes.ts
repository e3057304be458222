import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { UnauthorizedError } from '../../errors.ts';
import { readLibraryFilter, searchMediaLibrary, thumbnailUrl, toResponsiveImage } from '../../media/index.ts';
import { type AdminContext, newsroomWords, staffOnly } from '../admin-context.ts';

const photosPerAnswer = 48;

const photo = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'storageKey', 'name', 'width', 'height', 'alt', 'caption', 'credit', 'thumbnailUrl', 'imageUrl'],
  properties: {
    id: { type: 'integer' },
    storageKey: { type: 'string' },
    name: { type: 'string' },
    width: { type: 'integer' },
    height: { type: 'integer' },
    alt: { type: 'string' },
    caption: { type: 'string' },
    credit: { type: 'string' },
    thumbnailUrl: { type: 'string' },
    /** The JPEG an inline photo stores as its <img src> (800 px wide, or the largest there is). */
    imageUrl: { type: 'string' },
  },
} as const;

/** Only these fields leave the server: no photographer, copyright, file sizes or usage. */
const answer = {
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total'],
  properties: { items: { type: 'array', items: photo }, total: { type: 'integer' } },
} as const;

/**
 * The rich editor's photo dialog lists the media library from here, newest first, searchable
 * like the library page. Staff only; a stranger gets 401, not the sign-in page.
 */
export const photoPickerRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const PickerQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) });
  app.get<{ Querystring: Static<typeof PickerQuery> }>(
    '/admin/media.json',
    {
      schema: { querystring: PickerQuery, response: { 200: answer } },
      preHandler: async (request, reply) => {
        if (!request.staff) throw new UnauthorizedError(newsroomWords(context).text('media.signInFirst'));
        return staffOnly(request, reply);
      },
    },
    async (request) => {
      const { filter } = readLibraryFilter({ q: request.query.q });
      const library = await searchMediaLibrary(context.db, filter, 1, photosPerAnswer);
      return {
        total: library.total,
        items: library.items.map((item) => ({
          id: item.id,
          storageKey: item.storageKey,
          name: item.originalName,
          width: item.width,
          height: item.height,
          alt: item.alt,
          caption: item.caption,
          credit: item.credit,
          thumbnailUrl: thumbnailUrl(item),
          imageUrl: toResponsiveImage(item).fallbackSrc,
        })),
      };
    },
  );
};
