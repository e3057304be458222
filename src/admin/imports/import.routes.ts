import type {} from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { audit, can, type RequestMeta, type User } from '../../accounts/index.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { ImportFileError, type ImportJob, ImportJobs, isImportKind } from '../../imports/index.ts';
import { isIncompleteMultipart } from '../../platform/multipart-errors.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { accountDeps, type AdminContext, newsroomWords, requestMeta, requireStaff, sendAdminPage, staffOnly } from '../admin-context.ts';
import { passesCsrfCheck } from '../multipart-csrf.ts';
import { renderImportForm, renderImportJobPage } from './import-page.tsx';

/** Exports run large (years of articles and comments); this route alone accepts files this big, written straight to disk. */
const maxExportMebibytes = 512;
const maxExportBytes = maxExportMebibytes * 1024 * 1024;
/** A zip of a site's photos runs larger still; beyond this, the command line reads the folder where it is. */
const maxPhotosGibibytes = 2;
const maxPhotosBytes = maxPhotosGibibytes * 1024 * 1024 * 1024;

/** The page's refusals, in the newsroom's words. */
function messagesIn(words: Translator<NewsroomKey>) {
  return {
    forbidden: words.text('imports.forbidden'),
    noKind: words.text('imports.noKind'),
    noFile: words.text('imports.noFile'),
    tooLarge: words.text('imports.tooLarge', { mebibytes: maxExportMebibytes }),
    photosTooLarge: words.text('imports.photosTooLarge', { gibibytes: maxPhotosGibibytes }),
    notZip: words.text('imports.notZip'),
    oneFile: words.text('imports.oneFile'),
    incomplete: words.text('imports.incomplete'),
    noJob: words.text('imports.noJob'),
  };
}

const jobParams = { type: 'object', properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } }, required: ['id'] } as const;

interface Upload {
  readonly storedName: string;
  readonly fileName: string;
  readonly truncated: boolean;
  readonly bytes: number;
}

function auditImport(context: AdminContext, staff: User, meta: RequestMeta, action: 'started' | 'finished' | 'failed', job: ImportJob): Promise<void> {
  return audit(accountDeps(context), staff, `import.${action}`, `${job.id}: ${job.kind} ${job.fileName}`.slice(0, 300), meta);
}

/** /admin/import: an export from WordPress, Ghost or Disqus, checked by a dry run, then imported in the background. Owners and admins only. */
export const importRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  app.addHook('preHandler', staffOnly);
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!can(requireStaff(request), 'manage-settings')) throw new ForbiddenError(messagesIn(newsroomWords(context)).forbidden);
  });
  const jobs = new ImportJobs({ db: context.db, clock: context.site.clock, changes: context.changes, files: context.mediaFiles }, context.importsDir, (error) =>
    app.log.error({ err: error }, 'An import from the newsroom failed'),
  );

  const showForm = (request: FastifyRequest, reply: FastifyReply, status: number, kind: string, errors: Record<string, string>) =>
    sendAdminPage(context, request, reply, status, renderImportForm, { kind, errors, maxMebibytes: maxExportMebibytes, maxPhotosGibibytes });

  const findJob = async (id: string): Promise<ImportJob> => {
    const job = await jobs.find(Number(id));
    if (!job) throw new NotFoundError(messagesIn(newsroomWords(context)).noJob);
    return job;
  };

  app.get('/admin/import', async (request, reply) => showForm(request, reply, 200, 'wordpress', {}));

  app.post('/admin/import', async (request, reply) => {
    const words = newsroomWords(context);
    const messages = messagesIn(words);
    if (!request.isMultipart()) return showForm(request, reply, 400, 'wordpress', { file: messages.noFile });
    let fieldToken: string | undefined;
    let checked = false;
    let kind = '';
    let upload: Upload | undefined;
    let photos: Upload | undefined;
    const discardAll = async () => {
      for (const stored of [upload, photos]) if (stored) await jobs.discard(stored.storedName);
    };
    try {
      for await (const part of request.parts({ limits: { fileSize: maxPhotosBytes, files: 2 } })) {
        if (part.type === 'field') {
          if (part.fieldname === '_csrf' && typeof part.value === 'string') fieldToken = part.value;
          if (part.fieldname === 'kind' && typeof part.value === 'string') kind = part.value;
          continue;
        }
        if (!checked && !passesCsrfCheck(app, request, reply, fieldToken)) return reply;
        checked = true;
        const stored = await jobs.receive(part.file);
        const received = { storedName: stored.storedName, bytes: stored.bytes, fileName: part.filename ?? '', truncated: part.file.truncated };
        if (part.fieldname === 'photos' && !photos) photos = received;
        else if (part.fieldname === 'file' && !upload) upload = received;
        else {
          await jobs.discard(received.storedName);
          throw new app.multipartErrors.FilesLimitError();
        }
      }
    } catch (error) {
      await discardAll();
      if (error instanceof app.multipartErrors.FilesLimitError) return showForm(request, reply, 400, kind, { file: messages.oneFile });
      if (isIncompleteMultipart(error)) return showForm(request, reply, 400, kind, { file: messages.incomplete });
      throw error;
    }
    if (!checked && !passesCsrfCheck(app, request, reply, fieldToken)) return reply;

    const errors: Record<string, string> = {};
    if (!isImportKind(kind)) errors.kind = messages.noKind;
    // A file input left empty still sends a part: no name, no bytes.
    if (!upload || upload.fileName === '') errors.file = messages.noFile;
    else if (upload.truncated || upload.bytes > maxExportBytes) errors.file = messages.tooLarge;
    const hasPhotos = photos !== undefined && photos.fileName !== '';
    if (hasPhotos && photos?.truncated) errors.photos = messages.photosTooLarge;
    else if (hasPhotos && !/\.zip$/iu.test(photos?.fileName ?? '')) errors.photos = messages.notZip;
    if (!isImportKind(kind) || !upload || Object.keys(errors).length > 0) {
      await discardAll();
      return showForm(request, reply, 400, kind, errors);
    }
    let photosName: string | undefined;
    try {
      if (photos && hasPhotos) photosName = (await jobs.unpackPhotos(photos.storedName, kind)).photosName;
      else if (photos) await jobs.discard(photos.storedName);
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      await jobs.discard(upload.storedName);
      return showForm(request, reply, 400, kind, { photos: error.textIn(words) });
    }
    try {
      const id = await jobs.check({ kind, fileName: upload.fileName, storedName: upload.storedName, ...(photosName ? { photosName } : {}) });
      return reply.redirect(`/admin/import/${id}`, 303);
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      return showForm(request, reply, 400, kind, { file: error.textIn(words) });
    }
  });

  app.get<{ Params: { id: string } }>('/admin/import/:id', { schema: { params: jobParams } }, async (request, reply) =>
    sendAdminPage(context, request, reply, 200, renderImportJobPage, { job: await findJob(request.params.id), scriptUrl: context.importScriptUrl }),
  );

  app.post<{ Params: { id: string } }>('/admin/import/:id/run', { schema: { params: jobParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const staff = requireStaff(request);
    const job = await findJob(request.params.id);
    // The entry written when the import ends, after this request has been answered, names who started it and from where.
    const meta = requestMeta(request);
    const started = await jobs.start(job.id, (settled) => auditImport(context, staff, meta, settled.state === 'finished' ? 'finished' : 'failed', settled));
    if (started) await auditImport(context, staff, meta, 'started', job);
    return reply.redirect(`/admin/import/${job.id}`, 303);
  });
};
