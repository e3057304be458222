import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const wrkBinary = '/usr/bin/wrk';
const run = promisify(execFile);

/** One wrk run; latencies in milliseconds. */
export interface WrkResult {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly responses: number;
  /** Answers with a status of 400 or more (wrk counts 3xx as fine). */
  readonly non2xx: number;
  /** Connect, read and write errors and timeouts. */
  readonly errors: number;
}

export interface WrkOptions {
  readonly threads: number;
  readonly connections: number;
  readonly seconds: number;
}

export function checkWrkInstalled(): void {
  if (!existsSync(wrkBinary)) throw new Error(`${wrkBinary} not found: install Debian's wrk (apt-get install -y nginx-light wrk)`);
}

const toMs: Readonly<Record<string, number>> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function latencyAt(output: string, percent: number): number {
  const match = new RegExp(`^\\s*${percent}(?:\\.0+)?%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(output);
  if (!match) throw new Error(`no ${percent}% latency in wrk's output:\n${output}`);
  return Number(match[1]) * (toMs[match[2]!] ?? Number.NaN);
}

/** Reads the numbers out of `wrk --latency`'s text report. */
export function parseWrkOutput(output: string): WrkResult {
  const requestsPerSecond = Number(/^Requests\/sec:\s+([\d.]+)/m.exec(output)?.[1]);
  const responses = Number(/^\s*(\d+) requests in /m.exec(output)?.[1]);
  if (Number.isNaN(requestsPerSecond) || Number.isNaN(responses)) throw new Error(`unexpected wrk output:\n${output}`);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requestsPerSecond,
    p50: latencyAt(output, 50),
    p99: latencyAt(output, 99),
    responses,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
    errors: socketErrors ? socketErrors.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0,
  };
}

/**
 * `wrk -t<threads> -c<connections> -d<seconds>s --latency <url>`, with a timeout long enough for a slow server;
 * `script`, a Lua file, if given (`-s`), e.g. one that asks for many paths in turn.
 */
export async function runWrk(url: string, options: WrkOptions, script?: string): Promise<WrkResult> {
  const args = [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--timeout',
    '10s',
    '--latency',
    ...(script ? ['-s', script] : []),
    url,
  ];
  const { stdout } = await run(wrkBinary, args, { maxBuffer: 1024 * 1024 });
  return parseWrkOutput(stdout);
}
