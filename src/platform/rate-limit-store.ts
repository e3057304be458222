import { createHash } from 'node:crypto';
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { countHit, deleteEndedWindows } from './rate-limit.queries.ts';

/** What @fastify/rate-limit wants back from a store for one hit: hits in the window, and ms until it ends. */
export interface HitCount {
  readonly current: number;
  readonly ttl: number;
}

/** Keys this long (an email typed into a comment form can be 100 KB) are stored as their hash. */
const longestStoredKey = 200;
/** Ended windows are swept at most this often by each instance, on the back of a hit. */
const sweepEveryMs = 60_000;
/** Past this many keys the memory fallback forgets the oldest: an attack cannot make it grow without end. */
const memoryKeys = 10_000;

/**
 * Fixed windows kept in this process: the fallback while the database cannot count. Same rules as
 * @fastify/rate-limit's own LocalStore (which is not importable with types).
 */
export class MemoryWindows {
  readonly #windows = new Map<string, { hits: number; endsAt: number }>();

  count(key: string, windowMs: number, now: number): HitCount {
    const window = this.#windows.get(key);
    if (window && window.endsAt > now) {
      window.hits += 1;
      return { current: window.hits, ttl: window.endsAt - now };
    }
    this.#windows.delete(key);
    if (this.#windows.size >= memoryKeys) this.#forgetOldest(now);
    this.#windows.set(key, { hits: 1, endsAt: now + windowMs });
    return { current: 1, ttl: windowMs };
  }

  #forgetOldest(now: number): void {
    for (const [key, window] of this.#windows) if (window.endsAt <= now) this.#windows.delete(key);
    // Insertion order is age order: the first keys are the longest-lived windows.
    for (const key of this.#windows.keys()) {
      if (this.#windows.size < memoryKeys) break;
      this.#windows.delete(key);
    }
  }
}

export interface DatabaseWindowsOptions {
  readonly db: Kysely<Database>;
  readonly log: Pick<FastifyBaseLogger, 'warn'>;
  /**
   * Real time, not the app's clock (which tests hold still): a limit is "so many a minute" of the
   * world's minutes, as in @fastify/rate-limit's own stores.
   */
  readonly now?: () => number;
  /** How long a hit waits for the database before it is counted in memory instead. */
  readonly timeoutMs?: number;
}

/**
 * Rate-limit windows in the database, shared by every instance (and every worker) on it.
 *
 * When the database fails or is slow to answer, the hit is counted in this process's memory and a
 * warning is logged (once a minute): limits go on per instance instead of failing open, or failing
 * every request closed over a counter. The database comes back for the next hit that reaches it.
 */
export class DatabaseWindows {
  readonly #db: Kysely<Database>;
  readonly #log: Pick<FastifyBaseLogger, 'warn'>;
  readonly #now: () => number;
  readonly #timeoutMs: number;
  readonly #fallback = new MemoryWindows();
  #lastSweep: number;
  #sweeping: Promise<unknown> = Promise.resolve();
  #lastWarning = Number.NEGATIVE_INFINITY;

  constructor({ db, log, now = Date.now, timeoutMs = 1000 }: DatabaseWindowsOptions) {
    this.#db = db;
    this.#log = log;
    this.#now = now;
    this.#timeoutMs = timeoutMs;
    // Not at once: a fleet started together would otherwise all sweep on its first requests.
    this.#lastSweep = now();
  }

  async count(key: string, windowMs: number): Promise<HitCount> {
    const now = this.#now();
    this.#sweepNowAndThen(now);
    try {
      const window = await withTimeout(countHit(this.#db, storedKey(key), new Date(now), windowMs), this.#timeoutMs);
      // Another instance's clock may be a little ahead: never promise more than a window.
      return { current: window.hits, ttl: Math.min(windowMs, Math.max(0, window.endsAt.getTime() - now)) };
    } catch (error) {
      this.#warn(now, error, 'Rate limits are counted in this instance’s memory for now: the database did not count a hit');
      return this.#fallback.count(key, windowMs, now);
    }
  }

  /** Resolves once a sweep under way has finished, so closing the app never pulls the database from under it. */
  async settled(): Promise<void> {
    await this.#sweeping;
  }

  #sweepNowAndThen(now: number): void {
    if (now - this.#lastSweep < sweepEveryMs) return;
    this.#lastSweep = now;
    this.#sweeping = deleteEndedWindows(this.#db, new Date(now)).catch((error: unknown) =>
      this.#warn(now, error, 'Ended rate-limit windows could not be swept; the next sweep tries again'),
    );
  }

  /** At most once a minute: while the database is away, every hit would say the same. */
  #warn(now: number, error: unknown, message: string): void {
    if (now - this.#lastWarning < sweepEveryMs) return;
    this.#lastWarning = now;
    this.#log.warn({ err: error }, message);
  }
}

function storedKey(key: string): string {
  return key.length <= longestStoredKey ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The parts of @fastify/rate-limit's merged options a store is built from (its types leave them out). */
interface StoreParams {
  readonly continueExceeding?: boolean;
  readonly exponentialBackoff?: boolean;
  readonly routeInfo?: { readonly method?: string | readonly string[]; readonly url?: string };
}

/**
 * A @fastify/rate-limit store class counting in `windows` under the name of one limit (`comments`,
 * `content-api`), so limits registered in different places never count into each other. A route's
 * own limit (`config.rateLimit`) counts under its method and URL too; limiters made with
 * `createRateLimit` share their limit's keys, so give them keys of their own (`ip:…`, `email:…`).
 *
 * @example
 *   await app.register(rateLimit, { global: false, store: databaseStore(windows, 'comments') });
 */
export function databaseStore(windows: DatabaseWindows, limit: string): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    readonly #prefix: string;

    constructor(options: FastifyRateLimitOptions, prefix = `${limit}:`) {
      const params = options as StoreParams;
      // Fixed windows only: nothing here asks for more, and a silently different rule would be worse.
      if (params.continueExceeding || params.exponentialBackoff) {
        throw new Error(`The shared rate-limit store does not do continueExceeding or exponentialBackoff (limit "${limit}")`);
      }
      this.#prefix = prefix;
    }

    incr(key: string, callback: (error: Error | null, result?: HitCount) => void, timeWindow: number): void {
      windows.count(this.#prefix + key, timeWindow).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const route = (routeOptions as StoreParams).routeInfo;
      const routePrefix = route?.url ? `${this.#prefix}${[route.method ?? ''].flat().join(',')} ${route.url}:` : this.#prefix;
      return new DatabaseRateLimitStore(routeOptions as FastifyRateLimitOptions, routePrefix);
    }
  }
  return DatabaseRateLimitStore;
}
