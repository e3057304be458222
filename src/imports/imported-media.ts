import type { Db } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { getMediaItem, type MediaItem } from '../media/index.ts';
import { findImportRecord, type ImportOrigin } from './import-records.queries.ts';

/** The library's photo an earlier run of this import brought in for `sourceId`, unless it has been deleted since. */
export async function findImportedMedia(db: Db, from: ImportOrigin, sourceId: string): Promise<MediaItem | undefined> {
  const record = await findImportRecord(db, from, 'media', sourceId);
  if (!record) return undefined;
  try {
    return await getMediaItem(db, record.localId);
  } catch (error) {
    // Deleted from the library since: brought in again.
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
