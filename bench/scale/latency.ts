import { writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { makeTempDir } from '../gazette-servers.ts';
import { percentile } from '../result-tables.ts';
import { runWrk } from '../wrk.ts';

/** What `connections` clients asking in turn for `urls` met during a run. */
export interface LatencyRun {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** The first few answers that were not 200, with their URL. */
  readonly failures: readonly string[];
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: 64 });

function timedGet(url: string, headers: Readonly<Record<string, string>>): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { agent: keepAlive, headers: { accept: 'text/html', ...headers } }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/**
 * A check, not a measurement: `connections` keep-alive connections of this process, each asking for the next of `urls` as soon as its last answer is in,
 * for `seconds`: the latency of every answer, as a reader's browser would wait for it (the page cache is off,
 * so each is built). `urls` are taken in turn, so a list of 1,000 searches asks each of them.
 */
export async function measureLatency(
  urls: readonly string[],
  options: { connections: number; seconds: number; headers?: Readonly<Record<string, string>> },
): Promise<LatencyRun> {
  const latencies: number[] = [];
  const failures: string[] = [];
  let next = 0;
  const started = performance.now();
  const stopAt = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < stopAt) {
        const url = urls[next++ % urls.length]!;
        const { status, ms } = await timedGet(url, options.headers ?? {});
        latencies.push(ms);
        if (status !== 200 && failures.length < 5) failures.push(`${status} ${url}`);
      }
    }),
  );
  const elapsedSeconds = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    requestsPerSecond: latencies.length / elapsedSeconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    failures,
  };
}

/** A Lua string literal of `text`, which must be printable ASCII (paths are percent-encoded; cookies are ASCII). */
function luaString(text: string): string {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error(`Not printable ASCII, so not written into wrk's script: ${JSON.stringify(text)}`);
  return `"${text.replace(/[\\"]/g, (character) => `\\${character}`)}"`;
}

/**
 * wrk's script asking for `paths` in turn, on every connection as soon as its last answer is in; each
 * request carries `headers`. One wrk thread: its Lua state holds the turn, as this process's clients did.
 */
function rotatingScript(paths: readonly string[], headers: Readonly<Record<string, string>>): string {
  const headerFields = Object.entries({ Accept: 'text/html', ...headers })
    .map(([name, value]) => `[${luaString(name)}] = ${luaString(value)}`)
    .join(', ');
  return [
    `local paths = { ${paths.map(luaString).join(',\n')} }`,
    `local headers = { ${headerFields} }`,
    'local turn = 0',
    'request = function()',
    '  turn = turn % #paths + 1',
    '  return wrk.format("GET", paths[turn], headers)',
    'end',
    '',
  ].join('\n');
}

let scriptsDir: string | undefined;
let scripts = 0;

/**
 * The same load measured by wrk (Debian's), in C and one thread: this process's own clients took about a
 * third of one of the machine's two CPUs away from the server they measured, wrk a fraction of that.
 * Any answer other than 2xx or 3xx, or a connection error, fails the bench.
 */
export async function measureLatencyWithWrk(
  origin: string,
  paths: readonly string[],
  options: { connections: number; seconds: number; headers?: Readonly<Record<string, string>> },
): Promise<LatencyRun> {
  scriptsDir ??= makeTempDir('gazette-scale-wrk-');
  const script = join(scriptsDir, `paths-${++scripts}.lua`);
  await writeFile(script, rotatingScript(paths, options.headers ?? {}));
  const result = await runWrk(origin, { threads: 1, connections: options.connections, seconds: options.seconds }, script);
  const failures = [
    ...(result.non2xx > 0 ? [`${result.non2xx} answers of 400 or more`] : []),
    ...(result.errors > 0 ? [`${result.errors} connection errors or timeouts`] : []),
  ];
  return { requests: result.responses, requestsPerSecond: result.requestsPerSecond, p50: result.p50, p99: result.p99, failures };
}
