import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Clock } from '../platform/clock.ts';

export interface AccountDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
}

export interface RequestMeta {
  readonly ip: string;
  readonly userAgent: string;
}
