import { issueSetupTokenIfNoUsers } from './accounts/index.ts';
import { startPublishingScheduler } from './articles/index.ts';
import { buildApp } from './app.ts';
import { startCommentHousekeeping } from './comments/index.ts';
import type { Config } from './config.ts';
import { connectFromConfig } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { waitForDatabase } from './db/unavailable.ts';
import { broadcastChangesOverPostgres } from './platform/change-broadcast.postgres.ts';
import { systemClock } from './platform/clock.ts';
import { announceReady, relayChangesBetweenWorkers, type WorkerRole } from './platform/worker-processes.ts';
import { createMailer } from './platform/mailer.ts';
import { startPreparation } from './preparation.ts';
import { isNewsroomEmpty } from './demo/empty-newsroom.ts';
import { hasMissingVariants } from './media/index.ts';
import { WebhookDeliverer } from './webhooks/index.ts';

/**
 * One serving process: database → migrations → app → listen. `role` says what else it does: alone or as
 * the leader of several workers it migrates, seeds, prints the setup link and runs the scheduler and
 * housekeeping; a follower only serves (the leader has done the rest before it starts).
 */
export async function serveInstance(config: Config, role: WorkerRole): Promise<void> {
  const leads = role !== 'follower';
  const database = connectFromConfig(config);
  await waitForDatabase(database.db, { warn: (message) => console.warn(message) });
  if (leads) await migrateToLatest(database.db);
  // Before the app is built: it reads the settings, which the demo's seeding writes. Only a first start waits.
  const seeding = leads && config.seedDemo && (await isNewsroomEmpty(database.db)) ? startPreparation() : undefined;
  await seeding?.seeded;
  const gazette = await buildApp({ config, db: database.db, dialect: database.dialect, clock: systemClock });
  const { app } = gazette;
  // A bucket that is missing or refuses the keys stops the start, as a database that refuses does: once,
  // here, not in /readyz, whose probes would take every instance out of service for what is only images.
  if (leads) await gazette.mediaFiles.originals.check();
  // Several instances on one PostgreSQL database tell each other what changed, so caches stay right;
  // workers on one SQLite file hear it from each other through the primary process.
  const stopBroadcast = config.databaseUrl ? await broadcastChangesOverPostgres(gazette.changes, config.databaseUrl, app.log) : async () => {};
  const stopRelay = role !== 'alone' && !config.databaseUrl ? relayChangesBetweenWorkers(gazette.changes) : () => {};
  if (!leads) {
    await app.listen({ port: config.port, host: config.host });
    announceReady();
    closeOnSignal(async () => {
      stopRelay();
      await app.close();
      await stopBroadcast();
      await database.destroy();
    }, app.log);
    return;
  }
  if (!config.seedDemo && config.env === 'production') {
    console.log('The demo newsroom is off in production; GAZETTE_DEMO=on seeds it into an empty database');
  }
  await app.listen({ port: config.port, host: config.host });
  const serving = `Gazette is serving ${gazette.site.settings.current().name} at ${config.publicUrl}`;
  // A leader's line is printed by the primary once every worker serves.
  if (role === 'leader') announceReady(`${serving} with ${config.workers} worker processes`);
  else console.log(serving);
  // No default password anywhere: the first account is made through a one-time link.
  const setupToken = await issueSetupTokenIfNoUsers({ db: database.db, clock: systemClock });
  if (setupToken) {
    console.log(`No newsroom account exists yet. Create the owner account within 24 hours at:\n  ${config.publicUrl}/admin/setup?token=${setupToken}`);
  }

  // Every instance's leader runs these; on PostgreSQL they take turns, so each pass runs once per cluster.
  const jobDeps = { db: database.db, dialect: database.dialect, clock: systemClock };
  const stopScheduler = startPublishingScheduler({ ...jobDeps, changes: gazette.changes, events: gazette.articleEvents }, app.log);
  const stopHousekeeping = startCommentHousekeeping({ ...jobDeps, settings: gazette.settings }, app.log);
  // Webhooks go out from here alone; other workers and instances record events, and any leader's deliverer
  // (one per instance) may send them, each delivery claimed by one at a time through its lease.
  const webhooks = new WebhookDeliverer({
    db: database.db,
    clock: systemClock,
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log: app.log }),
    settings: gazette.settings,
    publicUrl: config.publicUrl,
    allowPrivateAddresses: config.webhooksAllowPrivate,
    log: app.log,
  });
  webhooks.start();
  // A restart with every variant on disk starts no process: looking costs a stat per variant, no image library.
  const missingVariants = () =>
    hasMissingVariants(database.db, gazette.mediaFiles).catch((error: unknown) => {
      app.log.warn({ err: error }, 'Could not look for missing image variants; they will be made on request');
      return false;
    });
  const preparation = seeding ?? ((await missingVariants()) ? startPreparation() : undefined);
  preparation?.warmed.catch((error: unknown) => app.log.warn({ err: error }, 'Could not prepare image variants ahead of time; they will be made on request'));

  closeOnSignal(async () => {
    await preparation?.stop();
    stopScheduler();
    stopHousekeeping();
    stopRelay();
    await webhooks.stop();
    await app.close();
    await stopBroadcast();
    await database.destroy();
  }, app.log);
}

function closeOnSignal(close: () => Promise<void>, log: { info(message: string): void }): void {
  const shutdown = async (signal: string) => {
    log.info(`${signal} received, closing`);
    await close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
