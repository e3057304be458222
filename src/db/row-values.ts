/**
 * Dialect quirks, normalised where rows are mapped: SQLite hands back timestamps as ISO text and
 * counts as numbers, `pg` hands back Date objects and counts as strings (bigint).
 */

export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

export function toDateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : toDate(value);
}

/** The one format timestamps are written in, so SQLite's text comparisons order them correctly. */
export function toTimestamp(date: Date): string {
  return date.toISOString();
}

export function toCount(value: string | number | bigint | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}
