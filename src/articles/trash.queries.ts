import type { Db } from '../db/database.ts';
import { toTimestamp } from '../db/row-values.ts';

// The trash: a trashed article is a draft with `trashed_at` set, so every reader query (which asks
// for published articles) and the search index (which holds no drafts) already leave it out.

/**
 * Moves the article to the trash: off the site, out of review, kept whole for a restore. A scheduled
 * article was never on the site, so it loses its publication time too.
 */
export async function setTrashed(db: Db, id: number, at: Date, options: { wasScheduled: boolean }): Promise<void> {
  await db
    .updateTable('articles')
    .set({ trashed_at: toTimestamp(at), status: 'draft', review_requested_at: null, ...(options.wasScheduled ? { published_at: null } : {}) })
    .where('id', '=', id)
    .execute();
}

/** Takes the article out of the trash, as the draft it became there. */
export async function clearTrashed(db: Db, id: number): Promise<void> {
  await db.updateTable('articles').set({ trashed_at: null }).where('id', '=', id).execute();
}

/**
 * Deletes a trashed article for good. Its bylines, tags, revisions, autosaves, corrections, old
 * addresses and search row go with it (their foreign keys cascade). False when it was not in the trash.
 */
export async function deleteTrashedArticle(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('articles').where('id', '=', id).where('trashed_at', 'is not', null).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Whether the article at this slug was on the site once and is now in the trash: its address is gone, not unknown. */
export async function isTrashedAfterPublication(db: Db, slug: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('articles')
    .select('id')
    .where('slug', '=', slug)
    .where('trashed_at', 'is not', null)
    .where('published_at', '<=', toTimestamp(now))
    .executeTakeFirst();
  return row !== undefined;
}
