import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Clock } from '../platform/clock.ts';
import type { SettingsStore } from '../settings/index.ts';
import { eraseExpiredNetworkData } from './privacy.queries.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** Erases commenters' IP addresses once the policy's retention period has passed. */
export async function erasePastRetention(deps: { db: Kysely<Database>; clock: Clock; settings: Pick<SettingsStore, 'current'> }): Promise<number> {
  const days = deps.settings.current().comments.ipRetentionDays;
  return eraseExpiredNetworkData(deps.db, new Date(deps.clock.now().getTime() - days * dayMs));
}

/** Runs the retention job at start and every hour; returns a stop function. */
export function startCommentHousekeeping(
  deps: { db: Kysely<Database>; clock: Clock; settings: Pick<SettingsStore, 'current'> },
  log: { warn: (object: object, message: string) => void },
): () => void {
  const run = () => erasePastRetention(deps).catch((error: unknown) => log.warn({ err: error }, 'Could not erase expired commenter IP addresses'));
  void run();
  const timer = setInterval(run, 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
