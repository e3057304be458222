import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { rebuildSearchDocuments } from '../../articles/index.ts';
import type { DialectName } from '../../db/connect.ts';
import { contentTags } from '../../platform/content-changes.ts';
import type { ImportDeps } from '../import-deps.ts';
import type { Progress } from '../import-progress.ts';
import { ImportReport } from '../import-report.ts';
import { MissingUploadError, readUpload } from '../upload-files.ts';
import { gazetteExportFormat, gazetteExportVersion } from './gazette-export.ts';
import { countRows, untyped } from './gazette-rows.ts';
import { type ExportedTableName, exportedTable, exportOrder, isExportedTableName } from './gazette-tables.ts';
import { GazetteExportError, importedRow } from './gazette-values.ts';

export interface GazetteImportOptions {
  readonly progress: Progress;
  /** Which database receives the rows: PostgreSQL's id sequences must be moved past the imported ids. */
  readonly dialect: DialectName;
}

interface CheckedManifest {
  readonly rows: ReadonlyMap<ExportedTableName, number>;
  readonly media: readonly string[];
}

const maxManifestBytes = 50_000_000;
/** A media file is named `<storage key>.<extension>`, never a path. */
const mediaFileName = /^[A-Za-z0-9][A-Za-z0-9_-]*\.[a-z0-9]{2,5}$/;

async function readManifest(dir: string): Promise<CheckedManifest> {
  const path = join(dir, 'manifest.json');
  let text: string;
  try {
    if ((await stat(path)).size > maxManifestBytes) throw new GazetteExportError('manifest.json is too large to be a Gazette export manifest.');
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof GazetteExportError) throw error;
    throw new GazetteExportError(`${dir} has no readable manifest.json: is it a folder made by "npx gazette export"?`);
  }
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new GazetteExportError('manifest.json is not valid JSON.');
  }
  if (typeof manifest !== 'object' || manifest === null || manifest.format !== gazetteExportFormat) {
    throw new GazetteExportError('manifest.json does not describe a Gazette export.');
  }
  if (manifest.formatVersion !== gazetteExportVersion) {
    throw new GazetteExportError(`This export is in format version ${String(manifest.formatVersion)}; this Gazette reads version ${gazetteExportVersion}.`);
  }
  const tables = manifest.tables;
  if (typeof tables !== 'object' || tables === null || Array.isArray(tables)) throw new GazetteExportError('manifest.json lists no tables.');
  const rows = new Map<ExportedTableName, number>();
  for (const [name, entry] of Object.entries(tables as Record<string, unknown>)) {
    if (!isExportedTableName(name)) throw new GazetteExportError(`manifest.json names an unknown table ${JSON.stringify(name.slice(0, 60))}.`);
    const count = (entry as { rows?: unknown } | null)?.rows;
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) throw new GazetteExportError(`manifest.json gives no row count for ${name}.`);
    rows.set(name, count);
  }
  const missing = exportOrder.filter((name) => !rows.has(name));
  if (missing.length > 0) throw new GazetteExportError(`manifest.json does not list the tables ${missing.join(', ')}.`);
  const media = manifest.media;
  if (!Array.isArray(media)) throw new GazetteExportError('manifest.json has no list of media files.');
  for (const file of media) {
    if (typeof file !== 'string' || !mediaFileName.test(file)) {
      throw new GazetteExportError(
        `manifest.json lists a media file that is not a plain file name inside media/: ${JSON.stringify(String(file).slice(0, 80))}.`,
      );
    }
  }
  return { rows, media: media as string[] };
}

/** Each line of a table's file, checked against the table's columns. */
async function* rowsOfFile(dir: string, name: ExportedTableName): AsyncGenerator<Record<string, string | number | null>> {
  const table = exportedTable(name);
  const input = createReadStream(join(dir, `${name}.jsonl`));
  const opened = new Promise<void>((resolve, reject) => {
    input.once('open', () => resolve());
    input.once('error', () => reject(new GazetteExportError(`${name}.jsonl is missing from the export.`)));
  });
  await opened;
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber++;
    if (line.trim() === '') continue;
    yield importedRow(name, table, line, lineNumber);
  }
}

/** Reads every file once before anything is written, so a damaged or tampered export changes nothing. */
async function checkFiles(dir: string, manifest: CheckedManifest, progress: Progress): Promise<void> {
  progress.phase('checking-files', exportOrder.length);
  for (const name of exportOrder) {
    let rows = 0;
    for await (const _ of rowsOfFile(dir, name)) rows++;
    if (rows !== manifest.rows.get(name)) {
      throw new GazetteExportError(`${name}.jsonl holds ${rows} rows; manifest.json says ${manifest.rows.get(name)}.`);
    }
    progress.advance();
  }
  for (const file of manifest.media) {
    try {
      await stat(join(dir, 'media', file));
    } catch {
      throw new GazetteExportError(`media/${file} is listed in manifest.json but missing.`);
    }
  }
}

async function refuseNonEmpty(deps: ImportDeps): Promise<void> {
  for (const name of exportOrder) {
    if (exportedTable(name).replacedOnImport) continue;
    const rows = await countRows(deps.db, name);
    if (rows > 0) {
      throw new GazetteExportError(
        `The database already holds ${name} (${rows} rows). A Gazette export goes into an empty database only: create a new one, run the migrations, and import again.`,
      );
    }
  }
}

/** Rows per insert, kept under SQLite's and PostgreSQL's limits on bound values per statement. */
function batchSizeFor(name: ExportedTableName): number {
  return Math.max(1, Math.min(500, Math.floor(30_000 / Object.keys(exportedTable(name).columns).length)));
}

async function insertTable(deps: ImportDeps, dir: string, name: ExportedTableName, report: ImportReport, progress: Progress): Promise<void> {
  const size = batchSizeFor(name);
  await deps.db.transaction().execute(async (trx) => {
    const db = untyped(trx as never);
    if (exportedTable(name).replacedOnImport) await db.deleteFrom(name).execute();
    let batch: Record<string, string | number | null>[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await db.insertInto(name).values(batch).execute();
      for (let i = 0; i < batch.length; i++) report.count(name, 'created');
      progress.advance(batch.length);
      batch = [];
    };
    for await (const row of rowsOfFile(dir, name)) {
      batch.push(row);
      if (batch.length >= size) await flush();
    }
    await flush();
  });
}

/** PostgreSQL hands out ids from a sequence that knows nothing of rows inserted with their own ids. */
async function moveSequencesPastImportedIds(deps: ImportDeps): Promise<void> {
  for (const name of exportOrder) {
    if (!exportedTable(name).identity) continue;
    await sql`select setval(pg_get_serial_sequence(${name}, 'id'), coalesce(max(id), 0) + 1, false) from ${sql.table(name)}`.execute(deps.db);
  }
}

async function copyMedia(deps: ImportDeps, dir: string, media: readonly string[], report: ImportReport, progress: Progress): Promise<void> {
  progress.phase('media-files', media.length);
  for (const file of media) {
    let bytes: Buffer;
    try {
      bytes = await readUpload(join(dir, 'media'), file, 'media');
    } catch (error) {
      if (!(error instanceof MissingUploadError)) throw error;
      throw new GazetteExportError(`media/${file}: ${error.message}.`);
    }
    const dot = file.lastIndexOf('.');
    await deps.files.saveOriginal(file.slice(0, dot), file.slice(dot + 1), bytes);
    report.count('media files', 'created');
    progress.advance();
  }
}

/**
 * Brings a folder made by `exportGazette` into an empty database of either kind, every row with its
 * original id, so addresses, links between rows and the site itself come out the same. Everything in
 * the folder is untrusted: each value is checked against its column before anything is written.
 */
export async function importGazette(deps: ImportDeps, dir: string, options: GazetteImportOptions): Promise<ImportReport> {
  const { progress } = options;
  const manifest = await readManifest(dir);
  await refuseNonEmpty(deps);
  await checkFiles(dir, manifest, progress);
  const report = new ImportReport(false);
  for (const name of exportOrder) {
    progress.phase(name, manifest.rows.get(name));
    await insertTable(deps, dir, name, report, progress);
  }
  if (options.dialect === 'postgres') await moveSequencesPastImportedIds(deps);
  await copyMedia(deps, dir, manifest.media, report, progress);
  progress.phase('search-index');
  await rebuildSearchDocuments(deps.db);
  deps.changes.announce([contentTags.everything]);
  progress.done();
  return report;
}
