import type { Db } from '../db/database.ts';
import { toDate, toTimestamp } from '../db/row-values.ts';
import type { ImportJobStatus } from './import.table.ts';

export interface ImportJobRow {
  readonly id: number;
  readonly kind: string;
  readonly fileName: string;
  readonly storedName: string;
  readonly photosName: string | null;
  readonly status: ImportJobStatus;
  readonly phase: string;
  readonly done: number;
  readonly total: number | null;
  readonly dryRunReport: string;
  readonly report: string | null;
  readonly error: string | null;
  readonly createdAt: Date;
}

export interface NewImportJob {
  readonly kind: string;
  readonly fileName: string;
  readonly storedName: string;
  readonly photosName: string | null;
  readonly dryRunReport: string;
}

export async function insertImportJob(db: Db, job: NewImportJob, now: Date): Promise<number> {
  const row = await db
    .insertInto('import_jobs')
    .values({
      kind: job.kind,
      file_name: job.fileName,
      stored_name: job.storedName,
      photos_name: job.photosName,
      status: 'checked',
      dry_run_report: job.dryRunReport,
      created_at: toTimestamp(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findImportJob(db: Db, id: number): Promise<ImportJobRow | undefined> {
  const row = await db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    storedName: row.stored_name,
    photosName: row.photos_name,
    status: row.status,
    phase: row.phase,
    done: Number(row.done),
    total: row.total === null ? null : Number(row.total),
    dryRunReport: row.dry_run_report,
    report: row.report,
    error: row.error,
    createdAt: toDate(row.created_at),
  };
}

/** Marks the job running unless it already is; false when another request got there first. */
export async function claimImportJob(db: Db, id: number, restartable: readonly ImportJobStatus[]): Promise<boolean> {
  const result = await db
    .updateTable('import_jobs')
    .set({ status: 'running', phase: '', done: 0, total: null, report: null, error: null })
    .where('id', '=', id)
    .where('status', 'in', restartable)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function saveImportJobProgress(db: Db, id: number, progress: { phase: string; done: number; total: number | null }): Promise<void> {
  await db.updateTable('import_jobs').set(progress).where('id', '=', id).where('status', '=', 'running').execute();
}

export async function finishImportJob(
  db: Db,
  id: number,
  outcome: { status: 'finished'; report: string } | { status: 'failed'; error: string },
): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set(outcome.status === 'finished' ? { status: 'finished', report: outcome.report } : { status: 'failed', error: outcome.error })
    .where('id', '=', id)
    .execute();
}
