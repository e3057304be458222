import type { ImportDeps } from '../import-deps.ts';
import type { Progress } from '../import-progress.ts';
import type { ImportOrigin } from '../import-records.queries.ts';
import type { ImportReport } from '../import-report.ts';
import type { GhostSite } from './ghost-site.ts';

/** The id a dry run gives what it would have created, so the rest of the run can count on it. */
export const dryRunId = -1;

/** What the Ghost import made of each thing, by Ghost id. */
export interface GhostLookups {
  readonly authorIds: Map<string, number>;
  readonly sectionIds: Map<string, number>;
  readonly tagIds: Map<string, number>;
  readonly articleIds: Map<string, number>;
  readonly pageIds: Map<string, number>;
}

/** One run of the Ghost import, as each of its phases sees it. */
export interface GhostRun {
  readonly deps: ImportDeps;
  readonly site: GhostSite;
  readonly from: ImportOrigin;
  readonly lookups: GhostLookups;
  readonly report: ImportReport;
  readonly dryRun: boolean;
  readonly now: Date;
  readonly progress: Progress;
}
