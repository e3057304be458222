import type { Db } from '../db/database.ts';
import { toDate, toTimestamp } from '../db/row-values.ts';

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
}

const columns = [
  'id', 'storage_key', 'original_name', 'mime_type', 'width', 'height', 'bytes',
  'alt', 'caption', 'credit', 'photographer', 'copyright', 'created_at',
] as const;

type MediaRow = {
  id: number; storage_key: string; original_name: string; mime_type: string; width: number; height: number; bytes: number;
  alt: string; caption: string; credit: string; photographer: string; copyright: string; created_at: Date | string;
};

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
  };
}

export async function findMediaByStorageKey(db: Db, storageKey: string): Promise<MediaItem | undefined> {
  const row = await db.selectFrom('media').select(columns).where('storage_key', '=', storageKey).executeTakeFirst();
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
