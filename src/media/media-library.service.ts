import type { Db } from '../db/database.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { type ContentChanges, type ContentTag, contentTags } from '../platform/content-changes.ts';
import { checkDescription } from './image-description.ts';
import type { MediaFiles } from './media-files.ts';
import {
  deleteMedia,
  findMediaById,
  findMediaUsage,
  type MediaItem,
  type MediaListItem,
  type MediaUsage,
  searchMedia,
  updateMediaDescription,
} from './media.queries.ts';

const messages = {
  notFound: 'There is no such image in the library. It may have been deleted.',
  inUse: (count: number) => `This image is used in ${count === 1 ? 'an article' : `${count} articles`}. Remove it from ${count === 1 ? 'that article' : 'them'} before deleting it.`,
  textTooLong: (limit: number) => `Search for at most ${limit} characters.`,
  repeated: 'Search for one thing at a time.',
  controlCharacters: 'The search contains invisible control characters, shown as �. Remove them.',
  unknownType: 'Choose one of the listed file types.',
};

export interface MediaLibraryDeps {
  readonly db: Db;
  readonly files: MediaFiles;
  readonly changes: ContentChanges;
}

/** The file types the library can be filtered by, as they appear in `?type=`. */
export const mediaTypes = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif' } as const;
export type MediaTypeName = keyof typeof mediaTypes;
const searchTextLimit = 200;

export interface LibraryFilter {
  readonly text: string;
  readonly type: MediaTypeName | null;
}

/**
 * Reads the library's search form. A value it cannot use is left out of the search and explained,
 * and the form shows what was typed.
 */
export function readLibraryFilter(query: { q?: unknown; type?: unknown }): { filter: LibraryFilter; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let text = typeof query.q === 'string' ? query.q.replace(/[ \t\r\n]+/g, ' ').trim() : '';
  if (Array.isArray(query.q)) errors.q = messages.repeated;
  if (text.length > searchTextLimit || /[\u0000-\u001F\u007F-\u009F]/.test(text)) {
    errors.q = text.length > searchTextLimit ? messages.textTooLong(searchTextLimit) : messages.controlCharacters;
    text = '';
  }
  const typeName = typeof query.type === 'string' ? query.type : '';
  const type = Object.hasOwn(mediaTypes, typeName) ? (typeName as MediaTypeName) : null;
  if (Array.isArray(query.type)) errors.type = messages.repeated;
  else if (typeName !== '' && type === null) errors.type = messages.unknownType;
  return { filter: { text, type }, errors };
}

export interface LibraryPage {
  readonly items: readonly MediaListItem[];
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
}

export async function searchMediaLibrary(db: Db, filter: LibraryFilter, page: number, perPage: number): Promise<LibraryPage> {
  const search = { text: filter.text, mimeType: filter.type ? mediaTypes[filter.type] : null, limit: perPage, offset: (page - 1) * perPage };
  const { items, total } = await searchMedia(db, search);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / perPage)) };
}

/** @throws NotFoundError */
export async function getMediaItem(db: Db, id: number): Promise<MediaItem> {
  const item = await findMediaById(db, id);
  if (!item) throw new NotFoundError(messages.notFound);
  return item;
}

export async function listMediaUsage(db: Db, item: Pick<MediaItem, 'id' | 'storageKey'>): Promise<MediaUsage[]> {
  return findMediaUsage(db, item);
}

/**
 * Saves alt text, caption, credit, photographer and copyright, and drops the cached pages that show them.
 * @throws ValidationError with a message per field; NotFoundError
 */
export async function describeImage(deps: MediaLibraryDeps, id: number, input: Readonly<Record<string, unknown>>): Promise<MediaItem> {
  const item = await getMediaItem(deps.db, id);
  const description = checkDescription(input);
  if (!(await updateMediaDescription(deps.db, id, description))) throw new NotFoundError(messages.notFound);
  // Featured photos are tagged with the image on every page; inline photos only with their article.
  const usage = await findMediaUsage(deps.db, item);
  deps.changes.announce([contentTags.media(id), ...usage.map((article): ContentTag => contentTags.article(article.id))]);
  return { ...item, ...description };
}

/**
 * Deletes an unused image with its original and every variant.
 * @throws ConflictError while an article uses it; NotFoundError
 */
export async function deleteImage(deps: MediaLibraryDeps, id: number): Promise<MediaItem> {
  const item = await getMediaItem(deps.db, id);
  const usage = await findMediaUsage(deps.db, item);
  if (usage.length > 0) throw new ConflictError(messages.inUse(usage.length));
  if (!(await deleteMedia(deps.db, id))) throw new NotFoundError(messages.notFound);
  // The row goes first: a file left behind by a failed removal is only clutter, a row without its file a broken image.
  await deps.files.deleteAll(item.storageKey, item.mimeType, item.width);
  deps.changes.announce([contentTags.media(id)]);
  return item;
}
