import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { DialectName } from '../db/connect.ts';
import type { Database } from '../db/database.ts';
import { DatabaseWindows, databaseStore } from './rate-limit-store.ts';

/** GAZETTE_RATE_LIMIT_STORE: `auto` picks by database (see chooseRateLimitStore). */
export type RateLimitStoreSetting = 'auto' | 'memory' | 'database';

/**
 * Where rate-limit counters live. On PostgreSQL in the database, so every instance of a cluster shares
 * one count (see docs/operations.md "Rate limits"). On SQLite in each process's memory: one machine's
 * workers would otherwise take SQLite's single write lock on every counted request, cached Content API
 * answers included; `database` makes them share one count at that cost.
 */
export function chooseRateLimitStore(setting: RateLimitStoreSetting, dialect: DialectName): 'memory' | 'database' {
  if (setting !== 'auto') return setting;
  return dialect === 'postgres' ? 'database' : 'memory';
}

/** What a @fastify/rate-limit registration adds to its options: the shared store, or nothing for the plugin's memory. */
export interface RateLimitStoreOptions {
  readonly store?: FastifyRateLimitStoreCtor;
}

export interface RateLimitStores {
  readonly kind: 'memory' | 'database';
  /**
   * The store for one limit, named so limits registered in different places never count into each other.
   *
   * @example
   *   await app.register(rateLimit, { global: false, ...app.rateLimitStores.options('comments') });
   */
  options(limit: string): RateLimitStoreOptions;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Where every @fastify/rate-limit registration gets its store; see src/platform/rate-limit.ts. */
    rateLimitStores: RateLimitStores;
  }
}

export interface RateLimitStoresOptions {
  readonly setting: RateLimitStoreSetting;
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
}

/** The one place rate-limit stores are made; registered before every plugin that limits a rate. */
export const rateLimitStores = fp<RateLimitStoresOptions>(
  async (app, { setting, db, dialect }) => {
    const kind = chooseRateLimitStore(setting, dialect);
    const windows = kind === 'database' ? new DatabaseWindows({ db, log: app.log }) : undefined;
    const stores: RateLimitStores = {
      kind,
      options: (limit) => (windows ? { store: databaseStore(windows, limit) } : {}),
    };
    app.decorate('rateLimitStores', stores);
    if (windows) app.addHook('onClose', () => windows.settled());
  },
  { name: 'gazette-rate-limit-stores' },
);
