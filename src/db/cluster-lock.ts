import { type Kysely, sql } from 'kysely';
import type { DialectName } from './connect.ts';
import type { Database } from './database.ts';

/** What a job run once per cluster came to: its result, or `ran: false` when another instance was running it. */
export type ClusterRun<T> = { readonly ran: true; readonly value: T } | { readonly ran: false };

/**
 * Runs a periodic job (the scheduler's pass, housekeeping) unless another instance sharing the
 * database is running it at this moment; that one does the work, so this one skips its turn.
 *
 * On PostgreSQL a session advisory lock is held on one connection of the pool while the job runs
 * on others; an instance that dies mid-job loses its connection and, with it, the lock. A SQLite
 * file is on one machine, where the leader process alone runs these jobs: the job simply runs.
 *
 * @example
 * const pass = await runOncePerCluster(db, dialect, 'comment-housekeeping', () => erasePastRetention(deps));
 * if (pass.ran) log.info({ erased: pass.value }, 'Erased expired IP addresses');
 */
export async function runOncePerCluster<T>(db: Kysely<Database>, dialect: DialectName, name: string, job: () => Promise<T>): Promise<ClusterRun<T>> {
  if (dialect === 'sqlite') return { ran: true, value: await job() };
  // Advisory locks belong to the whole database; the schema in the key keeps apart several sites
  // (or test runs) that share one database in schemas of their own.
  const key = sql`('x' || left(md5(current_schema() || ':' || ${name}), 16))::bit(64)::bigint`;
  return db.connection().execute(async (connection) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}) as locked`.execute(connection);
    if (!rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, value: await job() };
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(connection);
    }
  });
}
