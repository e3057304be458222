import type {} from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { importImage, type MediaItem, thumbnailUrl, UploadRefusedError, uploadRefusals } from '../../media/index.ts';
import { codeForStatus, sentenceIn } from '../../errors.ts';
import { isIncompleteMultipart } from '../../platform/multipart-errors.ts';
import { type AdminContext, newsroomWords, requireStaff } from '../admin-context.ts';
import { passesCsrfCheck } from '../multipart-csrf.ts';
import { showMediaLibrary, type UploadRefusalEntry } from './media-library-screen.ts';

const publicItem = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    originalName: { type: 'string' },
    mimeType: { type: 'string' },
    width: { type: 'integer' },
    height: { type: 'integer' },
    alt: { type: 'string' },
    caption: { type: 'string' },
    credit: { type: 'string' },
    photographer: { type: 'string' },
    copyright: { type: 'string' },
    editUrl: { type: 'string' },
    thumbnailUrl: { type: 'string' },
  },
} as const;
/** Lists only what the newsroom shows, so storage paths or future private columns never reach a script. */
const uploadResponse = {
  type: 'object',
  properties: {
    added: { type: 'array', items: publicItem },
    refused: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, reason: { type: 'string' }, message: { type: 'string' } } } },
  },
} as const;
const uploadAnswers = { 200: uploadResponse, 400: uploadResponse, 422: uploadResponse } as const;

/**
 * POST /admin/media: one or more files. Answers JSON to scripts that ask for it (one file per
 * request, for a progress bar each); otherwise answers with the library page and a summary.
 * A body that stops part way (a dropped connection) is a 400 naming the file to send again;
 * files that arrived whole before it are kept.
 */
export const mediaUploadRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  // Registered inside the library's routes, whose preHandler lets only signed-in staff this far.
  app.post('/admin/media', { schema: { response: uploadAnswers } }, async (request, reply) => {
    if (!request.isMultipart()) throw new UploadRefusedError('no-file');
    const deps = { db: context.db, files: context.mediaFiles, now: context.site.clock.now(), events: context.mediaEvents };
    const added: MediaItem[] = [];
    const refused: UploadRefusalEntry[] = [];
    let fieldToken: string | undefined;
    let checked = false;
    let incomplete = false;
    /** The file being read, so a body that stops in it can say which. */
    let reading = '';
    try {
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          if (part.fieldname === '_csrf' && typeof part.value === 'string') fieldToken = part.value;
          continue;
        }
        if (!checked && !passesCsrfCheck(app, request, reply, fieldToken)) return reply;
        checked = true;
        // A file input left empty still sends a part: no name, no bytes.
        const name = part.filename ?? '';
        reading = name;
        const bytes = await part.toBuffer();
        reading = '';
        if (name === '' && bytes.length === 0) continue;
        if (part.file.truncated) {
          refused.push({ name, reason: 'too-large' });
          continue;
        }
        try {
          added.push(await importImage(deps, { bytes, originalName: name, uploadedBy: requireStaff(request).id }));
        } catch (error) {
          if (!(error instanceof UploadRefusedError)) throw error;
          refused.push({ name, reason: error.reason });
        }
      }
    } catch (error) {
      if (error instanceof app.multipartErrors.FilesLimitError) {
        refused.push({ name: newsroomWords(context).text('media.filesAfterFirst', { count: added.length + refused.length }), reason: 'too-many-files' });
      } else if (isIncompleteMultipart(error)) {
        incomplete = true;
        refused.push({ name: reading.slice(-255), reason: 'incomplete' });
      } else {
        throw error;
      }
    }
    if (!checked && !passesCsrfCheck(app, request, reply, fieldToken)) return reply;
    if (added.length === 0 && refused.length === 0) refused.push({ name: '', reason: 'no-file' });

    const wantsJson = request.headers.accept?.includes('application/json');
    const status = incomplete ? 400 : added.length > 0 ? 200 : 422;
    // Without JavaScript the library is shown at once rather than after a redirect: what was refused is
    // named by file, and a file name carried in an address would let a crafted link write on the page.
    // Sending the form again is harmless, since the same bytes are stored once.
    if (!wantsJson) return showMediaLibrary(context, request, reply, status, { page: 1 }, { added, refused });
    return reply.code(status).send({
      ...(status >= 400 ? { code: codeForStatus(status) } : {}),
      added: added.map((item) => ({ ...item, editUrl: `/admin/media/${item.id}`, thumbnailUrl: thumbnailUrl(item) })),
      // The upload script shows the message as it is, so it comes in the newsroom's words.
      refused: refused.map((entry) => ({ ...entry, message: sentenceIn(uploadRefusals[entry.reason], newsroomWords(context)) })),
    });
  });
};
