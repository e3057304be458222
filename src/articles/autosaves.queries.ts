import type { Db } from '../db/database.ts';
import { toDate, toTimestamp } from '../db/row-values.ts';

export interface AutosaveRow {
  readonly articleId: number;
  readonly userId: number;
  readonly savedAt: Date;
  readonly baseVersion: number;
  readonly fields: Readonly<Record<string, string>>;
}

/** Replaces the person's previous autosave of the article: only the latest typing matters. */
export async function upsertAutosave(db: Db, autosave: AutosaveRow): Promise<void> {
  const values = {
    saved_at: toTimestamp(autosave.savedAt),
    base_version: autosave.baseVersion,
    fields: JSON.stringify(autosave.fields),
  };
  await db
    .insertInto('article_autosaves')
    .values({ article_id: autosave.articleId, user_id: autosave.userId, ...values })
    .onConflict((oc) => oc.columns(['article_id', 'user_id']).doUpdateSet(values))
    .execute();
}

export async function findAutosave(db: Db, articleId: number, userId: number): Promise<AutosaveRow | undefined> {
  const row = await db
    .selectFrom('article_autosaves')
    .select(['article_id', 'user_id', 'saved_at', 'base_version', 'fields'])
    .where('article_id', '=', articleId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row
    ? { articleId: row.article_id, userId: row.user_id, savedAt: toDate(row.saved_at), baseVersion: row.base_version, fields: parseFields(row.fields) }
    : undefined;
}

/** Returns false when there was nothing to delete. */
export async function deleteAutosave(db: Db, articleId: number, userId: number): Promise<boolean> {
  const result = await db.deleteFrom('article_autosaves').where('article_id', '=', articleId).where('user_id', '=', userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Other people with unsaved typing in the article since `since`, most recent first. */
export async function listOtherEditors(db: Db, articleId: number, userId: number, since: Date): Promise<{ name: string; savedAt: Date }[]> {
  const rows = await db
    .selectFrom('article_autosaves')
    .innerJoin('users', 'users.id', 'article_autosaves.user_id')
    .select(['users.name', 'article_autosaves.saved_at'])
    .where('article_autosaves.article_id', '=', articleId)
    .where('article_autosaves.user_id', '!=', userId)
    .where('article_autosaves.saved_at', '>=', toTimestamp(since))
    .orderBy('article_autosaves.saved_at', 'desc')
    .execute();
  return rows.map((row) => ({ name: row.name, savedAt: toDate(row.saved_at) }));
}

/** Who saved the article last and when, from its newest revision. */
export async function findLatestSave(db: Db, articleId: number): Promise<{ savedByName: string | null; savedAt: Date } | undefined> {
  const row = await db
    .selectFrom('article_revisions')
    .leftJoin('users', 'users.id', 'article_revisions.saved_by')
    .select(['users.name', 'article_revisions.saved_at'])
    .where('article_revisions.article_id', '=', articleId)
    .orderBy('article_revisions.saved_at', 'desc')
    .orderBy('article_revisions.id', 'desc')
    .executeTakeFirst();
  return row ? { savedByName: row.name, savedAt: toDate(row.saved_at) } : undefined;
}

function parseFields(json: string): Record<string, string> {
  const parsed: unknown = JSON.parse(json);
  if (!parsed || typeof parsed !== 'object') return {};
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
