import type { Db } from '../db/database.ts';
import { toTimestamp } from '../db/row-values.ts';
import type { SluggedKind } from './slug-history.table.ts';

/** Remembers a slug a section, tag or author no longer uses, so links to it keep working. */
export async function rememberOldSlug(db: Db, kind: SluggedKind, oldSlug: string, entityId: number, now: Date): Promise<void> {
  await db
    .insertInto('slug_history')
    .values({ kind, old_slug: oldSlug, entity_id: entityId, created_at: toTimestamp(now) })
    .onConflict((oc) => oc.columns(['kind', 'old_slug']).doUpdateSet({ entity_id: entityId, created_at: toTimestamp(now) }))
    .execute();
}

/** Which entity used to answer at this slug; a slug in use again is forgotten by its new owner's lookup first. */
export async function findFormerOwner(db: Db, kind: SluggedKind, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom('slug_history').select('entity_id').where('kind', '=', kind).where('old_slug', '=', slug).executeTakeFirst();
  return row?.entity_id;
}

export async function forgetOldSlug(db: Db, kind: SluggedKind, slug: string): Promise<void> {
  await db.deleteFrom('slug_history').where('kind', '=', kind).where('old_slug', '=', slug).execute();
}

/** Forgets every old slug of a deleted section, tag or author, so none of its old addresses can lead anywhere. */
export async function forgetOldSlugsOf(db: Db, kind: SluggedKind, entityId: number): Promise<void> {
  await db.deleteFrom('slug_history').where('kind', '=', kind).where('entity_id', '=', entityId).execute();
}
