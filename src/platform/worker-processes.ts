import cluster, { type Worker } from 'node:cluster';
import type { ContentChanges, ContentTag } from './content-changes.ts';

/**
 * Several processes serving one port (GAZETTE_WORKERS, node:cluster). The first worker is the leader:
 * it migrates the database, seeds the demo, prints the setup link and alone runs the publishing
 * scheduler and the housekeeping, so none of them happens twice. The others start once it serves.
 * A change made in one worker is relayed to the rest, whose page caches drop what it touched.
 */
export type WorkerRole = 'alone' | 'leader' | 'follower';

const roleVariable = 'GAZETTE_WORKER_ROLE';
/** A worker that dies sooner than this after starting is failing to start, not crashing now and then. */
const failedStartMs = 10_000;
const restartDelayMs = 1000;

type WorkerMessage =
  /** A worker serves; the leader's says what to print once all do. */
  { readonly type: 'ready'; readonly announcement?: string } | { readonly type: 'content-changes'; readonly tags: readonly ContentTag[] };

function isWorkerMessage(message: unknown): message is WorkerMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { type, tags } = message as { type?: unknown; tags?: unknown };
  return type === 'ready' || (type === 'content-changes' && Array.isArray(tags) && tags.every((tag) => typeof tag === 'string'));
}

/** What this process is: alone (no cluster), or a worker and which. */
export function workerRole(): WorkerRole {
  if (!cluster.isWorker) return 'alone';
  return process.env[roleVariable] === 'leader' ? 'leader' : 'follower';
}

/**
 * Tells the primary this worker serves: the leader's cue to start the others, with the line to print
 * once every worker serves (so "serving" means all of them).
 */
export function announceReady(announcement?: string): void {
  process.send?.({ type: 'ready', ...(announcement ? { announcement } : {}) } satisfies WorkerMessage);
}

/** In a worker: sends the changes made here to the other workers and announces theirs here. */
export function relayChangesBetweenWorkers(changes: ContentChanges): () => void {
  const unsubscribe = changes.subscribe((tags, origin) => {
    if (origin === 'local') process.send?.({ type: 'content-changes', tags } satisfies WorkerMessage);
  });
  const hear = (message: unknown) => {
    if (isWorkerMessage(message) && message.type === 'content-changes') changes.announce(message.tags, 'remote');
  };
  process.on('message', hear);
  return () => {
    unsubscribe();
    process.off('message', hear);
  };
}

/**
 * The primary: starts the leader, then `count - 1` followers once it serves; relays changes; replaces
 * a worker that dies; on SIGTERM or SIGINT stops them all and exits. A worker that cannot start
 * (a port in use, a database that refuses) stops everything with its exit code rather than looping.
 */
export function runWorkerProcesses(count: number): void {
  let stopping = false;
  const roles = new Map<Worker, WorkerRole>();
  const startedAt = new Map<Worker, number>();
  let announcement: string | undefined;
  let serving = 0;

  const start = (role: 'leader' | 'follower') => {
    const worker = cluster.fork({ [roleVariable]: role });
    roles.set(worker, role);
    startedAt.set(worker, Date.now());
    worker.on('message', (message: unknown) => {
      if (!isWorkerMessage(message)) return;
      if (message.type === 'ready') {
        if (role === 'leader') announcement = message.announcement;
        if (role === 'leader' && roles.size === 1) for (let i = 1; i < count; i++) start('follower');
        serving++;
        if (serving === count && announcement) console.log(announcement);
        return;
      }
      for (const other of roles.keys()) if (other !== worker && other.isConnected()) other.send(message);
    });
    worker.on('exit', (code, signal) => {
      roles.delete(worker);
      if (stopping) {
        if (roles.size === 0) process.exit();
        return;
      }
      const lived = Date.now() - (startedAt.get(worker) ?? 0);
      if (lived < failedStartMs) {
        console.error(`A Gazette worker (${role}) stopped ${signal ? `on ${signal}` : `with code ${code}`} while starting; stopping.`);
        stopAll(code || 1);
        return;
      }
      console.error(`A Gazette worker (${role}) stopped ${signal ? `on ${signal}` : `with code ${code}`}; starting another.`);
      setTimeout(() => start(role), restartDelayMs);
    });
  };

  const stopAll = (exitCode: number) => {
    stopping = true;
    if (roles.size === 0) process.exit(exitCode);
    for (const worker of roles.keys()) worker.process.kill('SIGTERM');
    process.exitCode = exitCode;
  };

  process.once('SIGINT', () => stopAll(0));
  process.once('SIGTERM', () => stopAll(0));
  start('leader');
}
