import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import { FairSqliteDialect } from './fair-sqlite-dialect.ts';
import { nameStatementsOfPool } from './postgres-statements.ts';
import { withPreparedStatementCache } from './sqlite-statements.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  destroy(): Promise<void>;
}

export type ConnectOptions =
  | {
      readonly databaseUrl: string;
      readonly poolSize?: number;
      /** Whether Gazette's fixed queries are sent as named statements (see postgres-statements.ts); on unless false. */
      readonly preparedStatements?: boolean;
    }
  /** A path, `:memory:`, or the bytes of a serialised database to open an in-memory copy of. */
  | { readonly sqliteFile: string | Buffer };

/** Picks the dialect once; nothing above this file knows which database answers. */
export function connectDatabase(options: ConnectOptions): DatabaseHandle {
  if ('databaseUrl' in options) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // A connection the server ends (a restart, a failover) emits 'error': on the pool while it is idle,
    // on the client itself while a query holds it. Either unheard would end the process. The query
    // that held it fails on its own; the pool drops the broken connection and opens a new one.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    if (options.preparedStatements !== false) nameStatementsOfPool(pool);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', destroy: () => db.destroy() };
  }
  const database = new SQLite(options.sqliteFile);
  // WAL lets readers go on while a write commits; NORMAL is durable across a crash of the process.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // The planner picks indexes from table statistics: without them it read a handful of articles asked for
  // by id through the index on status and date, every published row, rather than looking each id up.
  // SQLite's own advice for a long-lived connection is to refresh them at open, reading at most a few
  // hundred rows of each index (3 ms on a file of 100,000 articles).
  database.pragma('analysis_limit = 400');
  database.pragma('optimize = 0x10002');
  const db = new Kysely<Database>({ dialect: new FairSqliteDialect({ database: withPreparedStatementCache(database) }) });
  return { db, dialect: 'sqlite', destroy: () => db.destroy() };
}

export function connectFromConfig(config: { databaseUrl: string | undefined; dataDir: string; pgPreparedStatements?: boolean }): DatabaseHandle {
  if (config.databaseUrl) return connectDatabase({ databaseUrl: config.databaseUrl, preparedStatements: config.pgPreparedStatements ?? true });
  mkdirSync(config.dataDir, { recursive: true });
  return connectDatabase({ sqliteFile: join(config.dataDir, 'gazette.sqlite') });
}
