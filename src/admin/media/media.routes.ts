import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { isListedFor } from '../../articles/index.ts';
import { articleUrl } from '../../platform/urls.ts';
import { ConflictError, ForbiddenError, sentenceIn, ValidationError } from '../../errors.ts';
import {
  deleteImage,
  describeImage,
  type DescriptionField,
  descriptionFields,
  findImageUploader,
  getMediaItem,
  listImageHistory,
  listMediaUsage,
  type MediaActor,
  type MediaItem,
  type MediaLibraryDeps,
  toResponsiveImage,
  typedDescription,
  whyCannotDelete,
  whyCannotDescribe,
} from '../../media/index.ts';
import { formatDateTime } from '../../render/dates.ts';
import { type AdminContext, newsroomWords, requestMeta, requireStaff, staffOnly, sendAdminPage } from '../admin-context.ts';
import { type MediaEditPageData, renderMediaEditPage } from './media-edit-page.tsx';
import { LibraryQuery, showMediaLibrary, textOrRepeated } from './media-library-screen.ts';
import { mediaUploadRoutes } from './media-upload.routes.ts';
import { NoticeQuery, type NoticeTable, noticeText, withNotice } from '../notices.ts';
import { rowIdParams } from '../../platform/route-schemas.ts';

type Words = ReturnType<typeof newsroomWords>;

const libraryNotices = (words: Words) =>
  ({
    deleted: words.text('media.deleted'),
  }) satisfies NoticeTable;

const IdParams = rowIdParams('id');
type IdParams = Static<typeof IdParams>;
const LibraryPageQuery = Type.Object({ ...LibraryQuery.properties, ...NoticeQuery.properties });
const descriptionBody = Type.Object({
  alt: textOrRepeated,
  caption: textOrRepeated,
  credit: textOrRepeated,
  photographer: textOrRepeated,
  copyright: textOrRepeated,
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
});

type EditPageForm = Partial<Pick<MediaEditPageData, 'values' | 'errors' | 'notice' | 'problem' | 'refusedNow'>>;

/** The media library: browse, search, upload, describe and delete the newsroom's photos. */
export const mediaLibraryRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const deps: MediaLibraryDeps = { db: context.db, files: context.mediaFiles, changes: context.changes, clock: context.site.clock };
  // The logo lives in the settings, which the media capability does not know; the newsroom checks it here.
  const isSiteLogo = (id: number) => context.site.settings.current().logo?.mediaId === id;
  const actorOf = (request: FastifyRequest): MediaActor => ({ staff: requireStaff(request), meta: requestMeta(request) });
  app.addHook('preHandler', staffOnly);
  await app.register(mediaUploadRoutes, context);

  app.get<{ Querystring: Static<typeof LibraryPageQuery> }>('/admin/media', { schema: { querystring: LibraryPageQuery } }, async (request, reply) => {
    const notice = noticeText(libraryNotices(newsroomWords(context)), request.query);
    return showMediaLibrary(context, request, reply, 200, request.query, notice ? { notice } : {});
  });

  const showEditPage = async (request: FastifyRequest, reply: FastifyReply, item: MediaItem, status: number, form: EditPageForm = {}) => {
    const staff = requireStaff(request);
    const [usage, history, uploader] = await Promise.all([
      listMediaUsage(context.db, item),
      listImageHistory(context.db, item.id),
      findImageUploader(context.db, item.id),
    ]);
    // The words are also the dates' style: the site's locale and time zone, with Korean times on the 24-hour clock.
    const words = newsroomWords(context);
    const describeRefusal = whyCannotDescribe(staff, item, { usage, isSiteLogo: isSiteLogo(item.id) });
    return sendAdminPage(context, request, reply, status, renderMediaEditPage, {
      id: item.id,
      name: item.originalName,
      facts: {
        type: item.mimeType.replace('image/', '').toUpperCase(),
        size: words.text('media.size', { width: item.width, height: item.height, bytes: formatBytes(words, item.bytes) }),
        uploadedIso: item.createdAt.toISOString(),
        uploadedLabel: formatDateTime(item.createdAt, words),
        ...(uploader ? { uploadedBy: uploader } : {}),
      },
      image: toResponsiveImage(item),
      values: form.values ?? descriptionOf(item),
      errors: form.errors ?? {},
      // Every use counts for who may edit the image, but only articles this person may see are named.
      hiddenUsageCount: usage.filter((article) => !isListedFor(staff, article)).length,
      usage: usage
        .filter((article) => isListedFor(staff, article))
        .map((article) => ({
          headline: article.headline,
          status: article.status,
          editUrl: `/admin/articles/${article.id}`,
          publicUrl:
            article.status === 'published' ? articleUrl({ slug: article.slug, section: article.sectionSlug ? { slug: article.sectionSlug } : null }) : null,
        })),
      history: history.map((entry) => ({
        changedIso: entry.changedAt.toISOString(),
        changedLabel: formatDateTime(entry.changedAt, words),
        changedBy: entry.changedBy,
        values: descriptionOf(entry),
      })),
      canDelete: whyCannotDelete(staff) === undefined,
      isSiteLogo: isSiteLogo(item.id),
      ...(describeRefusal ? { describeRefusal: sentenceIn(describeRefusal, words) } : {}),
      ...(form.refusedNow ? { refusedNow: true } : {}),
      ...(form.notice ? { notice: form.notice } : {}),
      ...(form.problem ? { problem: form.problem } : {}),
    });
  };

  app.get<{ Params: IdParams; Querystring: { saved?: string } }>(
    '/admin/media/:id',
    { schema: { params: IdParams, querystring: { type: 'object', properties: { saved: { type: 'string', maxLength: 10 } } } } },
    async (request, reply) => {
      const item = await getMediaItem(context.db, request.params.id);
      return showEditPage(request, reply, item, 200, request.query.saved ? { notice: newsroomWords(context).text('media.saved') } : {});
    },
  );

  app.post<{ Params: IdParams; Body: Record<string, unknown> }>(
    '/admin/media/:id',
    { schema: { params: IdParams, body: descriptionBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const item = await getMediaItem(context.db, request.params.id);
      try {
        await describeImage(deps, actorOf(request), item.id, request.body ?? {}, { isSiteLogo: isSiteLogo(item.id) });
        return reply.redirect(`/admin/media/${item.id}?saved=1`, 303);
      } catch (error) {
        // The page says why, where the form would be, and shows the description as it stands.
        if (error instanceof ForbiddenError) return showEditPage(request, reply, item, 403, { refusedNow: true });
        if (!(error instanceof ValidationError)) throw error;
        return showEditPage(request, reply, item, 422, {
          values: typedDescription(request.body ?? {}),
          errors: error.fieldsIn(newsroomWords(context)) as Partial<Record<DescriptionField, string>>,
        });
      }
    },
  );

  app.post<{ Params: IdParams }>('/admin/media/:id/delete', { schema: { params: IdParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    try {
      await deleteImage(deps, actorOf(request), request.params.id, { isSiteLogo: isSiteLogo(request.params.id) });
      return reply.redirect(withNotice('/admin/media', 'deleted'), 303);
    } catch (error) {
      if (!(error instanceof ForbiddenError || error instanceof ConflictError)) throw error;
      const problem = error.textIn(newsroomWords(context));
      return showEditPage(request, reply, await getMediaItem(context.db, request.params.id), error.status, { problem });
    }
  });
};

function descriptionOf(item: Readonly<Record<DescriptionField, string>>): Record<DescriptionField, string> {
  return Object.fromEntries(descriptionFields.map((field) => [field, item[field]])) as Record<DescriptionField, string>;
}

function formatBytes(words: Words, bytes: number): string {
  if (bytes < 1024) return words.text('media.bytes', { count: bytes });
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
