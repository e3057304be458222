import autocannon from 'autocannon';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort, hasExited, spawnTsx, type TsxChild } from './child-processes.ts';
import { waitUntilIdle } from './server-idle.ts';

/** Reader-page throughput of the real server, next to a static file served from the same machine. */

const connections = 64;
const warmUpSeconds = 2;
const runSeconds = 10;
const startTimeoutMs = 60_000;
const maxBadShare = 0.01;

type StringMap = Readonly<Record<string, string>>;
interface Child extends TsxChild {
  readonly name: string;
}
interface Target {
  readonly name: string;
  readonly url: string;
  readonly headers: StringMap;
  readonly server: Child;
}
/** One measured target; latencies in ms, badShare = (non-2xx + errors) / all responses. */
interface Row {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly kbPerResponse: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly badShare: number;
  readonly rssMb: number;
}

const children: Child[] = [];
const tempDir = mkdtempSync(join(tmpdir(), 'gazette-bench-'));

function startChild(name: string, args: readonly string[], env: StringMap): Child {
  const started: Child = { name, ...spawnTsx(args, env) };
  children.push(started);
  return started;
}

/** node:http rather than fetch, because fetch adds Accept-Encoding and decompresses behind our back. */
function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent: false, timeout: 5000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out`)));
    request.on('error', reject);
  });
}

async function waitUntilServing(child: Child, url: string): Promise<void> {
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

function findFirstArticlePath(homeHtml: string): string {
  const lead = /<h2 class="lead-story__headline">\s*<a href="([^"]+)"/.exec(homeHtml)?.[1];
  const anyArticle = [...homeHtml.matchAll(/href="([^"]+)"/g)].map((match) => match[1] ?? '').find((href) => /^\/[a-z0-9-]+\/[a-z0-9-]+$/.test(href));
  const path = lead ?? anyArticle;
  if (!path) throw new Error('The home page links to no article; is the demo newsroom seeded?');
  return path;
}

function readRssMb(pid: number | undefined): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

async function measure(target: Target): Promise<Row> {
  const options = { url: target.url, connections, headers: target.headers };
  // Thrown away: lets the JIT, the page cache and keep-alive sockets settle before we count.
  await autocannon({ ...options, duration: warmUpSeconds });
  const result = await autocannon({ ...options, duration: runSeconds });
  return {
    name: target.name,
    requestsPerSecond: result.requests.mean,
    p50: result.latency.p50,
    p99: result.latency.p99,
    kbPerResponse: result.throughput.total / Math.max(1, result.requests.total) / 1024,
    non2xx: result.non2xx,
    errors: result.errors,
    badShare: (result.non2xx + result.errors) / Math.max(1, result['2xx'] + result.non2xx + result.errors),
    rssMb: readRssMb(target.server.process.pid),
  };
}

function printTable(rows: readonly Row[]): void {
  const baseline = rows[0]?.requestsPerSecond ?? 1;
  const header = ['name', 'req/s', 'p50 ms', 'p99 ms', 'vs static', 'KB/resp', 'non-2xx', 'errors', 'server RSS MB'];
  const lines = rows.map((row) => [
    row.name,
    row.requestsPerSecond.toFixed(0),
    row.p50.toFixed(1),
    row.p99.toFixed(1),
    `${(row.requestsPerSecond / baseline).toFixed(2)}x`,
    row.kbPerResponse.toFixed(1),
    String(row.non2xx),
    String(row.errors),
    row.rssMb.toFixed(0),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)));
  for (const line of [header, ...lines]) {
    console.log(line.map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  '));
  }
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${cpus().length} CPUs, ${connections} connections, ${runSeconds} s runs after ${warmUpSeconds} s warm-up`);
  console.log('(autocannon shares these CPUs with the servers it measures)\n');
  const [gazettePort, staticPort] = [await findFreePort(), await findFreePort()];
  const origin = `http://127.0.0.1:${gazettePort}`;
  const startedAt = performance.now();
  const gazette = startChild('Gazette', ['src/server.ts'], {
    NODE_ENV: 'production',
    GAZETTE_DEMO: 'on',
    HOST: '127.0.0.1',
    PORT: String(gazettePort),
    MALLOC_ARENA_MAX: '2', // as npm start sets it
    GAZETTE_DATA_DIR: join(tempDir, 'data'),
    GAZETTE_PUBLIC_URL: origin,
  });
  await waitUntilServing(gazette, `${origin}/`);
  console.log(`First start on an empty data folder (migrations, demo seed, editor bundle): ${((performance.now() - startedAt) / 1000).toFixed(1)} s\n`);

  const articleUrl = `${origin}${findFirstArticlePath((await httpGet(`${origin}/`)).body)}`;
  const article = await httpGet(articleUrl);
  if (article.status !== 200) throw new Error(`GET ${articleUrl} answered ${article.status}`);
  const articleFile = join(tempDir, 'article.html');
  writeFileSync(articleFile, article.body);

  const staticFile = startChild('static baseline', ['bench/static-baseline.ts', articleFile, String(staticPort)], {});
  const staticUrl = `http://127.0.0.1:${staticPort}/`;
  await waitUntilServing(staticFile, staticUrl);

  console.log(`waited ${(await waitUntilIdle(gazette.process.pid, gazette.name)).toFixed(0)} s for Gazette to go idle (background image variants)`);
  console.log(`article: ${articleUrl} (${(Buffer.byteLength(article.body) / 1024).toFixed(1)} KB)\n`);
  const targets: Target[] = [
    { name: 'static file (article HTML)', url: staticUrl, headers: {}, server: staticFile },
    { name: 'Gazette article', url: articleUrl, headers: {}, server: gazette },
    { name: 'Gazette home', url: `${origin}/`, headers: {}, server: gazette },
    { name: 'Gazette article, br', url: articleUrl, headers: { 'accept-encoding': 'br' }, server: gazette },
  ];
  const rows: Row[] = [];
  for (const target of targets) rows.push(await measure(target));
  printTable(rows);

  const failing = rows.filter((row) => row.badShare > maxBadShare);
  if (failing.length > 0) {
    throw new Error(`More than ${maxBadShare * 100}% of responses were not 2xx for: ${failing.map((row) => row.name).join(', ')}`);
  }
}

async function stopChild(child: Child): Promise<void> {
  if (hasExited(child.process)) return;
  const exited = once(child.process, 'exit');
  child.process.kill('SIGTERM');
  const forceKill = setTimeout(() => child.process.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(forceKill);
}

async function cleanUp(): Promise<void> {
  await Promise.all(children.map(stopChild));
  rmSync(tempDir, { recursive: true, force: true });
}

// Last resort if we die some other way: never leave a server or its data behind.
process.once('exit', () => {
  for (const child of children) if (!hasExited(child.process)) child.process.kill('SIGKILL');
  rmSync(tempDir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(cleanUp);
