import multipart from '@fastify/multipart';
import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { codeForStatus, sentenceIn, ValidationError } from '../../errors.ts';
import {
  checkGivenDescription,
  describeImage,
  getMediaItem,
  importImage,
  type MediaItem,
  type MediaEvents,
  type MediaLibraryDeps,
  maxUploadBytes,
  type UploadRefusal,
  UploadRefusedError,
  type MediaFiles,
  uploadRefusals,
} from '../../media/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ContentChanges } from '../../platform/content-changes.ts';
import { rowIdParams } from '../../platform/route-schemas.ts';
import type { SiteContext } from '../../settings/index.ts';
import { AdminMediaJson, adminMediaJson, MediaUpdateBody, UploadForm, uploadRefusalStatus, uploadTextFields } from './admin-media-json.ts';
import { apiRequestMeta, auditApiChange } from '../api-audit.ts';
import { callerOf } from '../api-callers.ts';
import { problemResponses, sendProblem } from '../problem-details.ts';

/** What the media routes are given (the API's deps have more). */
export interface AdminMediaDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly changes: ContentChanges;
  readonly site: SiteContext;
  readonly mediaFiles: MediaFiles;
  readonly events: { readonly media: MediaEvents };
}

const IdParams = rowIdParams('id');
type IdParams = Static<typeof IdParams>;

const tags = ['Admin: Media'];
const security = [{ token: [] }];
const media200 = { 200: AdminMediaJson };
/** The most form fields an upload may send, as the library's own form allows. */
const maxFields = 20;

/** What one upload's form held, read part by part. */
interface UploadParts {
  readonly file?: { readonly name: string; readonly bytes: Buffer };
  readonly fields: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly tooLarge: boolean;
}

/** Reads every part: one file, as `file`, kept in memory (the library's limit caps it); the description's fields; nothing else. */
async function readUpload(request: FastifyRequest): Promise<UploadParts> {
  let file: UploadParts['file'];
  let tooLarge = false;
  const fields: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (!uploadTextFields.has(part.fieldname)) errors[part.fieldname] = 'This field is not known here.';
      else if (part.fieldname in fields) errors[part.fieldname] = 'Send this field once.';
      else fields[part.fieldname] = String(part.value);
      continue;
    }
    // Read to the end whatever it is, so the parts after it arrive.
    const bytes = await part.toBuffer();
    if (part.fieldname !== 'file') errors[part.fieldname] = 'Send the image as the field `file`.';
    // A file input left empty still sends a part: no name, no bytes.
    else if (part.file.truncated) tooLarge = true;
    else if (bytes.length > 0 || part.filename) file = { name: part.filename ?? '', bytes };
  }
  return { ...(file ? { file } : {}), fields, errors, tooLarge };
}

/**
 * The media library through the Admin API: an upload goes through the library's own checks (size,
 * type, pixels, damage) and storage, and a description through `describeImage`'s rules and roles.
 */
export const adminMediaRoutes: FastifyPluginAsync<AdminMediaDeps> = async (app, deps) => {
  // The library's limits, in this context only: one file of up to 20 MB, cut short (and refused) past it.
  await app.register(multipart, {
    limits: { fileSize: maxUploadBytes, files: 1, fields: maxFields, fieldSize: 64 * 1024, parts: maxFields + 1 },
    throwFileSizeLimit: false,
  });
  const libraryDeps: MediaLibraryDeps = { db: deps.db, files: deps.mediaFiles, changes: deps.changes, clock: deps.clock };
  const jsonContext = () => ({ publicUrl: deps.site.publicUrl, siteLanguage: deps.site.settings.current().language });
  const send = (reply: FastifyReply, item: MediaItem, status = 200) =>
    reply.code(status).header('cache-control', 'no-store').send(adminMediaJson(item, jsonContext()));
  const refuse = (request: FastifyRequest, reply: FastifyReply, reason: UploadRefusal) => {
    const detail = sentenceIn(uploadRefusals[reason]);
    const status = uploadRefusalStatus(reason);
    return sendProblem(request, reply, { status, code: codeForStatus(status), detail, errors: { file: detail } });
  };

  app.post(
    '/media',
    {
      schema: {
        tags,
        security,
        summary: 'Upload an image',
        description:
          'A `multipart/form-data` form with one file, `file`, and optionally its description. The same checks as the media library: ' +
          'a file over 20 MB is a 413, one that is not an image (or an SVG) a 415, one it cannot use (too many pixels, damaged) a 422. ' +
          'The same file sent again gives back the image already stored. Send `Idempotency-Key` so a retried upload is answered once.',
        consumes: ['multipart/form-data'],
        body: UploadForm,
        response: { 201: AdminMediaJson, ...problemResponses(400, 401, 409, 413, 415, 422) },
      },
      // The parts are read and checked in the handler, one at a time: the schema above is for the document.
      validatorCompiler: () => () => true,
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        return sendProblem(request, reply, {
          status: 415,
          code: codeForStatus(415),
          detail: 'Send the image as multipart/form-data, in a field named `file`.',
        });
      }
      const upload = await readUpload(request);
      if (Object.keys(upload.errors).length > 0) throw new ValidationError('The upload has errors.', upload.errors);
      if (upload.tooLarge) return refuse(request, reply, 'too-large');
      if (!upload.file) return refuse(request, reply, 'no-file');
      const description = checkGivenDescription(upload.fields);
      const { user } = callerOf(request);
      let item: MediaItem;
      try {
        const storeDeps = { db: deps.db, files: deps.mediaFiles, now: deps.clock.now(), events: deps.events.media };
        item = await importImage(storeDeps, { bytes: upload.file.bytes, originalName: upload.file.name, uploadedBy: user.id }, description);
      } catch (error) {
        if (!(error instanceof UploadRefusedError)) throw error;
        return refuse(request, reply, error.reason);
      }
      await auditApiChange(deps, request, 'media.uploaded', `${item.id}: ${item.originalName}`);
      return send(reply.header('location', `${request.url.split('?')[0]}/${item.id}`), item, 201);
    },
  );

  app.get<{ Params: IdParams }>(
    '/media/:id',
    { schema: { tags, security, summary: 'Get an image', params: IdParams, response: { ...media200, ...problemResponses(401, 403, 404, 422) } } },
    async (request, reply) => send(reply, await getMediaItem(deps.db, request.params.id)),
  );

  app.patch<{ Params: IdParams; Body: Static<typeof MediaUpdateBody> }>(
    '/media/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Describe an image',
        description:
          'Changes the fields sent, keeping the others, by the media library’s rules: alt text is required, and HTML tags and control characters are refused. ' +
          'Editors describe any image; authors and contributors only those they uploaded that no published or scheduled article shows. ' +
          'The text replaced is kept in the image’s history, and pages showing the image are refreshed.',
        params: IdParams,
        body: MediaUpdateBody,
        response: { ...media200, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const before = await getMediaItem(deps.db, request.params.id);
      const { alt, caption, credit, photographer, copyright } = before;
      const isSiteLogo = deps.site.settings.current().logo?.mediaId === before.id;
      // describeImage writes the audit log itself; the meta names the token.
      const actor = { staff: callerOf(request).user, meta: apiRequestMeta(request) };
      const { item } = await describeImage(libraryDeps, actor, before.id, { alt, caption, credit, photographer, copyright, ...request.body }, { isSiteLogo });
      return send(reply, item);
    },
  );
};
