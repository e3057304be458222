import type { Db } from '../db/database.ts';
import { phrase, ValidationError } from '../errors.ts';
import type { Clock } from '../platform/clock.ts';
import { sanitizeStoredHtml } from '../render/sanitize.ts';
import { getArticle } from './articles.service.ts';
import { type AutosaveRow, deleteAutosave, findAutosave, findLatestSave, listOtherEditors, upsertAutosave } from './autosaves.queries.ts';

/** Someone with unsaved typing counts as "also editing" for this long after their last autosave. */
const otherEditorWindowMs = 2 * 60 * 1000;
const maxFieldsLength = 500_000;

export interface AutosaveDeps {
  readonly db: Db;
  readonly clock: Clock;
}

export type Autosave = AutosaveRow;

/** What an autosave tells the person typing about everyone else. */
export interface AutosaveOutcome {
  readonly savedAt: Date;
  /** Someone saved the article after the version this person started from: their next Save will be refused. */
  readonly savedMeanwhile: { readonly byName: string | null; readonly at: Date } | null;
  /** Others who have typed into the same article in the last two minutes. */
  readonly otherEditors: readonly { readonly name: string; readonly savedAt: Date }[];
}

/**
 * Keeps a copy of what a person has typed into an article, without touching the article: the
 * published version, its revisions and the site stay exactly as they were. Only the body is
 * cleaned here (by the one allow-list), so a restored draft can hold nothing the editor could not.
 *
 * @example await autosaveArticle(deps, 12, staff.id, { baseVersion: 3, fields: { headline: 'Draft', bodyHtml: '<p>…</p>' } })
 * @throws NotFoundError when the article does not exist; ValidationError when the draft is too long
 */
export async function autosaveArticle(
  deps: AutosaveDeps,
  articleId: number,
  userId: number,
  draft: { readonly baseVersion: number; readonly fields: Readonly<Partial<Record<string, string>>> },
): Promise<AutosaveOutcome> {
  const article = await getArticle(deps.db, articleId);
  const fields = { ...draft.fields, ...(draft.fields.bodyHtml === undefined ? {} : { bodyHtml: String(sanitizeStoredHtml(draft.fields.bodyHtml)) }) };
  if (JSON.stringify(fields).length > maxFieldsLength) throw new ValidationError(phrase('refusal.articles.autosaveTooLong'));
  const now = deps.clock.now();
  await upsertAutosave(deps.db, { articleId, userId, savedAt: now, baseVersion: draft.baseVersion, fields });
  const latest = article.version > draft.baseVersion ? await findLatestSave(deps.db, articleId) : undefined;
  return {
    savedAt: now,
    savedMeanwhile: article.version > draft.baseVersion ? { byName: latest?.savedByName ?? null, at: latest?.savedAt ?? article.updatedAt } : null,
    otherEditors: await listOtherEditors(deps.db, articleId, userId, new Date(now.getTime() - otherEditorWindowMs)),
  };
}

/** The person's unsaved typing in the article, if any: every save they make deletes it. */
export function findUnsavedDraft(db: Db, articleId: number, userId: number): Promise<Autosave | undefined> {
  return findAutosave(db, articleId, userId);
}

export async function discardUnsavedDraft(db: Db, articleId: number, userId: number): Promise<void> {
  await deleteAutosave(db, articleId, userId);
}

/** Others typing into the article right now, for the editor page's warning. */
export function listRecentOtherEditors(deps: AutosaveDeps, articleId: number, userId: number) {
  return listOtherEditors(deps.db, articleId, userId, new Date(deps.clock.now().getTime() - otherEditorWindowMs));
}
