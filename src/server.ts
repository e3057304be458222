import { issueSetupTokenIfNoUsers } from './accounts/index.ts';
import { startPublishingScheduler } from './articles/index.ts';
import { buildApp } from './app.ts';
import { startCommentHousekeeping } from './comments/index.ts';
import { ConfigError, loadConfig } from './config.ts';
import { connectFromConfig } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemoNewsroom } from './demo/seed-demo.ts';
import { warmAllVariants } from './media/index.ts';
import { broadcastChangesOverPostgres } from './platform/change-broadcast.postgres.ts';
import { systemClock } from './platform/clock.ts';

/** Entry point: config → database → migrations → app → listen. Imported by nothing. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = connectFromConfig(config);
  await migrateToLatest(database.db);
  const gazette = await buildApp({ config, db: database.db, dialect: database.dialect, clock: systemClock });
  const { app } = gazette;
  // Several instances on one PostgreSQL database tell each other what changed, so caches stay right.
  const stopBroadcast = config.databaseUrl ? await broadcastChangesOverPostgres(gazette.changes, config.databaseUrl, app.log) : async () => {};
  if (config.seedDemo) {
    const seeded = await seedDemoNewsroom({ db: database.db, clock: systemClock, ...gazette });
    if (seeded) console.log(`Seeded the demo newsroom into ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}`);
  } else if (config.env === 'production') {
    console.log('The demo newsroom is off in production; GAZETTE_DEMO=on seeds it into an empty database');
  }
  await app.listen({ port: config.port, host: config.host });
  console.log(`Gazette is serving ${gazette.site.settings.current().name} at ${config.publicUrl}`);
  // No default password anywhere: the first account is made through a one-time link.
  const setupToken = await issueSetupTokenIfNoUsers({ db: database.db, clock: systemClock });
  if (setupToken) {
    console.log(`No newsroom account exists yet. Create the owner account within 24 hours at:\n  ${config.publicUrl}/admin/setup?token=${setupToken}`);
  }

  const stopScheduler = startPublishingScheduler({ db: database.db, clock: systemClock, changes: gazette.changes }, app.log);
  const stopHousekeeping = startCommentHousekeeping({ db: database.db, clock: systemClock, settings: gazette.settings }, app.log);
  const warming = new AbortController();
  warmAllVariants(database.db, gazette.mediaFiles, warming.signal, app.log).catch((error: unknown) =>
    app.log.warn({ err: error }, 'Could not prepare image variants ahead of time; they will be made on request'),
  );

  const shutdown = async (signal: string) => {
    app.log.info(`${signal} received, closing`);
    warming.abort();
    stopScheduler();
    stopHousekeeping();
    await app.close();
    await stopBroadcast();
    await database.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
  } else {
    console.error('Gazette could not start:', error);
  }
  process.exit(1);
});
