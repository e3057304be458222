import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import type { MediaTable } from './media.table.ts';
import { escapeLikePattern, likeIgnoringCase } from '../db/like-pattern.ts';
import { toCount, toDate, toTimestamp } from '../db/row-values.ts';

export interface MediaItem {
  readonly id: number;
  readonly storageKey: string;
  readonly originalName: string;
  readonly mimeType: string;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
  readonly photographer: string;
  readonly copyright: string;
  readonly createdAt: Date;
  /** The staff member who uploaded it; null for older images and the demo's. */
  readonly uploadedBy: number | null;
}

export type MediaDescription = Pick<MediaItem, 'alt' | 'caption' | 'credit' | 'photographer' | 'copyright'>;

const columns = [
  'id',
  'storage_key',
  'original_name',
  'mime_type',
  'width',
  'height',
  'bytes',
  'alt',
  'caption',
  'credit',
  'photographer',
  'copyright',
  'created_at',
  'uploaded_by',
] as const;

type MediaRow = Selectable<MediaTable>;

function mediaRowToMediaItem(row: MediaRow): MediaItem {
  return {
    id: row.id,
    storageKey: row.storage_key,
    originalName: row.original_name,
    mimeType: row.mime_type,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    photographer: row.photographer,
    copyright: row.copyright,
    createdAt: toDate(row.created_at),
    uploadedBy: row.uploaded_by,
  };
}

export async function findMediaByStorageKey(db: Db, storageKey: string): Promise<MediaItem | undefined> {
  const row = await db.selectFrom('media').select(columns).where('storage_key', '=', storageKey).executeTakeFirst();
  return row ? mediaRowToMediaItem(row) : undefined;
}

export async function findMediaById(db: Db, id: number): Promise<MediaItem | undefined> {
  const row = await db.selectFrom('media').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? mediaRowToMediaItem(row) : undefined;
}

export async function listAllMedia(db: Db): Promise<MediaItem[]> {
  return (await db.selectFrom('media').select(columns).orderBy('id').execute()).map(mediaRowToMediaItem);
}

export async function insertMedia(db: Db, item: Omit<MediaItem, 'id'>): Promise<number> {
  const row = await db
    .insertInto('media')
    .values({
      storage_key: item.storageKey,
      original_name: item.originalName,
      mime_type: item.mimeType,
      width: item.width,
      height: item.height,
      bytes: item.bytes,
      alt: item.alt,
      caption: item.caption,
      credit: item.credit,
      photographer: item.photographer,
      copyright: item.copyright,
      created_at: toTimestamp(item.createdAt),
      uploaded_by: item.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function contains(column: 'media.caption' | 'media.credit' | 'media.original_name', text: string) {
  return likeIgnoringCase(column, text);
}

/** Articles that show the image: as their featured photo or social image, or inline in the body by its variant URLs. */
function usesMedia(eb: ExpressionBuilder<Database, 'articles' | 'media'>) {
  // Storage keys are slugs plus a hash ([a-z0-9-]), so they hold no LIKE wildcards to escape.
  return eb.or([
    eb('articles.featured_media_id', '=', eb.ref('media.id')),
    eb('articles.social_image_id', '=', eb.ref('media.id')),
    eb('articles.body_html', 'like', sql<string>`('%/media/' || ${eb.ref('media.storage_key')} || '/%')`),
  ]);
}

export interface MediaSearch {
  /** Matched anywhere in the caption, credit or file name; '' matches everything. */
  readonly text: string;
  readonly mimeType: string | null;
  readonly limit: number;
  readonly offset: number;
}

export interface MediaListItem extends MediaItem {
  /** How many articles show it; an image in use cannot be deleted. */
  readonly usageCount: number;
}

/** The library's grid, newest first. */
export async function searchMedia(db: Db, search: MediaSearch): Promise<{ items: MediaListItem[]; total: number }> {
  let query = db.selectFrom('media');
  if (search.text !== '') {
    query = query.where(({ or }) =>
      or([contains('media.caption', search.text), contains('media.credit', search.text), contains('media.original_name', search.text)]),
    );
  }
  if (search.mimeType) query = query.where('media.mime_type', '=', search.mimeType);
  const [rows, total] = await Promise.all([
    query
      .select(columns.map((column) => `media.${column}` as const))
      .select((eb) => eb.selectFrom('articles').select(eb.fn.countAll().as('count')).where(usesMedia).as('usage_count'))
      .orderBy('media.created_at', 'desc')
      .orderBy('media.id', 'desc')
      .limit(search.limit)
      .offset(search.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((row) => ({ ...mediaRowToMediaItem(row), usageCount: toCount(row.usage_count as string | number | null) })),
    total: toCount(total.count),
  };
}

export interface MediaUsage {
  readonly id: number;
  readonly headline: string;
  readonly status: Database['articles']['status'];
  readonly slug: string;
  readonly sectionSlug: string | null;
  readonly createdBy: number | null;
  readonly trashed: boolean;
}

/** The articles that show an image, most recently edited first. */
export async function findMediaUsage(db: Db, media: Pick<MediaItem, 'id' | 'storageKey'>): Promise<MediaUsage[]> {
  const rows = await db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select([
      'articles.id',
      'articles.headline',
      'articles.status',
      'articles.slug',
      'sections.slug as section_slug',
      'articles.created_by',
      'articles.trashed_at',
    ])
    .where((eb) =>
      eb.or([
        eb('articles.featured_media_id', '=', media.id),
        eb('articles.social_image_id', '=', media.id),
        sql<boolean>`${eb.ref('articles.body_html')} like ${`%/media/${escapeLikePattern(media.storageKey)}/%`} escape '\\'`,
      ]),
    )
    .orderBy('articles.updated_at', 'desc')
    .orderBy('articles.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    headline: row.headline,
    status: row.status,
    slug: row.slug,
    sectionSlug: row.section_slug,
    createdBy: row.created_by,
    trashed: row.trashed_at !== null,
  }));
}

/** Returns false when there was no such image. */
export async function updateMediaDescription(db: Db, id: number, description: MediaDescription): Promise<boolean> {
  const result = await db
    .updateTable('media')
    .set({
      alt: description.alt,
      caption: description.caption,
      credit: description.credit,
      photographer: description.photographer,
      copyright: description.copyright,
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** An image's description as it was before someone changed it. */
export interface EarlierDescription extends MediaDescription {
  readonly changedAt: Date;
  /** Who replaced it; null when that account is gone. */
  readonly changedBy: string | null;
}

/** Keeps `previous`, the text a change is about to replace. */
export async function insertEarlierDescription(db: Db, mediaId: number, previous: MediaDescription, change: { at: Date; by: number | null }): Promise<void> {
  await db
    .insertInto('media_description_history')
    .values({
      media_id: mediaId,
      changed_at: toTimestamp(change.at),
      changed_by: change.by,
      alt: previous.alt,
      caption: previous.caption,
      credit: previous.credit,
      photographer: previous.photographer,
      copyright: previous.copyright,
    })
    .execute();
}

/** An image's earlier descriptions, the most recently replaced first. */
export async function listEarlierDescriptions(db: Db, mediaId: number, limit: number): Promise<EarlierDescription[]> {
  const rows = await db
    .selectFrom('media_description_history')
    .leftJoin('users', 'users.id', 'media_description_history.changed_by')
    .select([
      'media_description_history.changed_at',
      'users.name',
      'media_description_history.alt',
      'media_description_history.caption',
      'media_description_history.credit',
      'media_description_history.photographer',
      'media_description_history.copyright',
    ])
    .where('media_description_history.media_id', '=', mediaId)
    .orderBy('media_description_history.changed_at', 'desc')
    .orderBy('media_description_history.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    changedAt: toDate(row.changed_at),
    changedBy: row.name,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    photographer: row.photographer,
    copyright: row.copyright,
  }));
}

/** The name of the staff member who uploaded an image, when known. */
export async function findUploaderName(db: Db, mediaId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('media')
    .innerJoin('users', 'users.id', 'media.uploaded_by')
    .select('users.name')
    .where('media.id', '=', mediaId)
    .executeTakeFirst();
  return row?.name;
}

/** Returns false when there was no such image. Callers check it is unused first. */
export async function deleteMedia(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('media').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
