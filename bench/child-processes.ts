import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildForStart, privateBundleDir, productionMemoryEnv, productionNodeFlags } from '../scripts/server-bundle.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** A port no server listens on at the moment, for the next one to start. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServerChild {
  readonly process: ChildProcess;
  /** The last few thousand characters it wrote, kept only to explain a failed start. */
  readonly output: () => string;
}

let bundle: Promise<string> | undefined;

/**
 * Starts the server as `npm start` runs it (bundled, once per bench run, into a folder of the run's own,
 * then run by Node) from the repository root, with `env` added to the environment.
 */
export async function spawnServer(env: Readonly<Record<string, string>>): Promise<ServerChild> {
  if (!bundle) {
    const dir = privateBundleDir();
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    bundle = buildForStart(dir);
  }
  const child = spawn(process.execPath, [...productionNodeFlags, await bundle], {
    cwd: repoRoot,
    env: { ...process.env, ...productionMemoryEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The pipes must be drained or the child blocks on a full buffer.
  let output = '';
  const keepTail = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  return { process: child, output: () => output };
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}
