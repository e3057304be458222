import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type Gazette } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { DatabaseHandle, DialectName } from '../../src/db/connect.ts';
import { seedDemoNewsroom } from '../../src/demo/seed-demo.ts';
import { demoPhotoCacheDir } from '../../src/platform/build-cache.ts';
import type { Clock } from '../../src/platform/clock.ts';
import type { Mail, Mailer } from '../../src/platform/mailer.ts';
import { createTestDatabase } from './databases.ts';
import { copyDemoNewsroom } from './demo-template.ts';

/** A fixed moment, so dates on pages and "hours ago" in the demo are the same on every run. */
export const testNow = new Date('2026-11-27T12:00:00.000Z');

export interface TestGazette extends Gazette {
  readonly database: DatabaseHandle;
  readonly dataDir: string;
  /** Every email the app sent, newest last. */
  readonly sentMail: Mail[];
  /** Moves the test clock; the app reads time only through it. */
  setNow(date: Date): void;
  close(): Promise<void>;
}

export async function buildTestApp(
  options: {
    dialect?: DialectName;
    seed?: boolean;
    mailer?: Mailer;
    realClock?: boolean;
    commentsPerMinute?: number;
    /** More settings, as environment variables. */
    env?: Readonly<Record<string, string>>;
    /**
     * A database the test made and destroys itself (shared with another app as a second instance, or
     * taken away mid-test): seeded only when `seed` is true, and left alone by `close()`.
     */
    database?: DatabaseHandle;
  } = {},
): Promise<TestGazette> {
  const dialect = options.database?.dialect ?? options.dialect ?? 'sqlite';
  const seed = options.database ? options.seed === true : options.seed !== false;
  const dataDir = await mkdtemp(join(tmpdir(), 'gazette-test-'));
  // The demo as of the fixed test moment is seeded once per process and copied; anything else is seeded here.
  const fromTemplate = !options.database && seed && dialect === 'sqlite' && !options.realClock;
  const database = options.database ?? (fromTemplate ? await copyDemoNewsroom(testNow, dataDir) : await createTestDatabase(dialect));
  let now = testNow;
  // A real clock for tests that wait on time passing (the publishing scheduler); a fixed one otherwise.
  const clock: Clock = { now: () => (options.realClock ? new Date() : now) };
  const config = loadConfig({
    NODE_ENV: 'test',
    GAZETTE_DATA_DIR: dataDir,
    GAZETTE_PUBLIC_URL: 'https://news.example',
    ...(options.commentsPerMinute ? { GAZETTE_COMMENTS_PER_MINUTE: String(options.commentsPerMinute) } : {}),
    ...options.env,
  });
  const sentMail: Mail[] = [];
  const recordingMailer: Mailer = {
    send: async (mail) => {
      sentMail.push(mail);
      return 'sent';
    },
  };
  const gazette = await buildApp({
    config,
    db: database.db,
    dialect: database.dialect,
    clock,
    mailer: options.mailer ?? recordingMailer,
  });
  if (seed && !fromTemplate) {
    await seedDemoNewsroom({ db: database.db, clock, ...gazette, photoCacheDir: demoPhotoCacheDir });
  }
  return {
    ...gazette,
    database,
    dataDir,
    sentMail,
    setNow: (date) => {
      now = date;
    },
    close: async () => {
      await gazette.app.close();
      if (!options.database) await database.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
