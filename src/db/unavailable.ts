import { setTimeout } from 'node:timers/promises';
import { type Kysely, sql } from 'kysely';
import type { Database } from './database.ts';

/**
 * Whether `error` says the database could not be reached or went away (restarted, failed over, or on
 * SQLite held by a long write past the busy timeout), rather than that it refused a query. Such a
 * request can simply be sent again in a moment: the error handlers answer it with 503 and Retry-After,
 * not with the 500 of a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (unreachableCodes.has(code) || code.startsWith('08'))) return true;
    // pg's own words when the server closes a connection under it, or when a query (the next statement
    // of a transaction) is sent on a connection that broke or was closed; it gives them no code.
    if (/^Connection terminated|^Client (?:has encountered a connection error|was closed) and is not queryable/.test(current.message)) return true;
  }
  return false;
}

/** How long a client is asked to wait before trying again. */
export const databaseRetryAfterSeconds = 5;

const unreachableCodes = new Set([
  // The network, on the way to PostgreSQL.
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // PostgreSQL shutting down, crashed, starting up, or full (class 08, connection exceptions, above).
  '57P01',
  '57P02',
  '57P03',
  '53300',
  // SQLite: another connection held the write lock past busy_timeout.
  'SQLITE_BUSY',
]);

/**
 * Resolves once the database answers, trying again while it is unreachable for up to `withinMs`: an
 * instance (re)started while PostgreSQL restarts, or started before it, waits for it rather than exits.
 * Any other error (a refused password, a missing database) is thrown at once.
 */
export async function waitForDatabase(
  db: Kysely<Database>,
  log: { warn(message: string): void },
  { withinMs = 30_000, pauseMs = 500 }: { withinMs?: number; pauseMs?: number } = {},
): Promise<void> {
  const giveUpAt = Date.now() + withinMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`select 1`.execute(db);
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() + pauseMs > giveUpAt) throw error;
      if (attempt === 1) log.warn(`The database is not answering (${(error as Error).message}); waiting up to ${withinMs / 1000} s for it`);
      await setTimeout(pauseMs);
    }
  }
}
