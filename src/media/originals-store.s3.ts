import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { S3StoreConfig } from '../config.ts';
import { checkedName, type OriginalFile, OriginalMissingError, type OriginalsStore, OriginalsStoreError } from './originals-store.ts';

const contentTypes: Readonly<Record<string, string>> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif' };

/** A fetched original this old was left by a process that stopped mid-encoding; none takes minutes. */
const abandonedAfterMs = 60 * 60 * 1000;

/**
 * Originals in a bucket of Amazon S3 or an S3-compatible store (MinIO, R2, Ceph…), so instances share
 * no disk. An original is fetched to a file under `fetchedDir` while its variants are made, streamed
 * rather than held in memory, and removed once they are.
 */
export class S3OriginalsStore implements OriginalsStore {
  readonly location: string;
  readonly #client: S3Client;
  readonly #config: S3StoreConfig;
  readonly #fetchedDir: string;

  private constructor(config: S3StoreConfig, fetchedDir: string) {
    this.#config = config;
    this.#fetchedDir = fetchedDir;
    this.location = `s3://${config.bucket}/${config.prefix}`;
    this.#client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      forcePathStyle: config.forcePathStyle,
      // Since early 2025 the SDK adds a CRC32 checksum to every upload (as the trailer of an aws-chunked
      // body when the length is unknown) and checks the one in every download. Several S3-compatible
      // stores (older MinIO and Ceph releases, some gateways) refuse such uploads or answer without the
      // checksum the SDK then insists on; sending and checking checksums only where an operation requires
      // them works with all of them. An upload here is always a whole buffer, so its signature still
      // covers the SHA-256 of its bytes.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // A store that does not answer must not hold a reader's image request (or the start) for minutes.
      requestHandler: { connectionTimeout: 5_000, socketTimeout: 30_000 },
    });
  }

  /** The store, with fetched originals a crashed process left behind removed (workers share the folder). */
  static async open(config: S3StoreConfig, fetchedDir: string): Promise<S3OriginalsStore> {
    await mkdir(fetchedDir, { recursive: true });
    const now = Date.now();
    for (const file of await readdir(fetchedDir)) {
      const path = join(fetchedDir, file);
      const info = await stat(path).catch(() => undefined);
      if (info && now - info.mtimeMs > abandonedAfterMs) await rm(path, { force: true });
    }
    return new S3OriginalsStore(config, fetchedDir);
  }

  #key(name: string): string {
    return `${this.#config.prefix}${checkedName(name)}`;
  }

  async save(name: string, bytes: Buffer): Promise<void> {
    const contentType = contentTypes[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
    await this.#client.send(new PutObjectCommand({ Bucket: this.#config.bucket, Key: this.#key(name), Body: bytes, ContentType: contentType }));
  }

  async open(name: string): Promise<OriginalFile> {
    const path = join(this.#fetchedDir, `${randomUUID()}-${checkedName(name)}`);
    // Made again should someone have emptied media/ to clear the variants.
    await mkdir(this.#fetchedDir, { recursive: true });
    try {
      await this.copyTo(name, path);
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return { path, release: () => rm(path, { force: true }) };
  }

  async copyTo(name: string, file: string): Promise<void> {
    let body: unknown;
    try {
      ({ Body: body } = await this.#client.send(new GetObjectCommand({ Bucket: this.#config.bucket, Key: this.#key(name) })));
    } catch (error) {
      throw error instanceof NoSuchKey ? new OriginalMissingError(name, this.location, { cause: error }) : error;
    }
    if (!(body instanceof Readable)) throw new Error(`The media store answered ${name} without a body`);
    await pipeline(body, createWriteStream(file, { flags: 'wx' }));
  }

  async delete(name: string): Promise<void> {
    await this.#client.send(new DeleteObjectCommand({ Bucket: this.#config.bucket, Key: this.#key(name) }));
  }

  async check(): Promise<void> {
    try {
      await this.#client.send(new HeadBucketCommand({ Bucket: this.#config.bucket }));
    } catch (cause) {
      throw new OriginalsStoreError(this.location, whyRefused(cause), { cause });
    }
  }
}

/** HeadBucket answers with a status and no body, so the status is all there is to explain. */
function whyRefused(error: unknown): string {
  const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
  if (status === 404) return 'there is no such bucket';
  if (status === 403) return 'the credentials were refused (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the role, need s3:ListBucket on it)';
  if (status === 301) return 'the bucket is in another region than GAZETTE_S3_REGION';
  if (status !== undefined) return `it answered ${status}`;
  return error instanceof Error ? error.message : String(error);
}
