import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort, hasExited, spawnServer } from './child-processes.ts';
import { percentile, printTable } from './result-tables.ts';
import { reportWhenIdle } from './server-idle.ts';
import Database from 'better-sqlite3';

/**
 * Comment posting under load, on a production-mode server with its SQLite file: how many comments
 * a second it accepts, and whether every comment it acknowledged (201) is really stored, also when
 * the server is killed with SIGKILL halfway through.
 */

const totalComments = 2_000;
const concurrency = 50;
const killAfterAcknowledged = 1_000;
const startTimeoutMs = 60_000;
/** The form refuses posts made less than 3 s after it was rendered (they are kept as spam). */
const formAgeMs = 3_500;

interface Server {
  readonly origin: string;
  readonly dataDir: string;
  readonly process: ChildProcess;
  readonly output: () => string;
}

interface RunResult {
  readonly phase: string;
  readonly attempted: number;
  readonly acknowledged: readonly number[];
  readonly statuses: ReadonlyMap<string, number>;
  readonly latenciesMs: readonly number[];
  readonly sentAtMs: readonly number[];
  readonly seconds: number;
}

interface Check {
  readonly stored: number;
  readonly missing: readonly number[];
  readonly storedNotAcknowledged: number;
  readonly integrity: string;
}

const tempDir = mkdtempSync(join(tmpdir(), 'gazette-bench-comments-'));
const servers: Server[] = [];

async function startServer(dataDir: string): Promise<Server> {
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const { process: child, output } = await spawnServer({
    NODE_ENV: 'production',
    GAZETTE_DEMO: 'on',
    HOST: '127.0.0.1',
    PORT: String(port),
    GAZETTE_DATA_DIR: dataDir,
    GAZETTE_PUBLIC_URL: origin,
    GAZETTE_COMMENTS_PER_MINUTE: '1000000',
    // One process, so the SIGKILL halfway through stops the very process that acknowledged the comments.
    GAZETTE_WORKERS: '1',
  });
  const server: Server = { origin, dataDir, process: child, output };
  servers.push(server);
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`the server exited before answering:\n${output()}`);
    const status = await fetch(`${origin}/`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return server;
    await sleep(250);
  }
  throw new Error(`the server did not answer within ${startTimeoutMs / 1000} s:\n${output()}`);
}

async function stopServer(server: Server, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  if (hasExited(server.process)) return;
  const exited = once(server.process, 'exit');
  server.process.kill(signal);
  const forceKill = setTimeout(() => server.process.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(forceKill);
}

/** The first article's form, as a reader's browser gets it: its article id and signed render time. */
async function openCommentForm(origin: string): Promise<{ articleId: string; stamp: string }> {
  const home = await (await fetch(`${origin}/`)).text();
  const path = [...home.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!).find((href) => /^\/(?!policies\/)[a-z0-9-]+\/[a-z0-9-]+$/.test(href));
  if (!path) throw new Error('The home page links to no article; is the demo newsroom seeded?');
  const article = await (await fetch(`${origin}${path}`)).text();
  const articleId = /name="article_id" value="(\d+)"/.exec(article)?.[1];
  const stamp = /name="stamp" value="([^"]+)"/.exec(article)?.[1];
  if (!articleId || !stamp) throw new Error(`${path} has no open comment form`);
  return { articleId, stamp };
}

/**
 * Posts `totalComments` distinct comments, `concurrency` at a time, as the page's script does
 * (Accept: application/json, the site's own Origin). `onAcknowledged` may kill the server mid-run.
 */
async function postComments(
  phase: string,
  server: Server,
  form: { articleId: string; stamp: string },
  onAcknowledged?: (count: number) => void,
): Promise<RunResult> {
  const acknowledged: number[] = [];
  const statuses = new Map<string, number>();
  const latenciesMs: number[] = [];
  // When each answered post was sent, from the start of the run, in the same order as latenciesMs.
  const sentAtMs: number[] = [];
  let next = 0;
  let stopped = false;
  const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
  const started = performance.now();

  const worker = async () => {
    // `killed` turns true as soon as the SIGKILL is sent: no new post starts after it.
    while (!stopped && !server.process.killed && next < totalComments) {
      const index = next++;
      const body = new URLSearchParams({
        article_id: form.articleId,
        parent_id: '',
        stamp: form.stamp,
        comment: `Bench comment ${index} of ${phase}: the tram line should reach the docks before the flats do.`,
        name: `Bench Reader ${index}`,
        email: `bench-${phase.replace(/\W+/g, '-')}-${index}@example.com`,
        website: '',
        homepage: '',
      });
      const sent = performance.now();
      try {
        const response = await fetch(`${server.origin}/comments`, {
          method: 'POST',
          headers: { accept: 'application/json', origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
          body,
        });
        const text = await response.text();
        latenciesMs.push(performance.now() - sent);
        sentAtMs.push(sent - started);
        count(String(response.status));
        const answer = response.status === 201 ? (JSON.parse(text) as { id?: number }) : {};
        if (typeof answer.id === 'number') {
          acknowledged.push(answer.id);
          onAcknowledged?.(acknowledged.length);
        }
      } catch (error) {
        count(
          server.process.killed || hasExited(server.process) ? 'no answer (server killed)' : `error: ${(error as Error).cause ?? (error as Error).message}`,
        );
      }
    }
  };
  const stop = () => (stopped = true);
  server.process.once('exit', stop);
  await Promise.all(Array.from({ length: concurrency }, worker));
  server.process.off('exit', stop);
  return { phase, attempted: Math.min(next, totalComments), acknowledged, statuses, latenciesMs, sentAtMs, seconds: (performance.now() - started) / 1000 };
}

/**
 * A fresh server answers its first requests slowly (code compiled on first use), and opening 50 connections
 * at once while posts are being written queued the first second's posts for up to 1.4 s. Like bench:search,
 * measure after a warm-up at the measured concurrency (so the connections are open), and say what it cost.
 * Warm-up comments use other emails, so the durability check counts only the measured ones.
 */
async function warmUp(server: Server, form: { articleId: string; stamp: string }): Promise<void> {
  const latencies: number[] = [];
  for (let batch = 0; batch < 4; batch++) {
    await Promise.all(
      Array.from({ length: concurrency }, async (_, slot) => {
        const index = batch * concurrency + slot;
        const sent = performance.now();
        const response = await fetch(`${server.origin}/comments`, {
          method: 'POST',
          headers: { accept: 'application/json', origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            article_id: form.articleId,
            stamp: form.stamp,
            comment: `Warm-up ${index}.`,
            name: `Warm-up ${index}`,
            email: `warmup-${index}@example.com`,
          }),
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - sent);
      }),
    );
  }
  console.log(
    `warm-up: ${latencies.length} posts in batches of ${concurrency}, first batch slowest ${Math.max(...latencies.slice(0, concurrency)).toFixed(0)} ms, last batch slowest ${Math.max(...latencies.slice(-concurrency)).toFixed(0)} ms`,
  );
}

/** Opens the SQLite file read-only and compares it with what the server acknowledged. */
function checkDatabase(dataDir: string, acknowledged: readonly number[]): Check {
  const database = new Database(join(dataDir, 'gazette.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const stored = new Set((database.prepare("select id from comments where author_email like 'bench-%'").all() as { id: number }[]).map((row) => row.id));
    const missing = acknowledged.filter((id) => !stored.has(id));
    const acknowledgedSet = new Set(acknowledged);
    const integrity = (database.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join('; ');
    return { stored: stored.size, missing, storedNotAcknowledged: [...stored].filter((id) => !acknowledgedSet.has(id)).length, integrity };
  } finally {
    database.close();
  }
}

function describeStatuses(statuses: ReadonlyMap<string, number>): string {
  return [...statuses].map(([status, times]) => `${status}: ${times}`).join(', ');
}

function printSummary(rows: readonly { run: RunResult; check: Check }[]): void {
  const header = ['phase', 'posted', 'acknowledged', 'accepted/s', 'p50 ms', 'p90 ms', 'p99 ms', 'failed', 'stored', 'missing', 'integrity'];
  const lines = rows.map(({ run, check }) => [
    run.phase,
    String(run.attempted),
    String(run.acknowledged.length),
    (run.acknowledged.length / run.seconds).toFixed(0),
    percentile(run.latenciesMs, 0.5).toFixed(1),
    percentile(run.latenciesMs, 0.9).toFixed(1),
    percentile(run.latenciesMs, 0.99).toFixed(1),
    String(run.attempted - run.acknowledged.length),
    String(check.stored),
    String(check.missing.length),
    check.integrity,
  ]);
  console.log('\nSummary');
  printTable(header, lines);
}

async function runSteady(): Promise<{ run: RunResult; check: Check }> {
  const dataDir = join(tempDir, 'steady');
  const server = await startServer(dataDir);
  await reportWhenIdle(server.process.pid, 'the server');
  const form = await openCommentForm(server.origin);
  await sleep(formAgeMs);
  await warmUp(server, form);
  const run = await postComments('steady', server, form);
  console.log(
    `\nsteady: ${run.attempted} posted in ${run.seconds.toFixed(1)} s, ${(run.acknowledged.length / run.seconds).toFixed(0)} accepted/s, p50 ${percentile(run.latenciesMs, 0.5).toFixed(1)} ms, p99 ${percentile(run.latenciesMs, 0.99).toFixed(1)} ms`,
  );
  console.log(`  answers: ${describeStatuses(run.statuses)}`);
  const slowest = percentile(run.latenciesMs, 0.99);
  const slowPositions = run.latenciesMs.flatMap((latency, position) => (latency >= slowest ? [position] : []));
  const slowSent = slowPositions.map((position) => run.sentAtMs[position]!);
  console.log(
    `  the slowest 1% were answers number ${Math.min(...slowPositions)}–${Math.max(...slowPositions)} of ${run.latenciesMs.length}, sent ${Math.min(...slowSent).toFixed(0)}–${Math.max(...slowSent).toFixed(0)} ms into the run`,
  );
  await stopServer(server, 'SIGTERM');
  const check = checkDatabase(dataDir, run.acknowledged);
  console.log(`  acknowledged ${run.acknowledged.length}, stored ${check.stored}, missing ${check.missing.length}`);
  return { run, check };
}

async function runKilled(): Promise<{ run: RunResult; check: Check }> {
  const dataDir = join(tempDir, 'killed');
  const server = await startServer(dataDir);
  await reportWhenIdle(server.process.pid, 'the server');
  const form = await openCommentForm(server.origin);
  await sleep(formAgeMs);
  await warmUp(server, form);
  let killedAt = 0;
  const run = await postComments('SIGKILL at ~1000', server, form, (acknowledged) => {
    if (acknowledged >= killAfterAcknowledged && killedAt === 0) {
      killedAt = acknowledged;
      server.process.kill('SIGKILL');
    }
  });
  await stopServer(server, 'SIGKILL');
  console.log(`\nkilled: SIGKILL sent after ${killedAt} acknowledgements; ${run.acknowledged.length} acknowledged in all, ${run.attempted} posts started`);
  console.log(`  answers: ${describeStatuses(run.statuses)}`);
  const restarted = await startServer(dataDir);
  const articleAfter = await fetch(`${restarted.origin}/`).then((response) => response.status);
  const check = checkDatabase(dataDir, run.acknowledged);
  console.log(
    `  restarted on the same data dir (home page ${articleAfter}); acknowledged ${run.acknowledged.length}, stored ${check.stored}, missing ${check.missing.length}` +
      `${check.missing.length > 0 ? ` (ids ${check.missing.join(', ')})` : ''}; stored without an answer ${check.storedNotAcknowledged}`,
  );
  console.log(`  PRAGMA integrity_check: ${check.integrity}`);
  await stopServer(restarted, 'SIGTERM');
  return { run, check };
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${cpus().length} CPUs; ${totalComments} comments at concurrency ${concurrency} to a production-mode server on SQLite`);
  console.log('(the client shares these CPUs with the server it measures)');
  const rows = [await runSteady(), await runKilled()];
  printSummary(rows);
  const lost = rows.flatMap((row) => row.check.missing);
  const damaged = rows.filter((row) => row.check.integrity !== 'ok');
  if (lost.length > 0 || damaged.length > 0) {
    process.exitCode = 1;
    console.error(`\nFAILED: ${lost.length} acknowledged comments missing; integrity: ${rows.map((row) => row.check.integrity).join(' / ')}`);
  }
}

try {
  await main();
} finally {
  for (const server of servers) await stopServer(server, 'SIGKILL').catch(() => {});
  rmSync(tempDir, { recursive: true, force: true });
}
