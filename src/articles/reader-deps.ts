import type { Db } from '../db/database.ts';
import type { PageCache } from '../platform/page-cache.ts';
import type { SiteContext } from '../settings/index.ts';
import type { CollectionCounts } from './collection-counts.ts';
import type { SummariesByIds } from './kept-summaries.ts';

/** What every reader-page route plugin is given. */
export interface ReaderDeps {
  readonly db: Db;
  readonly site: SiteContext;
  readonly pages: PageCache;
  /** Teasers kept between requests (KeptSummaries); without it they are read at each render. */
  readonly summaries?: SummariesByIds;
}

/** What a section's, tag's or author's page routes are given: their counts are kept between requests. */
export interface CollectionDeps extends ReaderDeps {
  readonly counts: CollectionCounts;
}

/** How many stories a list page shows. */
export const storiesPerPage = 12;
