import type { Db } from '../db/database.ts';
import { toTimestamp } from '../db/row-values.ts';
import type { ImportedKind, ImportSource } from './import.table.ts';

/** Which import a record belongs to: the system and the old site's address. */
export interface ImportOrigin {
  readonly source: ImportSource;
  readonly origin: string;
}

export interface ImportRecord {
  readonly localId: number;
  readonly fingerprint: string;
}

export async function findImportRecord(db: Db, from: ImportOrigin, kind: ImportedKind, sourceId: string): Promise<ImportRecord | undefined> {
  const row = await db
    .selectFrom('import_records')
    .select(['local_id', 'fingerprint'])
    .where('source', '=', from.source)
    .where('origin', '=', from.origin)
    .where('kind', '=', kind)
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  return row ? { localId: row.local_id, fingerprint: row.fingerprint } : undefined;
}

export async function saveImportRecord(db: Db, from: ImportOrigin, kind: ImportedKind, sourceId: string, record: ImportRecord, now: Date): Promise<void> {
  const values = { local_id: record.localId, fingerprint: record.fingerprint, imported_at: toTimestamp(now) };
  await db
    .insertInto('import_records')
    .values({ source: from.source, origin: from.origin, kind, source_id: sourceId, ...values })
    .onConflict((oc) => oc.columns(['source', 'origin', 'kind', 'source_id']).doUpdateSet(values))
    .execute();
}

/** Every source id of one kind already imported, with what it became (to resolve links and parents). */
export async function listImportRecords(db: Db, from: ImportOrigin, kind: ImportedKind): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('import_records')
    .select(['source_id', 'local_id'])
    .where('source', '=', from.source)
    .where('origin', '=', from.origin)
    .where('kind', '=', kind)
    .execute();
  return new Map(rows.map((row) => [row.source_id, row.local_id]));
}

/** The records of these source ids of one kind, in one query (a post's comments, say). */
export async function findImportRecords(db: Db, from: ImportOrigin, kind: ImportedKind, sourceIds: readonly string[]): Promise<Map<string, ImportRecord>> {
  const found = new Map<string, ImportRecord>();
  for (let start = 0; start < sourceIds.length; start += 500) {
    const rows = await db
      .selectFrom('import_records')
      .select(['source_id', 'local_id', 'fingerprint'])
      .where('source', '=', from.source)
      .where('origin', '=', from.origin)
      .where('kind', '=', kind)
      .where('source_id', 'in', sourceIds.slice(start, start + 500))
      .execute();
    for (const row of rows) found.set(row.source_id, { localId: row.local_id, fingerprint: row.fingerprint });
  }
  return found;
}
