import type {} from '@fastify/multipart';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { importImage, type MediaItem, thumbnailUrl, type UploadRefusal, UploadRefusedError, uploadRefusals } from '../media/index.ts';
import type { AdminContext } from './admin-context.ts';

export interface UploadRefusalEntry {
  readonly name: string;
  readonly reason: UploadRefusal;
}

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

/** Where the library page shows what an upload without JavaScript added and refused, and why. */
export function uploadSummaryPath(added: readonly MediaItem[], refused: readonly UploadRefusalEntry[]): string {
  const query = new URLSearchParams();
  for (const item of added) query.append('added', String(item.id));
  for (const entry of refused) query.append('refused', `${entry.reason}:${entry.name.slice(0, 120)}`);
  return `/admin/media?${query}`;
}

/** The reverse of uploadSummaryPath; codes it does not know are dropped, so a link cannot show made-up reasons. */
export function readUploadRefusals(values: readonly string[]): UploadRefusalEntry[] {
  return values.flatMap((value) => {
    const colon = value.indexOf(':');
    const reason = value.slice(0, colon);
    return colon > 0 && Object.hasOwn(uploadRefusals, reason) ? [{ reason: reason as UploadRefusal, name: value.slice(colon + 1) }] : [];
  });
}

/**
 * Checks the CSRF token before any file is read. The no-JS form sends it as the field before its
 * files (browsers send fields in document order); the script sends it as a header. Multipart
 * bodies are read in the handler, so the field's value is put where the CSRF check looks for it.
 */
function passesCsrfCheck(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, fieldToken: string | undefined): boolean {
  request.body = { _csrf: fieldToken };
  let passed = false;
  // csrfProtection answers a failure itself (403) and calls back only on success, synchronously.
  app.csrfProtection(request, reply, () => {
    passed = true;
  });
  return passed;
}

/**
 * POST /admin/media: one or more files. Answers JSON to scripts that ask for it (one file per
 * request, for a progress bar each); otherwise redirects back to the library with a summary.
 */
export const mediaUploadRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  // Registered inside the library's routes, whose preHandler lets only signed-in staff this far.
  app.post('/admin/media', { schema: { response: { 200: uploadResponse, 422: uploadResponse } } }, async (request, reply) => {
    if (!request.isMultipart()) throw new UploadRefusedError('no-file');
    const deps = { db: context.db, files: context.mediaFiles, now: context.site.clock.now() };
    const added: MediaItem[] = [];
    const refused: UploadRefusalEntry[] = [];
    let fieldToken: string | undefined;
    let checked = false;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          if (part.fieldname === '_csrf' && typeof part.value === 'string') fieldToken = part.value;
          continue;
        }
        if (!checked && !passesCsrfCheck(app, request, reply, fieldToken)) return reply;
        checked = true;
        const bytes = await part.toBuffer();
        // A file input left empty still sends a part: no name, no bytes.
        const name = part.filename ?? '';
        if (name === '' && bytes.length === 0) continue;
        if (part.file.truncated) {
          refused.push({ name, reason: 'too-large' });
          continue;
        }
        try {
          added.push(await importImage(deps, { bytes, originalName: name }));
        } catch (error) {
          if (!(error instanceof UploadRefusedError)) throw error;
          refused.push({ name, reason: error.reason });
        }
      }
    } catch (error) {
      if (!(error instanceof app.multipartErrors.FilesLimitError)) throw error;
      refused.push({ name: `Files after the first ${added.length + refused.length}`, reason: 'too-many-files' });
    }
    if (!checked && !passesCsrfCheck(app, request, reply, fieldToken)) return reply;
    if (added.length === 0 && refused.length === 0) refused.push({ name: '', reason: 'no-file' });

    if (!request.headers.accept?.includes('application/json')) return reply.redirect(uploadSummaryPath(added, refused), 303);
    return reply.code(added.length > 0 ? 200 : 422).send({
      added: added.map((item) => ({ ...item, editUrl: `/admin/media/${item.id}`, thumbnailUrl: thumbnailUrl(item) })),
      refused: refused.map((entry) => ({ ...entry, message: uploadRefusals[entry.reason] })),
    });
  });
};
