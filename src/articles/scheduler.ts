import type { FastifyBaseLogger } from 'fastify';
import { runOncePerCluster } from '../db/cluster-lock.ts';
import type { DialectName } from '../db/connect.ts';
import { type ArticleDeps, nextScheduledTime, publishDueArticles } from './articles.service.ts';

/** Never sleeps longer than this, so articles scheduled through another instance are not missed. */
const longestSleepMs = 15_000;
/** After a turn skipped because another instance was publishing, what is due may be its work in hand: look again soon, not at once. */
const afterSkippedTurnMs = 1_000;

export interface SchedulerDeps extends ArticleDeps {
  /** Which database `db` is: on PostgreSQL, instances sharing it take turns (see runOncePerCluster). */
  readonly dialect: DialectName;
}

/**
 * One pass of the scheduler: publishes what is due, unless another instance's scheduler is doing so at
 * this moment (then `undefined`). Each article is also published conditionally, so even two passes at
 * once could not publish one twice; taking turns spares the losing pass its work and its errors.
 */
export async function publishDueArticlesOncePerCluster(deps: SchedulerDeps): Promise<number[] | undefined> {
  const pass = await runOncePerCluster(deps.db, deps.dialect, 'publishing-scheduler', () => publishDueArticles(deps));
  return pass.ran ? pass.value : undefined;
}

/**
 * Publishes scheduled articles at their time: once at start (catching up on any that fell due while
 * the server was down), then at each due time. Returns a function that stops it.
 */
export function startPublishingScheduler(deps: SchedulerDeps, log: Pick<FastifyBaseLogger, 'info' | 'error'>): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const run = async () => {
    try {
      const published = await publishDueArticlesOncePerCluster(deps);
      if (published && published.length > 0) log.info({ articleIds: published }, 'Published scheduled articles');
      const next = await nextScheduledTime(deps);
      const soonest = published ? 0 : afterSkippedTurnMs;
      const wait = next ? Math.max(soonest, Math.min(next.getTime() - deps.clock.now().getTime(), longestSleepMs)) : longestSleepMs;
      if (!stopped) timer = setTimeout(run, wait);
    } catch (error) {
      log.error({ err: error }, 'The publishing scheduler failed; retrying shortly');
      if (!stopped) timer = setTimeout(run, longestSleepMs);
    }
  };
  void run();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
