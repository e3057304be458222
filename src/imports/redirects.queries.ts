import type { Db } from '../db/database.ts';
import { preparedQuery } from '../db/prepared-queries.ts';
import { toTimestamp } from '../db/row-values.ts';
import type { RedirectTarget } from './import.table.ts';

export interface StoredRedirect {
  readonly targetKind: RedirectTarget;
  readonly targetId: number | null;
}

/** Points `path` at a target; an address claimed again (a re-run, a second import) follows the newest claim. */
/** Points `path` at `target`; says whether that was new, a change, or already so (for the import's report). */
export async function saveRedirect(db: Db, path: string, target: StoredRedirect, now: Date): Promise<'created' | 'updated' | 'unchanged'> {
  const values = { target_kind: target.targetKind, target_id: target.targetId };
  const before = await findRedirect(db, path);
  if (before && before.targetKind === target.targetKind && before.targetId === target.targetId) return 'unchanged';
  await db
    .insertInto('redirects')
    .values({ path, ...values, created_at: toTimestamp(now) })
    .onConflict((oc) => oc.column('path').doUpdateSet(values))
    .execute();
  return before ? 'updated' : 'created';
}

// Looked up for every address no article or list answers, and before each section page.
const redirectAt = preparedQuery((db, path: string) => db.selectFrom('redirects').select(['target_kind', 'target_id']).where('path', '=', path));

export async function findRedirect(db: Db, path: string): Promise<StoredRedirect | undefined> {
  const [row] = await redirectAt(db, path);
  return row ? { targetKind: row.target_kind, targetId: row.target_id } : undefined;
}
