import type { Db } from '../db/database.ts';
import { toDate, toTimestamp } from '../db/row-values.ts';

// An article's saved versions, and the names of what an old one points at, for the revisions page and a restore.

export async function insertRevision(db: Db, revision: { articleId: number; savedAt: Date; savedBy: number | null; snapshot: unknown }): Promise<void> {
  await db
    .insertInto('article_revisions')
    .values({
      article_id: revision.articleId,
      saved_at: toTimestamp(revision.savedAt),
      saved_by: revision.savedBy,
      snapshot: JSON.stringify(revision.snapshot),
    })
    .execute();
}

export interface RevisionRow {
  readonly id: number;
  readonly savedAt: Date;
  readonly savedByName: string | null;
  readonly snapshot: unknown;
}

export async function listRevisions(db: Db, articleId: number): Promise<RevisionRow[]> {
  const rows = await db
    .selectFrom('article_revisions')
    .leftJoin('users', 'users.id', 'article_revisions.saved_by')
    .select(['article_revisions.id', 'article_revisions.saved_at', 'users.name', 'article_revisions.snapshot'])
    .where('article_revisions.article_id', '=', articleId)
    .orderBy('article_revisions.saved_at', 'desc')
    .orderBy('article_revisions.id', 'desc')
    .execute();
  return rows.map((row) => ({ id: row.id, savedAt: toDate(row.saved_at), savedByName: row.name, snapshot: JSON.parse(row.snapshot) as unknown }));
}

export async function findRevision(db: Db, articleId: number, revisionId: number): Promise<RevisionRow | undefined> {
  return (await listRevisions(db, articleId)).find((revision) => revision.id === revisionId);
}

/** Which of these ids still exist, so restoring an old revision never points at something deleted. */
export async function keepExistingIds(db: Db, table: 'sections' | 'authors' | 'tags' | 'media', ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
  const existing = new Set(rows.map((row) => row.id));
  return ids.filter((id) => existing.has(id));
}

/** The names of these sections, bylines, tags or photos (a photo by its file name); deleted ones are left out. */
export async function findNames(db: Db, table: 'sections' | 'authors' | 'tags' | 'media', ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows =
    table === 'media'
      ? await db.selectFrom('media').select(['id', 'original_name as name']).where('id', 'in', ids).execute()
      : await db.selectFrom(table).select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
