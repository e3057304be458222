import type { ColumnType } from 'kysely';

/** SQLite stores ISO-8601 text, PostgreSQL timestamptz; rows are mapped to Date at the query edge. */
export type Timestamp = ColumnType<Date | string, string, string>;
export type NullableTimestamp = ColumnType<Date | string | null, string | null, string | null>;
