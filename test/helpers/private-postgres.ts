import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './server-process.ts';

const run = promisify(execFile);

/**
 * A PostgreSQL server of a test's own, made with Debian's initdb in a temporary folder: a test that
 * stops and restarts its database must not take down the shared server other test files are using.
 */
export interface PrivatePostgres {
  /** A connection string for its `postgres` database. */
  readonly url: string;
  /** Stops the server as an operator's restart does (`pg_ctl stop -m fast`): sessions are ended, commits kept. */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** Debian keeps each major version's programs apart; the newest installed is taken. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const binDir = postgresBinDir();
  if (!binDir) throw new Error('initdb not found under /usr/lib/postgresql');
  const folder = await mkdtemp(join(tmpdir(), 'gazette-pg-'));
  const dataDir = join(folder, 'data');
  const port = await freePort();
  // PostgreSQL refuses to run as root: as root, the server runs as the postgres user, who owns its folder.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    await chown(folder, Number(stdout.trim()), Number(group.trim()));
  }
  const pgCommand = (program: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(binDir, program), ...args]) : run(join(binDir, program), args);
  // No fsync at initdb only (a throwaway cluster); the running server keeps its durable defaults.
  await pgCommand('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=60`;
  const start = async () => {
    await pgCommand('pg_ctl', ['-D', dataDir, '-l', join(folder, 'server.log'), '-o', options, '-w', '-t', '20', 'start']);
  };
  const stop = async () => {
    await pgCommand('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '20', 'stop']);
  };
  await start();
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await stop();
      running = false;
    },
    start: async () => {
      await start();
      running = true;
    },
    destroy: async () => {
      if (running) await stop().catch(() => {});
      await rm(folder, { recursive: true, force: true });
    },
  };
}
