import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/connect.ts';

/**
 * Asserts that the database plans `query` (SQL with its values written in) through the index `index`.
 * PostgreSQL's planner takes a scan of a test's small tables as cheaper; told to avoid scans, it shows
 * whether the index serves the query.
 */
export async function assertPlanUses(database: DatabaseHandle, query: string, index: string): Promise<void> {
  if (database.dialect === 'sqlite') {
    const plan = (await sql<{ detail: string }>`explain query plan ${sql.raw(query)}`.execute(database.db)).rows.map((row) => row.detail).join('\n');
    assert.match(plan, new RegExp(index), plan);
    return;
  }
  await database.db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const plan = (await sql<{ 'QUERY PLAN': string }>`explain ${sql.raw(query)}`.execute(trx)).rows.map((row) => row['QUERY PLAN']).join('\n');
    assert.match(plan, new RegExp(index), plan);
  });
}
