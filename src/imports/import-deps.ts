import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { MediaFiles } from '../media/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { ContentChanges } from '../platform/content-changes.ts';

/** What every importer is given: the database, the clock, where changes are announced, and the media store. */
export interface ImportDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly changes: ContentChanges;
  readonly files: MediaFiles;
}
