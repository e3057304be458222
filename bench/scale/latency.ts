import { Agent, request } from 'node:http';
import { percentile } from '../result-tables.ts';

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
 * `connections` keep-alive connections, each asking for the next of `urls` as soon as its last answer is in,
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
