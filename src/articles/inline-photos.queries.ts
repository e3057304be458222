import type { Db } from '../db/database.ts';
import type { ArticleImage } from './article.ts';

/** The library images an article body shows inline, by storage key; keys no longer in the library are absent. */
export async function findImagesByStorageKeys(db: Db, storageKeys: readonly string[]): Promise<Map<string, ArticleImage>> {
  if (storageKeys.length === 0) return new Map();
  const rows = await db
    .selectFrom('media')
    .select(['id', 'storage_key', 'width', 'height', 'alt', 'caption', 'credit'])
    .where('storage_key', 'in', storageKeys)
    .execute();
  return new Map(
    rows.map((row) => [
      row.storage_key,
      { id: row.id, storageKey: row.storage_key, width: row.width, height: row.height, alt: row.alt, caption: row.caption, credit: row.credit },
    ]),
  );
}
