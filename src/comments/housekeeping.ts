import type { Kysely } from 'kysely';
import { runOncePerCluster } from '../db/cluster-lock.ts';
import type { DialectName } from '../db/connect.ts';
import type { Database } from '../db/database.ts';
import type { Clock } from '../platform/clock.ts';
import type { SettingsStore } from '../settings/index.ts';
import { eraseExpiredNetworkData } from './privacy.queries.ts';

const dayMs = 24 * 60 * 60 * 1000;

interface HousekeepingDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly settings: Pick<SettingsStore, 'current'>;
}

/** Erases commenters' IP addresses once the policy's retention period has passed. */
export async function erasePastRetention(deps: HousekeepingDeps): Promise<number> {
  const days = deps.settings.current().comments.ipRetentionDays;
  return eraseExpiredNetworkData(deps.db, new Date(deps.clock.now().getTime() - days * dayMs));
}

/**
 * One housekeeping pass, unless another instance sharing the database is running one at this moment
 * (then `undefined`: that pass erases the same addresses). Returns how many comments were touched.
 */
export async function runCommentHousekeeping(deps: HousekeepingDeps & { readonly dialect: DialectName }): Promise<number | undefined> {
  const pass = await runOncePerCluster(deps.db, deps.dialect, 'comment-housekeeping', () => erasePastRetention(deps));
  return pass.ran ? pass.value : undefined;
}

/** Runs the retention job at start and every hour; returns a stop function. */
export function startCommentHousekeeping(
  deps: HousekeepingDeps & { readonly dialect: DialectName },
  log: { warn: (object: object, message: string) => void },
): () => void {
  const run = () => runCommentHousekeeping(deps).catch((error: unknown) => log.warn({ err: error }, 'Could not erase expired commenter IP addresses'));
  void run();
  const timer = setInterval(run, 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
