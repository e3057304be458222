import { access, copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where uploaded originals are kept, each under its file name (`<storage key>.<extension>`): the
 * same name is the file under media/originals and the key after the prefix in a bucket, so
 * `aws s3 sync <data dir>/media/originals s3://bucket/prefix/` moves one to the other.
 */
export interface OriginalsStore {
  /** Where the originals are, for messages: a folder, or `s3://bucket/prefix/`. */
  readonly location: string;
  /** Keeps the bytes under `name`, replacing any earlier original of that name. */
  save(name: string, bytes: Buffer): Promise<void>;
  /**
   * A file on this machine holding the original, for the encoder to read until `release()`.
   * @throws OriginalMissingError when the store has no such original; any other error means it did not answer
   */
  open(name: string): Promise<OriginalFile>;
  /**
   * Writes the original to `file` (an export).
   * @throws OriginalMissingError when the store has no such original
   */
  copyTo(name: string, file: string): Promise<void>;
  /** Removes the original; one already gone is no error. */
  delete(name: string): Promise<void>;
  /** Throws, saying why, when the store cannot be used: asked once at start, not by every readiness probe. */
  check(): Promise<void>;
}

export interface OriginalFile {
  readonly path: string;
  release(): Promise<void>;
}

export class OriginalMissingError extends Error {
  constructor(name: string, location: string, options?: { cause?: unknown }) {
    super(`The original ${name} is not in ${location}`, options);
    this.name = 'OriginalMissingError';
  }
}

/** The store could not be used at start: the bucket is missing, the keys refused, or nothing answered. */
export class OriginalsStoreError extends Error {
  constructor(location: string, why: string, options: { cause: unknown }) {
    super(`The media store ${location} cannot be used: ${why}`, options);
    this.name = 'OriginalsStoreError';
  }
}

/**
 * A name is only ever `<storage key>.<extension>`; anything else (a path, `..`) is refused before it
 * can reach a file system or a key.
 */
export function checkedName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*\.[a-z0-9]{2,5}$/.test(name)) throw new Error(`Not the file name of an original: ${JSON.stringify(name.slice(0, 80))}`);
  return name;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** GAZETTE_DATA_DIR/media/originals, as it always was: the default, for one machine or a shared disk. */
export class LocalOriginalsStore implements OriginalsStore {
  readonly location: string;

  constructor(dataDir: string) {
    this.location = join(dataDir, 'media', 'originals');
  }

  pathOf(name: string): string {
    return join(this.location, checkedName(name));
  }

  async save(name: string, bytes: Buffer): Promise<void> {
    await mkdir(this.location, { recursive: true });
    await writeFile(this.pathOf(name), bytes);
  }

  /** The original itself: nothing is copied. */
  async open(name: string): Promise<OriginalFile> {
    const path = this.pathOf(name);
    try {
      await access(path);
    } catch (error) {
      throw isMissing(error) ? new OriginalMissingError(name, this.location, { cause: error }) : error;
    }
    return { path, release: async () => {} };
  }

  async copyTo(name: string, file: string): Promise<void> {
    try {
      await copyFile(this.pathOf(name), file);
    } catch (error) {
      throw isMissing(error) ? new OriginalMissingError(name, this.location, { cause: error }) : error;
    }
  }

  async delete(name: string): Promise<void> {
    await rm(this.pathOf(name), { force: true });
  }

  async check(): Promise<void> {}
}
