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
  /**
   * How the change arrived when not through the newsroom's own pages, e.g. `API token Deploy script`
   * (see `apiTokenVia`) or `the command line`. `audit` ends every subject it records with "via …".
   */
  readonly via?: string;
}
