import type { Db } from '../db/database.ts';
import { toDate, toTimestamp } from '../db/row-values.ts';

export interface FailureCount {
  readonly key: string;
  readonly failures: number;
  readonly lastFailedAt: Date;
}

export async function findFailureCounts(db: Db, keys: readonly string[]): Promise<FailureCount[]> {
  if (keys.length === 0) return [];
  const rows = await db.selectFrom('sign_in_throttles').select(['key', 'failures', 'last_failed_at']).where('key', 'in', keys).execute();
  return rows.map((row) => ({ key: row.key, failures: row.failures, lastFailedAt: toDate(row.last_failed_at) }));
}

/**
 * Adds one failure under `key` in a single statement, so failures counted at the same moment by
 * several instances all count; returns the count. A run whose last failure is before `forgetBefore`
 * starts again at one.
 */
export async function addFailure(db: Db, key: string, now: Date, forgetBefore: Date): Promise<number> {
  const at = toTimestamp(now);
  const row = await db
    .insertInto('sign_in_throttles')
    .values({ key, failures: 1, last_failed_at: at })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('sign_in_throttles.last_failed_at', '<', toTimestamp(forgetBefore))
          .then(1)
          .else(eb('sign_in_throttles.failures', '+', 1))
          .end(),
        last_failed_at: at,
      })),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return row.failures;
}

export async function deleteFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttles').where('key', '=', key).execute();
}

/** Drops runs too old to slow anyone down, so the table stays as small as the attacks of the last day. */
export async function deleteFailuresBefore(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('sign_in_throttles').where('last_failed_at', '<', toTimestamp(before)).execute();
}
