import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { replaceControlCharacters } from '../platform/control-characters.ts';
import { DisqusFormatError } from './disqus/disqus-reader.ts';
import { importDisqus } from './disqus/disqus-import.ts';
import { GhostExportError } from './ghost/ghost-export.ts';
import { importGhost } from './ghost/ghost-import.ts';
import type { ImportDeps } from './import-deps.ts';
import { ExplainedError, type ImportSentence, importPhrase, sentenceForColumn, sentenceFromColumn } from './import-phrases.ts';
import { PhotoArchiveError, unpackPhotoArchive } from './photo-archive.ts';
import { claimImportJob, findImportJob, finishImportJob, insertImportJob, saveImportJobProgress } from './import-jobs.queries.ts';
import { type Progress, silentProgress } from './import-progress.ts';
import type { ImportReport } from './import-report.ts';
import type { ImportJobStatus } from './import.table.ts';
import { importWordPress } from './wordpress/wordpress-import.ts';
import { WxrFormatError } from './wordpress/wxr-reader.ts';

const importKinds = ['wordpress', 'ghost', 'disqus'] as const;
export type ImportKind = (typeof importKinds)[number];

export function isImportKind(value: unknown): value is ImportKind {
  return (importKinds as readonly unknown[]).includes(value);
}

export type ImportReportJson = ReturnType<ImportReport['toJSON']>;

/** `stopped`: the database says running, but this process is not importing it (the server restarted). */
export type ImportJobState = ImportJobStatus | 'stopped';

export interface ImportJob {
  readonly id: number;
  readonly kind: ImportKind;
  readonly fileName: string;
  readonly state: ImportJobState;
  readonly phase: string;
  readonly done: number;
  readonly total: number | null;
  readonly dryRunReport: ImportReportJson;
  readonly report: ImportReportJson | null;
  /** Why the import failed, for the person who started it: a phrase, or the English stored before phrases. */
  readonly error: ImportSentence | null;
}

/**
 * The file cannot be imported; the sentence, written by the importer, says why for the person who chose it
 * (`textIn(words)` in the newsroom's language, `message` in English).
 */
export class ImportFileError extends ExplainedError {
  override readonly name = 'ImportFileError';
}

const unexpectedFailure = importPhrase('imports.failedUnexpected');

interface ImporterOptions {
  readonly open: () => NodeJS.ReadableStream;
  readonly dryRun: boolean;
  readonly progress: Progress;
  /** The photos uploaded with the export, unpacked. */
  readonly photosDir: string | undefined;
}
type Importer = (deps: ImportDeps, options: ImporterOptions) => Promise<ImportReport>;
const importers: Record<ImportKind, Importer> = {
  wordpress: (deps, { photosDir, ...options }) => importWordPress(deps, { ...options, ...(photosDir ? { uploadsDir: photosDir } : {}) }),
  ghost: (deps, { photosDir, ...options }) => importGhost(deps, { ...options, ...(photosDir ? { imagesDir: photosDir } : {}) }),
  disqus: (deps, { photosDir: _none, ...options }) => importDisqus(deps, options),
};

/** The folder, in a zip of a site's photos, that the importer's paths start below. */
export const photoRoots: Record<ImportKind, 'uploads' | 'images' | undefined> = { wordpress: 'uploads', ghost: 'images', disqus: undefined };

function isUnreadableFile(error: unknown): error is WxrFormatError | GhostExportError | DisqusFormatError {
  return error instanceof WxrFormatError || error instanceof GhostExportError || error instanceof DisqusFormatError;
}

/** Counts what the importer reports, to be written to the job's row now and then. */
class CountingProgress implements Progress {
  name = '';
  count = 0;
  total: number | null = null;
  phase(name: string, total?: number): void {
    this.name = name;
    this.count = 0;
    this.total = total ?? null;
  }
  advance(count = 1): void {
    this.count += count;
  }
  done(): void {}
}

const progressEveryMs = 1000;

/**
 * Exports uploaded from the newsroom: stored under a random name, checked by a dry run, then
 * imported in the background of this process while the job's row tells the page how far it got.
 */
export class ImportJobs {
  /** Jobs this process is importing now; a row marked running that is not here was cut short by a restart. */
  readonly #running = new Set<number>();

  constructor(
    private readonly deps: ImportDeps,
    private readonly dir: string,
    private readonly logError: (error: unknown) => void,
  ) {}

  /** Writes an uploaded file under a random name, returned with its size; the caller discards it if it was cut short. */
  async receive(file: NodeJS.ReadableStream): Promise<{ storedName: string; bytes: number }> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const storedName = `${randomUUID()}.upload`;
    const output = createWriteStream(join(this.dir, storedName), { flags: 'wx', mode: 0o600 });
    try {
      await pipeline(file, output);
    } catch (error) {
      await this.discard(storedName);
      throw error;
    }
    return { storedName, bytes: output.bytesWritten };
  }

  /** Removes a stored upload, and the photos unpacked from it if it was a zip of them. */
  async discard(storedName: string): Promise<void> {
    await rm(join(this.dir, storedName), { force: true });
    await rm(this.#photosDir(storedName), { recursive: true, force: true });
  }

  /**
   * Unpacks a stored zip of the old site's photos for an import of `kind`, then drops the zip;
   * the name returned is what `check` takes. A zip that cannot be used is discarded and refused.
   */
  async unpackPhotos(storedName: string, kind: ImportKind): Promise<{ photosName: string; photos: number; skipped: number }> {
    const root = photoRoots[kind];
    try {
      if (!root) throw new PhotoArchiveError(importPhrase('imports.photos.disqus'));
      const unpacked = await unpackPhotoArchive(join(this.dir, storedName), this.#photosDir(storedName), root);
      await rm(join(this.dir, storedName), { force: true });
      return { photosName: storedName, ...unpacked };
    } catch (error) {
      await this.discard(storedName);
      if (error instanceof PhotoArchiveError) throw new ImportFileError(error.sentence, { cause: error });
      throw error;
    }
  }

  /** Runs a dry run of the stored file and records the job; an unreadable file is discarded and refused, with its photos. */
  async check(input: { kind: ImportKind; fileName: string; storedName: string; photosName?: string }): Promise<number> {
    let report: ImportReport;
    try {
      report = await importers[input.kind](this.deps, {
        open: this.#opener(input.storedName),
        dryRun: true,
        progress: silentProgress,
        photosDir: input.photosName === undefined ? undefined : this.#photosDir(input.photosName),
      });
    } catch (error) {
      await this.discard(input.storedName);
      if (input.photosName) await this.discard(input.photosName);
      if (isUnreadableFile(error)) throw new ImportFileError(error.sentence, { cause: error });
      throw error;
    }
    const fileName = replaceControlCharacters(input.fileName, 'line', '\uFFFD').slice(0, 200);
    return insertImportJob(
      this.deps.db,
      { kind: input.kind, storedName: input.storedName, photosName: input.photosName ?? null, fileName, dryRunReport: JSON.stringify(report.toJSON()) },
      this.deps.clock.now(),
    );
  }

  async find(id: number): Promise<ImportJob | undefined> {
    const row = await findImportJob(this.deps.db, id);
    if (!row || !isImportKind(row.kind)) return undefined;
    const state = row.status === 'running' && !this.#running.has(id) ? 'stopped' : row.status;
    return {
      id: row.id,
      kind: row.kind,
      fileName: row.fileName,
      state,
      phase: row.phase,
      done: row.done,
      total: row.total,
      dryRunReport: JSON.parse(row.dryRunReport) as ImportReportJson,
      report: row.report === null ? null : (JSON.parse(row.report) as ImportReportJson),
      error: row.error === null ? null : sentenceFromColumn(row.error),
    };
  }

  /**
   * Starts the import without waiting for it; false when it is already running or done.
   * `settled` is called with the job once it has finished or failed.
   */
  async start(id: number, settled: (job: ImportJob) => Promise<void>): Promise<boolean> {
    if (this.#running.has(id)) return false;
    this.#running.add(id);
    const row = await findImportJob(this.deps.db, id);
    // A job marked running here was cut short by a restart: imports are idempotent, so it may run again.
    if (!row || !isImportKind(row.kind) || !(await claimImportJob(this.deps.db, id, ['checked', 'failed', 'running']))) {
      this.#running.delete(id);
      return false;
    }
    const kind = row.kind;
    // `settled` runs before the outcome is stored, so whoever sees the job finished also finds what it did (the audit log).
    const announce = async (state: 'finished' | 'failed') => {
      const job = await this.find(id);
      if (job) await settled({ ...job, state }).catch(this.logError);
    };
    void this.#run(id, kind, row.storedName, row.photosName, announce).catch(this.logError);
    return true;
  }

  async #run(
    id: number,
    kind: ImportKind,
    storedName: string,
    photosName: string | null,
    announce: (state: 'finished' | 'failed') => Promise<void>,
  ): Promise<void> {
    const progress = new CountingProgress();
    let saving = Promise.resolve();
    const save = () => {
      saving = saving
        .then(() => saveImportJobProgress(this.deps.db, id, { phase: progress.name, done: progress.count, total: progress.total }))
        .catch(this.logError);
    };
    const timer = setInterval(save, progressEveryMs);
    timer.unref();
    try {
      const report = await importers[kind](this.deps, {
        open: this.#opener(storedName),
        dryRun: false,
        progress,
        photosDir: photosName === null ? undefined : this.#photosDir(photosName),
      });
      clearInterval(timer);
      await saving;
      // Finished means all done: the audit entry written and the uploaded files gone.
      await announce('finished');
      await this.discard(storedName);
      if (photosName) await this.discard(photosName);
      await finishImportJob(this.deps.db, id, { status: 'finished', report: JSON.stringify(report.toJSON()) });
    } catch (error) {
      clearInterval(timer);
      await saving;
      if (!isUnreadableFile(error)) this.logError(error);
      await announce('failed');
      await finishImportJob(this.deps.db, id, { status: 'failed', error: sentenceForColumn(isUnreadableFile(error) ? error.sentence : unexpectedFailure) });
    } finally {
      this.#running.delete(id);
    }
  }

  #photosDir(storedName: string): string {
    return join(this.dir, `${storedName}.photos`);
  }

  #opener(storedName: string): () => NodeJS.ReadableStream {
    return () => createReadStream(join(this.dir, storedName));
  }
}
