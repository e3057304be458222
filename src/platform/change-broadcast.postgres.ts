import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { type ContentChanges, type ContentTag, contentTags } from './content-changes.ts';

const channel = 'gazette_content_changes';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const maxPayloadBytes = 7000;

interface Message {
  readonly from: string;
  readonly tags: readonly ContentTag[];
}

function toPayloads(from: string, tags: readonly ContentTag[]): string[] {
  const whole = JSON.stringify({ from, tags } satisfies Message);
  if (Buffer.byteLength(whole) < maxPayloadBytes) return [whole];
  // Too many names to list: telling the others to drop everything is always correct.
  return [JSON.stringify({ from, tags: [contentTags.everything] } satisfies Message)];
}

/**
 * Lets several instances behind a load balancer keep their page caches right: each change made
 * here is sent with NOTIFY, and changes heard from the others are announced locally as "remote".
 * Returns a function that stops it.
 */
/** Where the broadcast's warnings go: the server's logger, or the command line's standard error. */
export interface WarningLog {
  warn(details: unknown, message?: string): void;
}

export async function broadcastChangesOverPostgres(changes: ContentChanges, connectionString: string, log: WarningLog): Promise<() => Promise<void>> {
  const instanceId = randomUUID();
  let client: pg.Client | undefined;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (notification) => {
      try {
        const message = JSON.parse(notification.payload ?? '') as Message;
        if (message.from !== instanceId && Array.isArray(message.tags)) changes.announce(message.tags, 'remote');
      } catch {
        log.warn('Ignored a malformed content-change notification');
      }
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'Lost the content-change connection; reconnecting');
      scheduleReconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    client = next;
  };

  const scheduleReconnect = () => {
    client?.end().catch(() => {});
    client = undefined;
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(async () => {
      retryTimer = undefined;
      try {
        await connect();
        // Changes made while we were away were not heard: start the cache afresh.
        changes.announce([contentTags.everything], 'refresh');
      } catch (error) {
        log.warn({ err: error }, 'Could not reconnect for content changes; will retry');
        scheduleReconnect();
      }
    }, 1000);
  };

  await connect();
  const unsubscribe = changes.subscribe((tags, origin) => {
    if (origin !== 'local' || !client) return;
    for (const payload of toPayloads(instanceId, tags)) {
      client.query('SELECT pg_notify($1, $2)', [channel, payload]).catch((error: unknown) => {
        log.warn({ err: error }, 'Could not tell other instances about a change');
      });
    }
  });

  return async () => {
    stopped = true;
    unsubscribe();
    clearTimeout(retryTimer);
    await client?.end().catch(() => {});
  };
}
