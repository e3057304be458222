import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../accounts/index.ts';
import { articleUrl } from '../articles/index.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.ts';
import {
  deleteImage,
  describeImage,
  type DescriptionField,
  getMediaItem,
  listMediaUsage,
  maxUploadBytes,
  type MediaItem,
  type MediaLibraryDeps,
  readLibraryFilter,
  searchMediaLibrary,
  thumbnailUrl,
  toResponsiveImage,
  typedDescription,
  uploadRefusals,
} from '../media/index.ts';
import { formatDateTime } from '../render/dates.ts';
import { dateStyleOf } from '../settings/index.ts';
import { type AdminContext, adminChrome, requireStaff, sendHtml } from './admin-context.ts';
import { type MediaEditPageData, renderMediaEditPage } from './media-edit-page.tsx';
import { renderMediaLibraryPage } from './media-library-page.tsx';
import { mediaUploadRoutes, readUploadRefusals } from './media-upload.routes.ts';

const messages = {
  deleteForbidden: 'Only editors, admins and owners can delete photos from the library.',
  deleted: (name: string) => `${name} was deleted.`,
  isSiteLogo: 'This image is the site’s logo. Choose another logo in the settings before deleting it.',
};

const imagesPerPage = 24;
const id = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;
const idParams = { type: 'object', required: ['id'], properties: { id } } as const;
/** Forms may repeat a field; the page explains that instead of failing with a bare 400. */
const textOrRepeated = { anyOf: [{ type: 'string', maxLength: 20_000 }, { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 20_000 } }] } as const;
const libraryQuery = {
  type: 'object',
  properties: {
    q: textOrRepeated,
    type: textOrRepeated,
    page: { type: 'integer', minimum: 1, maximum: 100_000, default: 1 },
    added: { type: 'array', maxItems: 40, items: id },
    refused: { type: 'array', maxItems: 40, items: { type: 'string', maxLength: 300 } },
    deleted: { type: 'string', maxLength: 300 },
  },
} as const;
const descriptionBody = {
  type: 'object',
  properties: { alt: textOrRepeated, caption: textOrRepeated, credit: textOrRepeated, photographer: textOrRepeated, copyright: textOrRepeated, _csrf: { type: 'string', maxLength: 200 } },
} as const;

interface LibraryQuery {
  q?: string | string[];
  type?: string | string[];
  page: number;
  added?: number[];
  refused?: string[];
  deleted?: string;
}

/** The media library: browse, search, upload, describe and delete the newsroom's photos. */
export const mediaLibraryRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const deps: MediaLibraryDeps = { db: context.db, files: context.mediaFiles, changes: context.changes };
  // The logo lives in the settings, which the media capability does not know; the newsroom checks it here.
  const isSiteLogo = (id: number) => context.site.settings.current().logo?.mediaId === id;
  app.addHook('preHandler', requireStaff);
  await app.register(mediaUploadRoutes, context);

  app.get<{ Querystring: LibraryQuery }>('/admin/media', { schema: { querystring: libraryQuery } }, async (request, reply) => {
    const query = request.query;
    const { filter, errors } = readLibraryFilter({ q: query.q, type: query.type });
    const library = await searchMediaLibrary(context.db, filter, query.page, imagesPerPage);
    // What was typed, shown again; control characters are made visible, as the message says.
    const typed = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(' ') : (value ?? '')).replace(/[\u0000-\u001F\u007F-\u009F]/g, '�');
    const pageUrl = (page: number) => {
      const params = new URLSearchParams({ ...(filter.text ? { q: filter.text } : {}), ...(filter.type ? { type: filter.type } : {}), ...(page > 1 ? { page: String(page) } : {}) });
      return `/admin/media${params.size > 0 ? `?${params}` : ''}`;
    };
    const addedItems = await Promise.all((query.added ?? []).map((addedId) => getMediaItem(context.db, addedId).catch(() => undefined)));
    const chrome = adminChrome(context, request, reply);
    return sendHtml(reply, 200, renderMediaLibraryPage(chrome, {
      scriptUrl: context.mediaScriptUrl,
      upload: { maxBytes: maxUploadBytes, tooLargeMessage: uploadRefusals['too-large'] },
      search: { q: typed(query.q).slice(0, 20_000), type: filter.type ?? '', errors },
      total: library.total,
      isFiltered: filter.text !== '' || filter.type !== null,
      items: library.items.map((item) => ({
        id: item.id,
        name: item.originalName,
        caption: item.caption,
        credit: item.credit,
        hasAlt: item.alt !== '',
        typeLabel: item.mimeType.replace('image/', '').toUpperCase(),
        usageCount: item.usageCount,
        thumbnail: { url: thumbnailUrl(item), ...thumbnailSize(item) },
      })),
      pages: {
        page: library.page,
        pageCount: library.pageCount,
        previousUrl: library.page > 1 ? pageUrl(library.page - 1) : null,
        nextUrl: library.page < library.pageCount ? pageUrl(library.page + 1) : null,
      },
      summary: {
        added: addedItems.flatMap((item) => (item ? [{ id: item.id, name: item.originalName }] : [])),
        refused: readUploadRefusals(query.refused ?? []).map((entry) => ({ name: entry.name, message: uploadRefusals[entry.reason] })),
        ...(query.deleted ? { deleted: messages.deleted(query.deleted) } : {}),
      },
    }));
  });

  const showEditPage = async (request: FastifyRequest, reply: FastifyReply, item: MediaItem, status: number, form: Partial<Pick<MediaEditPageData, 'values' | 'errors' | 'notice' | 'problem'>> = {}) => {
    const usage = await listMediaUsage(context.db, item);
    const dateStyle = dateStyleOf(context.site.settings.current());
    return sendHtml(reply, status, renderMediaEditPage(adminChrome(context, request, reply), {
      id: item.id,
      name: item.originalName,
      facts: {
        type: item.mimeType.replace('image/', '').toUpperCase(),
        size: `${item.width} × ${item.height} pixels, ${formatBytes(item.bytes)}`,
        uploadedIso: item.createdAt.toISOString(),
        uploadedLabel: formatDateTime(item.createdAt, dateStyle),
      },
      image: toResponsiveImage(item),
      values: form.values ?? { alt: item.alt, caption: item.caption, credit: item.credit, photographer: item.photographer, copyright: item.copyright },
      errors: form.errors ?? {},
      usage: usage.map((article) => ({
        headline: article.headline,
        status: article.status,
        editUrl: `/admin/articles/${article.id}`,
        publicUrl: article.status === 'published' ? articleUrl({ slug: article.slug, section: article.sectionSlug ? { slug: article.sectionSlug } : null }) : null,
      })),
      canDelete: can(request.staff!, 'edit-any-article'),
      isSiteLogo: isSiteLogo(item.id),
      ...(form.notice ? { notice: form.notice } : {}),
      ...(form.problem ? { problem: form.problem } : {}),
    }));
  };

  app.get<{ Params: { id: number }; Querystring: { saved?: string } }>(
    '/admin/media/:id',
    { schema: { params: idParams, querystring: { type: 'object', properties: { saved: { type: 'string', maxLength: 10 } } } } },
    async (request, reply) => {
      const item = await getMediaItem(context.db, request.params.id);
      return showEditPage(request, reply, item, 200, request.query.saved ? { notice: 'Saved. Pages showing this photo now show the new description.' } : {});
    },
  );

  app.post<{ Params: { id: number }; Body: Record<string, unknown> }>(
    '/admin/media/:id',
    { schema: { params: idParams, body: descriptionBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const item = await getMediaItem(context.db, request.params.id);
      try {
        await describeImage(deps, item.id, request.body ?? {});
        return reply.redirect(`/admin/media/${item.id}?saved=1`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return showEditPage(request, reply, item, 422, { values: typedDescription(request.body ?? {}), errors: error.fields as Partial<Record<DescriptionField, string>> });
      }
    },
  );

  app.post<{ Params: { id: number } }>('/admin/media/:id/delete', { schema: { params: idParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    if (!can(request.staff!, 'edit-any-article')) throw new ForbiddenError(messages.deleteForbidden);
    if (isSiteLogo(request.params.id)) return showEditPage(request, reply, await getMediaItem(context.db, request.params.id), 409, { problem: messages.isSiteLogo });
    try {
      const deleted = await deleteImage(deps, request.params.id);
      return reply.redirect(`/admin/media?${new URLSearchParams({ deleted: deleted.originalName.slice(0, 200) })}`, 303);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return showEditPage(request, reply, await getMediaItem(context.db, request.params.id), 409, { problem: error.message });
    }
  });
};

/** The thumbnail's drawn size: at most 480 wide, as the grid shows it. */
function thumbnailSize(item: { width: number; height: number }): { width: number; height: number } {
  const width = Math.min(item.width, 480);
  return { width, height: Math.round((item.height * width) / item.width) };
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
