import type { Db } from '../db/database.ts';
import type { PageCache } from '../platform/page-cache.ts';
import type { SiteContext } from '../settings/index.ts';

/** What every reader-page route plugin is given. */
export interface ReaderDeps {
  readonly db: Db;
  readonly site: SiteContext;
  readonly pages: PageCache;
}

/** How many stories a list page shows. */
export const storiesPerPage = 12;
