import { type Static, Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { maxUploadBytes, readLibraryFilter, searchMediaLibrary, thumbnailUrl, type UploadRefusal, uploadRefusals } from '../../media/index.ts';
import { sentenceIn } from '../../errors.ts';
import { type AdminContext, adminChrome, sendHtml } from '../admin-context.ts';
import { renderMediaLibraryPage } from './media-library-page.tsx';
import { replaceControlCharacters } from '../../platform/control-characters.ts';
import { PageQuery } from '../../platform/route-schemas.ts';

const imagesPerPage = 24;

export interface UploadRefusalEntry {
  readonly name: string;
  readonly reason: UploadRefusal;
}

/** What an upload without JavaScript did, or a notice about the last action, shown above the library. */
export interface LibraryOutcome {
  readonly added?: readonly { readonly id: number; readonly originalName: string }[];
  readonly refused?: readonly UploadRefusalEntry[];
  readonly notice?: string;
}

/** Forms may repeat a field; the page explains that instead of failing with a bare 400. */
export const textOrRepeated = Type.Optional(Type.Union([Type.String({ maxLength: 20_000 }), Type.Array(Type.String({ maxLength: 20_000 }), { maxItems: 10 })]));

/** The library's search form and page. */
export const LibraryQuery = Type.Object({ q: textOrRepeated, type: textOrRepeated, ...PageQuery.properties });
export type LibraryQuery = Static<typeof LibraryQuery>;

/**
 * Sends the library page: the search as typed, a page of photos, and what the last action did.
 * Used by the page itself and by an upload that must be answered with the page (a 400 when it
 * arrived incomplete), so both show the same thing.
 */
export async function showMediaLibrary(
  context: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  query: LibraryQuery,
  outcome: LibraryOutcome = {},
) {
  const { filter, errors } = readLibraryFilter({ q: query.q, type: query.type });
  const library = await searchMediaLibrary(context.db, filter, query.page, imagesPerPage);
  // What was typed, shown again; control characters are made visible, as the message says.
  const typed = (value: string | string[] | undefined) => replaceControlCharacters(Array.isArray(value) ? value.join(' ') : (value ?? ''), 'line', '�');
  const pageUrl = (page: number) => {
    const params = new URLSearchParams({
      ...(filter.text ? { q: filter.text } : {}),
      ...(filter.type ? { type: filter.type } : {}),
      ...(page > 1 ? { page: String(page) } : {}),
    });
    return `/admin/media${params.size > 0 ? `?${params}` : ''}`;
  };
  const chrome = adminChrome(context, request, reply);
  const words = chrome.words;
  return sendHtml(
    reply,
    status,
    renderMediaLibraryPage(chrome, {
      scriptUrl: context.mediaScriptUrl,
      upload: { maxBytes: maxUploadBytes, tooLargeMessage: sentenceIn(uploadRefusals['too-large'], words) },
      search: {
        q: typed(query.q).slice(0, 20_000),
        type: filter.type ?? '',
        errors: Object.fromEntries(Object.entries(errors).map(([field, problem]) => [field, sentenceIn(problem, words)])),
      },
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
        added: (outcome.added ?? []).map((item) => ({ id: item.id, name: item.originalName })),
        refused: (outcome.refused ?? []).map((entry) => ({ name: entry.name, message: sentenceIn(uploadRefusals[entry.reason], words) })),
        ...(outcome.notice ? { notice: outcome.notice } : {}),
      },
    }),
  );
}

/** The thumbnail's drawn size: at most 480 wide, as the grid shows it. */
function thumbnailSize(item: { width: number; height: number }): { width: number; height: number } {
  const width = Math.min(item.width, 480);
  return { width, height: Math.round((item.height * width) / item.width) };
}
