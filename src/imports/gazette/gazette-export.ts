import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OriginalMissingError } from '../../media/index.ts';
import type { Progress } from '../import-progress.ts';
import type { ImportDeps } from '../import-deps.ts';
import { countRows, rowsInKeyOrder } from './gazette-rows.ts';
import { type ExportedTableName, exportedTable, exportOrder, gazetteTables } from './gazette-tables.ts';
import { exportedColumns, exportedValue, GazetteExportError } from './gazette-values.ts';
import { projectRoot } from '../../platform/project-root.ts';

/** Bumped whenever a file's shape changes in a way an older import could not read. */
export const gazetteExportFormat = 'gazette-export';
export const gazetteExportVersion = 1;

export interface GazetteManifest {
  readonly format: typeof gazetteExportFormat;
  readonly formatVersion: number;
  readonly gazetteVersion: string;
  readonly exportedAt: string;
  readonly tables: Record<string, { readonly rows: number; readonly file: string }>;
  readonly excludedTables: Record<string, string>;
  /** Originals under media/, by file name. */
  readonly media: readonly string[];
}

export interface ExportSummary {
  readonly manifest: GazetteManifest;
  /** Media rows whose original was not in the media store. */
  readonly missingMedia: readonly string[];
  toText(): string;
}

async function gazetteVersion(): Promise<string> {
  const packageJson = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof packageJson.version === 'string' ? packageJson.version : 'unknown';
}

/** The folder must be new or empty: an export never mixes with an older one or overwrites anything. */
async function emptyFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).length > 0) throw new GazetteExportError(`${dir} is not empty: export into a new or empty folder.`);
  await mkdir(join(dir, 'media'));
}

async function writeLine(stream: NodeJS.WritableStream, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await once(stream, 'drain');
}

async function exportTable(deps: ImportDeps, dir: string, name: ExportedTableName, onRow: (row: Record<string, unknown>) => void, progress: Progress) {
  const table = exportedTable(name);
  const columns = exportedColumns(table);
  const file = `${name}.jsonl`;
  const stream = createWriteStream(join(dir, file), { flags: 'wx' });
  let rows = 0;
  try {
    for await (const batch of rowsInKeyOrder(deps.db, name, table.key)) {
      for (const row of batch) {
        const line = Object.fromEntries(columns.map(([column, kind]) => [column, exportedValue(kind, row[column])]));
        await writeLine(stream, JSON.stringify(line));
        onRow(row);
        rows++;
      }
      progress.advance(batch.length);
    }
  } finally {
    stream.end();
    await once(stream, 'close');
  }
  return { rows, file };
}

/**
 * Writes everything the newsroom holds to `dir`: one JSON Lines file per table, the media originals
 * under media/, and manifest.json, written last so a folder with a manifest is a finished export.
 * Passwords, sessions, one-time tokens, sign-in throttles and site secrets stay behind (gazette-tables.ts).
 */
export async function exportGazette(deps: ImportDeps, dir: string, progress: Progress): Promise<ExportSummary> {
  await emptyFolder(dir);
  const tables: Record<string, { rows: number; file: string }> = {};
  const media: string[] = [];
  const missingMedia: string[] = [];
  for (const name of exportOrder) {
    progress.phase(name, await countRows(deps.db, name));
    const originals: string[] = [];
    tables[name] = await exportTable(
      deps,
      dir,
      name,
      (row) => {
        if (name === 'media') originals.push(deps.files.originalName({ storageKey: String(row.storage_key), mimeType: String(row.mime_type) }));
      },
      progress,
    );
    if (originals.length > 0) progress.phase('media-files', originals.length);
    for (const original of originals) {
      try {
        // From wherever the originals are kept: the media folder or a bucket.
        await deps.files.originals.copyTo(original, join(dir, 'media', original));
        media.push(original);
      } catch (error) {
        if (!(error instanceof OriginalMissingError)) throw error;
        missingMedia.push(original);
      }
      progress.advance();
    }
  }
  const excludedTables = Object.fromEntries(Object.entries(gazetteTables).flatMap(([name, table]) => ('excluded' in table ? [[name, table.excluded]] : [])));
  const manifest: GazetteManifest = {
    format: gazetteExportFormat,
    formatVersion: gazetteExportVersion,
    gazetteVersion: await gazetteVersion(),
    exportedAt: deps.clock.now().toISOString(),
    tables,
    excludedTables,
    media,
  };
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
  progress.done();
  return {
    manifest,
    missingMedia,
    toText: () =>
      [
        `Exported to ${dir}.`,
        '',
        ...Object.entries(tables).map(([name, { rows }]) => `${name.padEnd(26)} ${rows.toLocaleString('en')}`),
        `${'media files'.padEnd(26)} ${media.length.toLocaleString('en')}`,
        ...(missingMedia.length > 0
          ? ['', `Originals missing from ${deps.files.originals.location} (${missingMedia.length}): ${missingMedia.slice(0, 20).join(', ')}`]
          : []),
      ].join('\n'),
  };
}
