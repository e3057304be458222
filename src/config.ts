import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import ipaddr from 'ipaddr.js';

/** Everything an operator can set, read once from the environment at boot. */
export interface Config {
  readonly env: 'production' | 'development' | 'test';
  readonly port: number;
  readonly host: string;
  /** Where the SQLite file and media live. */
  readonly dataDir: string;
  /** A postgres:// URL selects PostgreSQL; otherwise SQLite under dataDir. */
  readonly databaseUrl: string | undefined;
  /** Origin used for canonical links, feeds and JSON-LD, without a trailing slash. */
  readonly publicUrl: string;
  /** Seed the demo newsroom into an empty database. */
  readonly seedDemo: boolean;
  readonly logLevel: string;
  /** smtp:// or smtps:// URL for outgoing mail; without it, links are logged and shown to staff instead. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** How many comments one IP address, or one email, may post per minute. */
  readonly commentsPerMinute: number;
  /** How many Content API requests (/api/v1, not the Admin API) one IP address may make per minute. */
  readonly contentApiPerMinute: number;
  /**
   * Addresses (or CIDR ranges, or `loopback`) of the reverse proxies in front, whose X-Forwarded-For is
   * believed; empty trusts none, so the client address is the connection's.
   */
  readonly trustedProxies: readonly string[];
  /** Whether readers reach the site over HTTPS: cookies get Secure, responses HSTS. */
  readonly https: boolean;
  /** Whether rendered reader pages are kept in memory; off renders every request (benchmarking, debugging). */
  readonly pageCache: boolean;
  /** Whether Gazette's fixed queries go to PostgreSQL as named statements (off behind PgBouncer before 1.21 in transaction pooling). */
  readonly pgPreparedStatements: boolean;
  /** The page cache's budget in bytes, all encodings of all pages counted. */
  readonly pageCacheBytes: number;
  /** How many processes serve requests on the one port (node:cluster); 1 serves from this process alone. */
  readonly workers: number;
  /**
   * Whether webhook endpoints may be on loopback, private, link-local, unique-local and CGNAT addresses
   * (GAZETTE_WEBHOOKS_ALLOW_PRIVATE=1): for receivers on this machine or network, and for tests. Off,
   * they are refused, so an admin account cannot make the server reach into its own networks.
   */
  readonly webhooksAllowPrivate: boolean;
  readonly sharedCache: SharedCacheConfig;
  readonly purge: PurgeConfig;
  /**
   * Where rate-limit counters live (GAZETTE_RATE_LIMIT_STORE): `database` shares them between instances
   * and workers, `memory` keeps them per process; `auto` (unset) is `database` on PostgreSQL, `memory`
   * on SQLite.
   */
  readonly rateLimitStore: 'auto' | 'memory' | 'database';
  /** Where media originals are kept (GAZETTE_MEDIA_STORE); variants are always made and cached under dataDir. */
  readonly mediaStore: MediaStoreConfig;
}

/**
 * `local`: GAZETTE_DATA_DIR/media/originals, for one machine or a shared disk. `s3`: a bucket of Amazon S3
 * or a store speaking its protocol (MinIO, R2, Ceph…), so instances share no disk; credentials come from
 * the AWS SDK's own chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, an instance role).
 */
export type MediaStoreConfig = { readonly kind: 'local' } | S3StoreConfig;

export interface S3StoreConfig {
  readonly kind: 's3';
  /** GAZETTE_S3_BUCKET */
  readonly bucket: string;
  /** GAZETTE_S3_PREFIX, put before every key: empty, or ending in `/`. */
  readonly prefix: string;
  /** GAZETTE_S3_ENDPOINT, the origin of an S3-compatible store; undefined is Amazon S3. */
  readonly endpoint: string | undefined;
  /** GAZETTE_S3_REGION, else AWS_REGION, else us-east-1 (what most S3-compatible stores accept). */
  readonly region: string;
  /** GAZETTE_S3_FORCE_PATH_STYLE: bucket in the path, not the host name; on by default with an endpoint. */
  readonly forcePathStyle: boolean;
}

/** What reader answers tell a shared cache in front of Gazette (docs/operations.md, "Behind a shared cache"). */
export interface SharedCacheConfig {
  /** `s-maxage` in seconds (GAZETTE_SHARED_CACHE_MAX_AGE). */
  readonly maxAgeSeconds: number;
  /** `stale-while-revalidate` in seconds (GAZETTE_SHARED_CACHE_STALE_WHILE_REVALIDATE). */
  readonly staleWhileRevalidateSeconds: number;
  /** `stale-if-error` in seconds (GAZETTE_SHARED_CACHE_STALE_IF_ERROR). */
  readonly staleIfErrorSeconds: number;
  /** The header naming an answer's surrogate keys (GAZETTE_SURROGATE_KEY_HEADER); undefined sends none. */
  readonly surrogateKeyHeader: string | undefined;
}

/** Where each change is purged from that cache. */
export interface PurgeConfig {
  /** GAZETTE_PURGE_URLS; empty purges nothing. */
  readonly urls: readonly string[];
  /** Sent with every purge (GAZETTE_PURGE_SECRET); set whenever urls is. */
  readonly secret: string | undefined;
}

export class ConfigError extends Error {}

function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  }
  return port;
}

function readPublicUrl(value: string | undefined, host: string, port: number): string {
  const fallback = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;
  const raw = value === undefined || value === '' ? fallback : value;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`GAZETTE_PUBLIC_URL must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`GAZETTE_PUBLIC_URL must start with http:// or https://, got "${raw}"`);
  }
  return url.origin;
}

function readSmtpUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^smtps?:\/\//.test(value)) throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
  return value;
}

function readCommentsPerMinute(value: string | undefined): number {
  if (value === undefined || value === '') return 5;
  const perMinute = Number(value);
  if (!Number.isInteger(perMinute) || perMinute < 1) throw new ConfigError(`GAZETTE_COMMENTS_PER_MINUTE must be a whole number of at least 1, got "${value}"`);
  return perMinute;
}

function readContentApiPerMinute(value: string | undefined): number {
  if (value === undefined || value === '') return 600;
  const perMinute = Number(value);
  if (!/^\d+$/.test(value) || perMinute < 1 || perMinute > 1_000_000) {
    throw new ConfigError(`GAZETTE_CONTENT_API_PER_MINUTE must be a whole number from 1 to 1000000, got "${value}"`);
  }
  return perMinute;
}

/**
 * A production start on an empty database starts empty: a newsroom going live must not find made-up
 * stories on its front page. Development and tests seed unless told not to.
 */
function readSeedDemo(value: string | undefined, env: Config['env']): boolean {
  if (value === undefined || value === '') return env !== 'production';
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new ConfigError(`GAZETTE_DEMO must be "on" or "off", got "${value}"`);
}

function readPgPreparedStatements(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'on') return true;
  if (value === 'off') return false;
  throw new ConfigError(`GAZETTE_PG_PREPARED_STATEMENTS must be "on" or "off", got "${value}"`);
}

function readPageCache(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'on') return true;
  if (value === 'off') return false;
  throw new ConfigError(`GAZETTE_PAGE_CACHE must be "on" or "off", got "${value}"`);
}

const byteUnits: Readonly<Record<string, number>> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** Whole bytes, or with a K, M or G suffix (powers of 1024), e.g. `64M`. */
function readPageCacheBytes(value: string | undefined): number {
  if (value === undefined || value === '') return 64 * 1024 ** 2;
  const match = /^(\d+)\s*([KMG]?)i?B?$/i.exec(value.trim());
  const bytes = match ? Number(match[1]) * (byteUnits[match[2]!.toUpperCase()] ?? 1) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1024 * 1024) {
    throw new ConfigError(`GAZETTE_PAGE_CACHE_BYTES must be a size of at least 1M, e.g. 67108864 or 64M, got "${value}"`);
  }
  return bytes;
}

/** In production one process a CPU, up to four: past that the single SQLite writer, not the CPU, sets the pace. */
function readWorkers(value: string | undefined, envName: Config['env']): number {
  if (value === undefined || value === '') return envName === 'production' ? Math.min(availableParallelism(), 4) : 1;
  if (value === 'auto') return availableParallelism();
  const workers = Number(value);
  if (!/^\d+$/.test(value) || workers < 1 || workers > 64) {
    throw new ConfigError(`GAZETTE_WORKERS must be a whole number from 1 to 64, or "auto" (one a CPU), got "${value}"`);
  }
  return workers;
}

const proxyKeywords = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** A list, never "everything": trusting every sender's X-Forwarded-For would let anyone choose their address. */
function readTrustedProxies(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .map((entry) => {
      if (proxyKeywords.has(entry) || isAddressOrRange(entry)) return entry;
      throw new ConfigError(`GAZETTE_TRUST_PROXY must list proxy addresses or ranges (e.g. 10.0.0.5, 10.0.0.0/8 or loopback), got "${entry}"`);
    });
}

function isAddressOrRange(entry: string): boolean {
  try {
    if (entry.includes('/')) ipaddr.parseCIDR(entry);
    else ipaddr.parse(entry);
    return true;
  } catch {
    return false;
  }
}

function readWebhooksAllowPrivate(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new ConfigError(`GAZETTE_WEBHOOKS_ALLOW_PRIVATE must be "1" (allow) or "0" (refuse, the default), got "${value}"`);
}

function readRateLimitStore(value: string | undefined): Config['rateLimitStore'] {
  if (value === undefined || value === '') return 'auto';
  if (value === 'auto' || value === 'memory' || value === 'database') return value;
  throw new ConfigError(`GAZETTE_RATE_LIMIT_STORE must be "database", "memory" or "auto", got "${value}"`);
}

const s3Settings = ['GAZETTE_S3_BUCKET', 'GAZETTE_S3_PREFIX', 'GAZETTE_S3_ENDPOINT', 'GAZETTE_S3_REGION', 'GAZETTE_S3_FORCE_PATH_STYLE'] as const;

function readMediaStore(env: NodeJS.ProcessEnv): MediaStoreConfig {
  const kind = env.GAZETTE_MEDIA_STORE || 'local';
  if (kind !== 'local' && kind !== 's3') throw new ConfigError(`GAZETTE_MEDIA_STORE must be "local" or "s3", got "${kind}"`);
  if (kind === 'local') {
    // A bucket named without the store chosen would leave originals on this machine while the operator thinks otherwise.
    const stray = s3Settings.find((name) => env[name]);
    if (stray) throw new ConfigError(`${stray} is set, but GAZETTE_MEDIA_STORE is not "s3": set GAZETTE_MEDIA_STORE=s3 to keep originals in the bucket`);
    return Object.freeze({ kind });
  }
  const endpoint = readS3Endpoint(env.GAZETTE_S3_ENDPOINT);
  const region = env.GAZETTE_S3_REGION || env.AWS_REGION || 'us-east-1';
  if (!/^[a-z0-9-]{1,40}$/.test(region))
    throw new ConfigError(`GAZETTE_S3_REGION (or AWS_REGION) must be a region name such as eu-west-1 or auto, got "${region}"`);
  return Object.freeze({
    kind,
    bucket: readS3Bucket(env.GAZETTE_S3_BUCKET),
    prefix: readS3Prefix(env.GAZETTE_S3_PREFIX),
    endpoint,
    region,
    forcePathStyle: readOnOff('GAZETTE_S3_FORCE_PATH_STYLE', env.GAZETTE_S3_FORCE_PATH_STYLE, endpoint !== undefined),
  });
}

/** The rule Amazon S3, R2, MinIO and Google Cloud Storage share. */
function readS3Bucket(value: string | undefined): string {
  if (value === undefined || value === '') throw new ConfigError('GAZETTE_S3_BUCKET must be set when GAZETTE_MEDIA_STORE is "s3"');
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value)) {
    throw new ConfigError(`GAZETTE_S3_BUCKET must be a bucket name of 3 to 63 lowercase letters, digits, dots and hyphens, got "${value}"`);
  }
  return value;
}

/** Folders of characters every S3-compatible store takes as they are; `media/` and `media` mean the same. */
function readS3Prefix(value: string | undefined): string {
  const trimmed = (value ?? '').replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '';
  const folders = trimmed.split('/');
  if (trimmed.length > 200 || folders.some((folder) => !/^[A-Za-z0-9_.-]+$/.test(folder) || folder === '.' || folder === '..')) {
    throw new ConfigError(`GAZETTE_S3_PREFIX must be up to 200 characters of folders of letters, digits, ".", "_" and "-" separated by "/", got "${value}"`);
  }
  return `${trimmed}/`;
}

function readS3Endpoint(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`GAZETTE_S3_ENDPOINT must be an http(s) URL such as https://minio.example:9000, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`GAZETTE_S3_ENDPOINT must start with http:// or https://, got "${value}"`);
  // Keys come from the AWS SDK's chain; in a URL they would end up in logs.
  if (url.username || url.password)
    throw new ConfigError('GAZETTE_S3_ENDPOINT must not hold a user name or password; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  if (url.pathname !== '/' || url.search || url.hash)
    throw new ConfigError(`GAZETTE_S3_ENDPOINT must be an origin without a path, such as https://minio.example:9000, got "${value}"`);
  return url.origin;
}

function readOnOff(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new ConfigError(`${name} must be "on" or "off", got "${value}"`);
}

const yearSeconds = 365 * 24 * 60 * 60;

function readSeconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const seconds = Number(value);
  if (!/^\d+$/.test(value) || seconds > yearSeconds)
    throw new ConfigError(`${name} must be a whole number of seconds from 0 to ${yearSeconds}, got "${value}"`);
  return seconds;
}

/** `off` sends none; otherwise a plain header name, e.g. `xkey`, `Surrogate-Key` or `Cache-Tag`. */
function readSurrogateKeyHeader(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return 'xkey';
  if (value === 'off') return undefined;
  if (!/^[A-Za-z0-9-]{1,64}$/.test(value))
    throw new ConfigError(`GAZETTE_SURROGATE_KEY_HEADER must be a header name (letters, digits, "-") or "off", got "${value}"`);
  return value;
}

function readPurgeUrls(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((entry) => {
    let url: URL;
    try {
      url = new URL(entry.trim());
    } catch {
      throw new ConfigError(`GAZETTE_PURGE_URLS must list http(s) URLs separated by commas, got "${entry.trim()}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`GAZETTE_PURGE_URLS must list http(s) URLs, got "${entry.trim()}"`);
    // The secret goes in its own header; credentials in a URL would end up in logs.
    if (url.username || url.password) throw new ConfigError('GAZETTE_PURGE_URLS must not hold a user name or password; GAZETTE_PURGE_SECRET is sent instead');
    return url.href;
  });
}

/** Whoever knows it can empty the cache in front, sending every reader to the instances: so not a short one. */
function readPurgeSecret(value: string | undefined, urls: readonly string[]): string | undefined {
  if (value === undefined || value === '') {
    if (urls.length > 0) throw new ConfigError('GAZETTE_PURGE_SECRET must be set when GAZETTE_PURGE_URLS is: the cache in front accepts purges only with it');
    return undefined;
  }
  if (!/^[\x21-\x7e]{16,256}$/.test(value)) throw new ConfigError('GAZETTE_PURGE_SECRET must be 16 to 256 visible ASCII characters without spaces');
  return value;
}

/**
 * Defaults: a day of s-maxage, since a change purges what it touches at once and this only bounds how
 * long a purge that never arrived leaves a page stale; a minute of stale-while-revalidate, so a busy
 * page past that day is fetched again behind readers' backs; a day of stale-if-error, so readers keep
 * getting pages while every instance is down.
 */
function readSharedCache(env: NodeJS.ProcessEnv): SharedCacheConfig {
  return Object.freeze({
    maxAgeSeconds: readSeconds('GAZETTE_SHARED_CACHE_MAX_AGE', env.GAZETTE_SHARED_CACHE_MAX_AGE, 86_400),
    staleWhileRevalidateSeconds: readSeconds('GAZETTE_SHARED_CACHE_STALE_WHILE_REVALIDATE', env.GAZETTE_SHARED_CACHE_STALE_WHILE_REVALIDATE, 60),
    staleIfErrorSeconds: readSeconds('GAZETTE_SHARED_CACHE_STALE_IF_ERROR', env.GAZETTE_SHARED_CACHE_STALE_IF_ERROR, 86_400),
    surrogateKeyHeader: readSurrogateKeyHeader(env.GAZETTE_SURROGATE_KEY_HEADER),
  });
}

function readPurge(env: NodeJS.ProcessEnv): PurgeConfig {
  const urls = Object.freeze(readPurgeUrls(env.GAZETTE_PURGE_URLS));
  return Object.freeze({ urls, secret: readPurgeSecret(env.GAZETTE_PURGE_SECRET, urls) });
}

function readEnvName(value: string | undefined): Config['env'] {
  if (value === 'production' || value === 'test') return value;
  return 'development';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = readPort(env.PORT);
  const host = env.HOST || '127.0.0.1';
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL; leave it unset for the embedded SQLite database');
  }
  const envName = readEnvName(env.NODE_ENV);
  return Object.freeze({
    env: envName,
    port,
    host,
    dataDir: resolve(env.GAZETTE_DATA_DIR || './data'),
    databaseUrl,
    publicUrl: readPublicUrl(env.GAZETTE_PUBLIC_URL, host, port),
    seedDemo: readSeedDemo(env.GAZETTE_DEMO, envName),
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'production' ? 'warn' : 'info'),
    smtpUrl: readSmtpUrl(env.SMTP_URL),
    commentsPerMinute: readCommentsPerMinute(env.GAZETTE_COMMENTS_PER_MINUTE),
    contentApiPerMinute: readContentApiPerMinute(env.GAZETTE_CONTENT_API_PER_MINUTE),
    trustedProxies: readTrustedProxies(env.GAZETTE_TRUST_PROXY),
    pageCache: readPageCache(env.GAZETTE_PAGE_CACHE),
    pgPreparedStatements: readPgPreparedStatements(env.GAZETTE_PG_PREPARED_STATEMENTS),
    pageCacheBytes: readPageCacheBytes(env.GAZETTE_PAGE_CACHE_BYTES),
    workers: readWorkers(env.GAZETTE_WORKERS, envName),
    webhooksAllowPrivate: readWebhooksAllowPrivate(env.GAZETTE_WEBHOOKS_ALLOW_PRIVATE),
    sharedCache: readSharedCache(env),
    purge: readPurge(env),
    rateLimitStore: readRateLimitStore(env.GAZETTE_RATE_LIMIT_STORE),
    mediaStore: readMediaStore(env),
    https: readPublicUrl(env.GAZETTE_PUBLIC_URL, host, port).startsWith('https:'),
    mailFrom: env.MAIL_FROM || `Gazette <no-reply@${new URL(readPublicUrl(env.GAZETTE_PUBLIC_URL, host, port)).hostname}>`,
  });
}
