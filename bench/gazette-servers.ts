import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort, hasExited, type ServerChild, spawnServer } from './child-processes.ts';

/**
 * The servers a wrk bench starts (Gazette, and nginx for `npm run bench`): started on a free port, waited
 * for until they answer, and always stopped, with the bench's temporary folders removed, however the bench
 * ends: done, failed, interrupted or killed by a signal.
 */

const startTimeoutMs = 60_000;

export interface Child extends ServerChild {
  readonly name: string;
}

const children: Child[] = [];
const tempDirs: string[] = [];

/** Stopped when the bench ends, if it has not stopped already. */
export function stopAtEnd(child: Child): void {
  children.push(child);
}

/** Removed, with all it holds, when the bench ends. */
export function removeAtEnd(dir: string): void {
  tempDirs.push(dir);
}

/** A new folder under the system's temporary one, removed when the bench ends. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  removeAtEnd(dir);
  return dir;
}

/** node:http rather than fetch, because fetch adds Accept-Encoding and decompresses behind our back. */
export function httpGet(url: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent: false, timeout: 5000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out`)));
    request.on('error', reject);
  });
}

export async function waitUntilServing(child: Child, url: string): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child.process)) throw new Error(`${child.name} exited before answering ${url}:\n${child.output()}`);
    const status = await httpGet(url).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await sleep(250);
  }
  throw new Error(`${child.name} did not answer GET ${url} with 200 within ${startTimeoutMs / 1000} s:\n${child.output()}`);
}

/**
 * A production-mode Gazette with the demo newsroom on 127.0.0.1, its data in `dataDir` (servers started on the
 * same folder share one newsroom), `env` added; returns once its home page answers 200.
 */
export async function startGazette(name: string, dataDir: string, env: Readonly<Record<string, string>>): Promise<{ server: Child; origin: string }> {
  const origin = `http://127.0.0.1:${await findFreePort()}`;
  const server: Child = {
    name,
    ...(await spawnServer({
      NODE_ENV: 'production',
      GAZETTE_DEMO: 'on',
      HOST: '127.0.0.1',
      PORT: new URL(origin).port,
      GAZETTE_DATA_DIR: dataDir,
      GAZETTE_PUBLIC_URL: origin,
      ...env,
    })),
  };
  stopAtEnd(server);
  await waitUntilServing(server, `${origin}/`);
  return { server, origin };
}

/** Makes sure each server answers the way the bench says it does before any number is taken. */
export async function expectCacheHeader(url: string, expected: 'HIT' | 'MISS'): Promise<void> {
  const { status, headers } = await httpGet(url);
  if (status !== 200 || headers['x-cache'] !== expected) throw new Error(`GET ${url} answered ${status} with X-Cache: ${headers['x-cache']}, not ${expected}`);
}

/** SIGTERM, then SIGKILL if it is still running 5 s later. */
export async function stopChild(child: Child): Promise<void> {
  if (hasExited(child.process)) return;
  const exited = once(child.process, 'exit');
  child.process.kill('SIGTERM');
  const forceKill = setTimeout(() => child.process.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(forceKill);
}

function removeTempDirs(): void {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

async function cleanUp(): Promise<void> {
  await Promise.all(children.map(stopChild));
  removeTempDirs();
}

// Last resort if we die some other way: never leave a server or its data behind.
process.once('exit', () => {
  // SIGTERM, not SIGKILL: nginx's master stops its workers on it, whereas killed outright it leaves them
  // running (seen after a bench that died on an error); Gazette's primary stops its workers either way.
  for (const child of children) if (!hasExited(child.process)) child.process.kill('SIGTERM');
  removeTempDirs();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

/** Runs the bench; an error is printed as its message alone and fails the run; either way everything is cleaned up. */
export function runBench(main: () => Promise<void>): void {
  main()
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(cleanUp);
}
