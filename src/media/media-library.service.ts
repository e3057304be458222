import type { Kysely } from 'kysely';
import { audit, type RequestMeta, type User } from '../accounts/index.ts';
import type { Database, Db } from '../db/database.ts';
import { ConflictError, ForbiddenError, NotFoundError, type Phrase, phrase } from '../errors.ts';
import type { Clock } from '../platform/clock.ts';
import { type ContentChanges, type ContentTag, contentTags } from '../platform/content-changes.ts';
import { checkDescription, descriptionFields } from './image-description.ts';
import { whyCannotDelete, whyCannotDescribe } from './image-permissions.ts';
import type { MediaFiles } from './media-files.ts';
import {
  deleteMedia,
  type EarlierDescription,
  findMediaById,
  findMediaUsage,
  findUploaderName,
  insertEarlierDescription,
  listEarlierDescriptions,
  type MediaItem,
  type MediaListItem,
  type MediaUsage,
  searchMedia,
  updateMediaDescription,
} from './media.queries.ts';
import { hasControlCharacters } from '../platform/control-characters.ts';

export interface MediaLibraryDeps {
  readonly db: Kysely<Database>;
  readonly files: MediaFiles;
  readonly changes: ContentChanges;
  readonly clock: Clock;
}

/** Who asks for a change: their role decides whether they may, and the audit log names them. */
export interface MediaActor {
  readonly staff: User;
  readonly meta: RequestMeta;
}

/** What the media capability cannot know about an image by itself: the logo lives in the settings. */
export interface ImageOutsideUse {
  readonly isSiteLogo: boolean;
}

const auditSubject = (item: Pick<MediaItem, 'id' | 'originalName'>) => `${item.id}: ${item.originalName}`.slice(0, 300);

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
export function readLibraryFilter(query: { q?: unknown; type?: unknown }): { filter: LibraryFilter; errors: Record<string, Phrase> } {
  const errors: Record<string, Phrase> = {};
  let text = typeof query.q === 'string' ? query.q.replace(/[ \t\r\n]+/g, ' ').trim() : '';
  if (Array.isArray(query.q)) errors.q = phrase('refusal.media.searchRepeated');
  if (text.length > searchTextLimit || hasControlCharacters(text, 'line')) {
    errors.q =
      text.length > searchTextLimit ? phrase('refusal.media.searchTooLong', { limit: searchTextLimit }) : phrase('refusal.media.searchControlCharacters');
    text = '';
  }
  const typeName = typeof query.type === 'string' ? query.type : '';
  const type = Object.hasOwn(mediaTypes, typeName) ? (typeName as MediaTypeName) : null;
  if (Array.isArray(query.type)) errors.type = phrase('refusal.media.searchRepeated');
  else if (typeName !== '' && type === null) errors.type = phrase('refusal.media.unknownType');
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
  if (!item) throw new NotFoundError(phrase('refusal.media.notFound'));
  return item;
}

export async function listMediaUsage(db: Db, item: Pick<MediaItem, 'id' | 'storageKey'>): Promise<MediaUsage[]> {
  return findMediaUsage(db, item);
}

/** The descriptions an image had before its latest changes, the most recently replaced first. */
export async function listImageHistory(db: Db, id: number, limit = 50): Promise<EarlierDescription[]> {
  return listEarlierDescriptions(db, id, limit);
}

export async function findImageUploader(db: Db, id: number): Promise<string | undefined> {
  return findUploaderName(db, id);
}

/**
 * Saves alt text, caption, credit, photographer and copyright for someone allowed to change them
 * (see whyCannotDescribe). The text it replaces is kept as an earlier description, the change is
 * written to the audit log, and the cached pages that show the image are dropped.
 * @returns the image as saved; `changed` is false when the text was already so (nothing recorded).
 * @throws ForbiddenError saying why they may not; ValidationError with a message per field; NotFoundError
 * @example await describeImage(deps, { staff, meta }, 12, { alt: 'Boats at a pier' }, { isSiteLogo: false })
 */
export async function describeImage(
  deps: MediaLibraryDeps,
  actor: MediaActor,
  id: number,
  input: Readonly<Record<string, unknown>>,
  outside: ImageOutsideUse,
): Promise<{ item: MediaItem; changed: boolean }> {
  const item = await getMediaItem(deps.db, id);
  const usage = await findMediaUsage(deps.db, item);
  const refusal = whyCannotDescribe(actor.staff, item, { usage, isSiteLogo: outside.isSiteLogo });
  if (refusal) throw new ForbiddenError(refusal);
  const description = checkDescription(input);
  if (descriptionFields.every((field) => description[field] === item[field])) return { item, changed: false };
  await deps.db.transaction().execute(async (trx) => {
    const previous = await findMediaById(trx, id);
    if (!previous) throw new NotFoundError(phrase('refusal.media.notFound'));
    await insertEarlierDescription(trx, id, previous, { at: deps.clock.now(), by: actor.staff.id });
    await updateMediaDescription(trx, id, description);
  });
  await audit({ db: deps.db, clock: deps.clock }, actor.staff, 'media.described', auditSubject(item), actor.meta);
  // Featured photos are tagged with the image on every page; inline photos only with their article.
  deps.changes.announce([contentTags.media(id), ...usage.map((article): ContentTag => contentTags.article(article.id))]);
  return { item: { ...item, ...description }, changed: true };
}

/**
 * Deletes an unused image with its original and every variant, and writes it to the audit log.
 * @throws ForbiddenError for roles that may not delete; ConflictError while an article or the logo uses it; NotFoundError
 */
export async function deleteImage(deps: MediaLibraryDeps, actor: MediaActor, id: number, outside: ImageOutsideUse): Promise<MediaItem> {
  const refusal = whyCannotDelete(actor.staff);
  if (refusal) throw new ForbiddenError(refusal);
  const item = await getMediaItem(deps.db, id);
  if (outside.isSiteLogo) throw new ConflictError(phrase('refusal.media.isSiteLogo'));
  const usage = await findMediaUsage(deps.db, item);
  if (usage.length > 0) throw new ConflictError(phrase('refusal.media.inUse', { count: usage.length }));
  if (!(await deleteMedia(deps.db, id))) throw new NotFoundError(phrase('refusal.media.notFound'));
  // The row goes first: a file left behind by a failed removal is only clutter, a row without its file a broken image.
  await deps.files.deleteAll(item);
  await audit({ db: deps.db, clock: deps.clock }, actor.staff, 'media.deleted', auditSubject(item), actor.meta);
  deps.changes.announce([contentTags.media(id)]);
  return item;
}
