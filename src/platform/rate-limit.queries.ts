import type { Db } from '../db/database.ts';
import { toDate, toTimestamp } from '../db/row-values.ts';

export interface WindowCount {
  /** Hits in the current window, this one included. */
  readonly hits: number;
  readonly endsAt: Date;
}

/**
 * Counts one hit under `key` in a single statement, so hits counted at the same moment by several
 * instances all count: the first hit, or the first after the window ended, opens a window of
 * `windowMs` at 1; any other adds 1 and keeps the window's end.
 */
export async function countHit(db: Db, key: string, now: Date, windowMs: number): Promise<WindowCount> {
  const at = toTimestamp(now);
  const endsAt = toTimestamp(new Date(now.getTime() + windowMs));
  const row = await db
    .insertInto('rate_limit_windows')
    .values({ key, hits: 1, ends_at: endsAt })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet((eb) => {
        const ended = eb('rate_limit_windows.ends_at', '<=', at);
        return {
          hits: eb
            .case()
            .when(ended)
            .then(1)
            .else(eb('rate_limit_windows.hits', '+', 1))
            .end(),
          ends_at: eb.case().when(ended).then(endsAt).else(eb.ref('rate_limit_windows.ends_at')).end(),
        };
      }),
    )
    .returning(['hits', 'ends_at'])
    .executeTakeFirstOrThrow();
  return { hits: row.hits, endsAt: toDate(row.ends_at) };
}

/** Drops windows that ended before `now`: the table stays as small as the last minute's callers. */
export async function deleteEndedWindows(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limit_windows').where('ends_at', '<=', toTimestamp(now)).executeTakeFirst();
  return Number(result.numDeletedRows);
}
