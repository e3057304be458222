import cluster from 'node:cluster';
import { ConfigError, loadConfig } from './config.ts';
import { runWorkerProcesses, workerRole } from './platform/worker-processes.ts';

/**
 * Entry point (`npm start`): reads the settings, then serves from this process, or starts
 * GAZETTE_WORKERS processes that share the port. The primary of several loads none of the
 * application: it only starts, relays and restarts workers. Imported by nothing.
 */
async function main(): Promise<void> {
  // The leader's short-lived process that seeds the demo and makes image variants (see preparation.ts).
  if (process.env.GAZETTE_PROCESS === 'preparation') {
    const { runPreparation } = await import('./preparation.ts');
    await runPreparation();
    return;
  }
  const config = loadConfig();
  if (cluster.isPrimary && config.workers > 1) {
    runWorkerProcesses(config.workers);
    return;
  }
  const { serveInstance } = await import('./instance.ts');
  await serveInstance(config, workerRole());
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
  } else {
    console.error('Gazette could not start:', error);
  }
  process.exit(1);
});
