import type { FastifyBaseLogger } from 'fastify';
import { type ArticleDeps, nextScheduledTime, publishDueArticles } from './articles.service.ts';

/** Never sleeps longer than this, so articles scheduled through another instance are not missed. */
const longestSleepMs = 15_000;

/**
 * Publishes scheduled articles at their time: once at start (catching up on any that fell due while
 * the server was down), then at each due time. Returns a function that stops it.
 */
export function startPublishingScheduler(deps: ArticleDeps, log: Pick<FastifyBaseLogger, 'info' | 'error'>): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const run = async () => {
    try {
      const published = await publishDueArticles(deps);
      if (published.length > 0) log.info({ articleIds: published }, 'Published scheduled articles');
      const next = await nextScheduledTime(deps);
      const wait = next ? Math.max(0, Math.min(next.getTime() - deps.clock.now().getTime(), longestSleepMs)) : longestSleepMs;
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
