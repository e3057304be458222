import type { Db } from '../db/database.ts';
import { toDate, toTimestamp } from '../db/row-values.ts';

/** A share link as the preview page lists it; the token is never stored, so it is not here. */
export interface PreviewLink {
  readonly id: number;
  readonly articleId: number;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  /** Null when the account that made it was deleted. */
  readonly createdByName: string | null;
}

export interface NewPreviewLink {
  readonly articleId: number;
  readonly tokenHash: string;
  readonly createdBy: number;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export async function insertPreviewLink(db: Db, link: NewPreviewLink): Promise<number> {
  const { id } = await db
    .insertInto('preview_links')
    .values({
      article_id: link.articleId,
      token_hash: link.tokenHash,
      created_by: link.createdBy,
      created_at: toTimestamp(link.createdAt),
      expires_at: toTimestamp(link.expiresAt),
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * The link with this token hash while it still opens a preview: not expired, not revoked, and its
 * article not in the trash.
 */
export async function findWorkingPreviewLink(db: Db, tokenHash: string, now: Date): Promise<{ articleId: number; expiresAt: Date } | undefined> {
  const row = await db
    .selectFrom('preview_links')
    .innerJoin('articles', 'articles.id', 'preview_links.article_id')
    .select(['preview_links.article_id', 'preview_links.expires_at'])
    .where('preview_links.token_hash', '=', tokenHash)
    .where('preview_links.revoked_at', 'is', null)
    .where('preview_links.expires_at', '>', toTimestamp(now))
    .where('articles.trashed_at', 'is', null)
    .executeTakeFirst();
  return row ? { articleId: row.article_id, expiresAt: toDate(row.expires_at) } : undefined;
}

/** An article's links that still work, the one expiring soonest first. */
export async function listWorkingPreviewLinks(db: Db, articleId: number, now: Date): Promise<PreviewLink[]> {
  const rows = await db
    .selectFrom('preview_links')
    .leftJoin('users', 'users.id', 'preview_links.created_by')
    .select(['preview_links.id', 'preview_links.article_id', 'preview_links.created_at', 'preview_links.expires_at', 'users.name'])
    .where('preview_links.article_id', '=', articleId)
    .where('preview_links.revoked_at', 'is', null)
    .where('preview_links.expires_at', '>', toTimestamp(now))
    .orderBy('preview_links.expires_at', 'asc')
    .orderBy('preview_links.id', 'asc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    articleId: row.article_id,
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
    createdByName: row.name,
  }));
}

/** Revokes one of the article's links; false when it is not the article's or was already revoked. */
export async function revokePreviewLink(db: Db, articleId: number, linkId: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('preview_links')
    .set({ revoked_at: toTimestamp(now) })
    .where('id', '=', linkId)
    .where('article_id', '=', articleId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
