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
  /**
   * Where rate-limit counters live (GAZETTE_RATE_LIMIT_STORE): `database` shares them between instances
   * and workers, `memory` keeps them per process; `auto` (unset) is `database` on PostgreSQL, `memory`
   * on SQLite.
   */
  readonly rateLimitStore: 'auto' | 'memory' | 'database';
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
    pageCacheBytes: readPageCacheBytes(env.GAZETTE_PAGE_CACHE_BYTES),
    workers: readWorkers(env.GAZETTE_WORKERS, envName),
    webhooksAllowPrivate: readWebhooksAllowPrivate(env.GAZETTE_WEBHOOKS_ALLOW_PRIVATE),
    rateLimitStore: readRateLimitStore(env.GAZETTE_RATE_LIMIT_STORE),
    https: readPublicUrl(env.GAZETTE_PUBLIC_URL, host, port).startsWith('https:'),
    mailFrom: env.MAIL_FROM || `Gazette <no-reply@${new URL(readPublicUrl(env.GAZETTE_PUBLIC_URL, host, port)).hostname}>`,
  });
}
