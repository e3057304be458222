import { spawn } from 'node:child_process';
import { loadConfig } from './config.ts';
import { connectFromConfig } from './db/connect.ts';
import { openMediaFiles, warmAllVariants } from './media/index.ts';
import { demoPhotoCacheDir } from './platform/build-cache.ts';
import { systemClock } from './platform/clock.ts';
import { ContentChanges } from './platform/content-changes.ts';
import { purgeChangedContent } from './platform/purges.ts';
import { SettingsStore } from './settings/index.ts';

type PreparationMessage = { readonly type: 'seeded' } | { readonly type: 'failed'; readonly message: string; readonly stack?: string };

export interface Preparation {
  /** Settles once the demo is seeded, or is not to be; rejects with the process's reason if it stopped before. */
  readonly seeded: Promise<void>;
  /** Settles once every variant is made; rejects with the process's reason if it stopped making them. */
  readonly warmed: Promise<void>;
  /** Stops making variants; resolves once the process has exited. */
  stop(): Promise<void>;
}

/**
 * Seeds the demo and makes every image variant in a short-lived process, started with this process's own
 * entry (the bundle, or src/server.ts through tsx). Both load the image library, and libvips stays loaded
 * for good: with npm start's memory settings, a server idle after a first start on the demo held 181 MB
 * doing them itself, 105 MB without.
 */
export function startPreparation(): Preparation {
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!], {
    env: { ...process.env, GAZETTE_PROCESS: 'preparation' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let failure: Error | undefined;
  let stopping = false;
  // 'close' rather than 'exit': it comes after the last message, which 'exit' may overtake.
  const ended = new Promise<string | undefined>((resolve) => {
    child.once('error', (error) => resolve(`could not run (${error.message})`));
    child.once('close', (code, signal) => resolve(code === 0 || stopping ? undefined : signal ? `stopped on ${signal}` : `exited with code ${code}`));
  });
  const seeded = new Promise<void>((resolve, reject) => {
    // Only its own messages: under `tsx watch` the loader in it sends the watcher's too.
    child.on('message', (message: Partial<PreparationMessage>) => {
      if (message.type === 'seeded') resolve();
      if (message.type === 'failed') failure = Object.assign(new Error(message.message), message.stack ? { stack: message.stack } : {});
    });
    void ended.then((how) => reject(new Error(`Preparing the newsroom failed: ${failure?.message ?? `its process ${how ?? 'ended'}`}`, { cause: failure })));
  });
  const warmed = ended.then((how) => {
    if (how) throw failure ?? new Error(`The process making image variants ${how}`);
  });
  // Either may be awaited only later (warmed once the server is built): a rejection before then is not unhandled.
  for (const promise of [seeded, warmed]) promise.catch(() => {});
  return {
    seeded,
    warmed,
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      // It finishes the variant it is encoding first; a shutdown never waits long for it.
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      await ended;
    },
  };
}

/** The preparation process: seeds the demo if it is on and the database empty, tells the leader, then makes the variants. */
export async function runPreparation(): Promise<never> {
  const stopping = new AbortController();
  // The leader stops it when it closes; a leader gone without a word (killed, failed to listen) stops it too.
  for (const event of ['SIGTERM', 'SIGINT', 'disconnect']) process.once(event, () => stopping.abort());
  try {
    await prepare(stopping.signal);
    process.exit(0);
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
    await tell({ type: 'failed', message, ...(stack ? { stack } : {}) });
    process.exit(1);
  }
}

/** Warnings on stderr; the server's own logger is not built in this process. */
const warningLog = { warn: (details: object, message: string) => console.warn(message, details) };

/**
 * Only what the seeding and the variants need, not the app: building every route cost this process 0.5 s
 * of CPU beside a server starting, and more again through tsx in the tests. The seeding's changes are
 * purged from the shared cache in front, as the app would.
 */
async function prepare(signal: AbortSignal): Promise<void> {
  const config = loadConfig();
  const database = connectFromConfig(config);
  const changes = new ContentChanges();
  const purges = purgeChangedContent(changes, { ...config.purge, log: warningLog });
  try {
    const mediaFiles = await openMediaFiles(config.dataDir, config.mediaStore);
    if (config.seedDemo) {
      // Imported here, so the demo's content and drawing stay out of the server's chunks.
      const { seedDemoNewsroom } = await import('./demo/seed-demo.ts');
      const settings = await SettingsStore.load(database.db, changes);
      const seeded = await seedDemoNewsroom({
        db: database.db,
        clock: systemClock,
        changes,
        settings,
        mediaFiles,
        photoCacheDir: demoPhotoCacheDir,
      });
      if (seeded) console.log(`Seeded the demo newsroom into ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}`);
    }
    await tell({ type: 'seeded' });
    if (!signal.aborted) await warmAllVariants(database.db, mediaFiles, signal, warningLog);
  } finally {
    await purges.stop();
    await database.destroy();
  }
}

/** Sends to the leader if it still listens; resolves once sent, so an exit right after cannot lose the message. */
function tell(message: PreparationMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
}
