import { setTimeout as sleep } from 'node:timers/promises';
import type { WarningLog } from './change-broadcast.postgres.ts';
import { type ContentChanges, type ContentTag, contentTags } from './content-changes.ts';
import { purgeKeyLists } from './shared-caching.ts';

/**
 * The purge request, as the cache in front must understand it (docs/operations.md, "Behind a shared
 * cache"): `PURGE` to each configured URL, the surrogate keys to drop space-separated in `xkey-purge`,
 * the shared secret in `x-purge-secret`. Any 2xx means done (also when no page carried the keys);
 * anything else, or no answer, is tried again.
 */
export const purgeRequest = { method: 'PURGE', keysHeader: 'xkey-purge', secretHeader: 'x-purge-secret' } as const;

export interface PurgeOptions {
  /** Where each change is purged; none purges nothing. */
  readonly urls: readonly string[];
  readonly secret: string | undefined;
  readonly log: WarningLog;
  /**
   * How long changes gather before one purge carries them all. It also gives the other instances time
   * to hear of the change (NOTIFY arrives within milliseconds) and drop their own copies, so the cache
   * does not fetch the old page again from one that has not.
   */
  readonly batchMs?: number;
  /** The waits before each retry of a purge that failed; when they run out it is logged and given up. */
  readonly retryDelaysMs?: readonly number[];
  /** How long one attempt may take. */
  readonly timeoutMs?: number;
}

export interface Purger {
  /** Stops listening, sends what is gathered at once, and waits for purges under way (each tried once more, not again after). */
  stop(): Promise<void>;
}

const defaults = { batchMs: 200, retryDelaysMs: [1_000, 5_000, 25_000], timeoutMs: 5_000 } as const;

/** How many keys a warning names; a bulk change can touch thousands. */
const keysLogged = 50;

/**
 * Purges from the shared cache in front what each change made here touched: only changes whose origin
 * is `local`, since one heard from another worker or instance is purged by the process that made it, so
 * each change is purged once across the cluster. Never holds up the request that made the change: the
 * purge goes out after `batchMs`, together with the others made meanwhile.
 * @example const purger = purgeChangedContent(changes, { urls: ['http://127.0.0.1:6081/'], secret, log: app.log });
 */
export function purgeChangedContent(changes: ContentChanges, options: PurgeOptions): Purger {
  const { urls, secret, log } = options;
  if (urls.length === 0) return { stop: async () => {} };
  const batchMs = options.batchMs ?? defaults.batchMs;
  const retryDelaysMs = options.retryDelaysMs ?? defaults.retryDelaysMs;
  const timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
  const gathered = new Set<ContentTag>();
  let timer: NodeJS.Timeout | undefined;
  const underWay = new Set<Promise<void>>();
  const stopping = new AbortController();

  /** Undefined when the cache took it; otherwise why not, for the log. */
  const attempt = async (url: string, keys: string): Promise<string | undefined> => {
    try {
      const response = await fetch(url, {
        method: purgeRequest.method,
        headers: { [purgeRequest.keysHeader]: keys, ...(secret ? { [purgeRequest.secretHeader]: secret } : {}) },
        // A redirect is a wrong URL, not somewhere to send the secret.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      return response.ok ? undefined : `HTTP ${response.status}`;
    } catch (error) {
      const cause = (error as { cause?: { code?: unknown } }).cause;
      return typeof cause?.code === 'string' ? cause.code : error instanceof Error ? error.message : String(error);
    }
  };

  const deliver = async (url: string, keys: string): Promise<void> => {
    let reason: string | undefined;
    let attempts = 0;
    for (;;) {
      attempts++;
      reason = await attempt(url, keys);
      if (reason === undefined) return;
      const delay = retryDelaysMs[attempts - 1];
      if (delay === undefined || stopping.signal.aborted) break;
      // Cut short by stop(): then this is tried once more, at once.
      await sleep(delay, undefined, { signal: stopping.signal }).catch(() => {});
    }
    const list = keys.split(' ');
    log.warn(
      { url, attempts, reason, keyCount: list.length, keys: list.slice(0, keysLogged).join(' ') },
      'Could not purge changed pages from the shared cache; it may serve them until they expire (s-maxage)',
    );
  };

  const send = () => {
    clearTimeout(timer);
    timer = undefined;
    const lists = purgeKeyLists(gathered);
    gathered.clear();
    for (const url of urls) {
      for (const keys of lists) {
        const delivery = deliver(url, keys);
        underWay.add(delivery);
        void delivery.finally(() => underWay.delete(delivery));
      }
    }
  };

  const unsubscribe = changes.subscribe((tags, origin) => {
    if (origin !== 'local') return;
    const onPages = tags.filter((tag) => tag !== contentTags.newsroom);
    if (onPages.length === 0) return;
    for (const tag of onPages) gathered.add(tag);
    timer ??= setTimeout(send, batchMs);
  });

  return {
    stop: async () => {
      unsubscribe();
      stopping.abort();
      if (timer !== undefined) send();
      await Promise.all(underWay);
    },
  };
}
