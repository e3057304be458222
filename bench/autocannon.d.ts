// autocannon ships no types; this declares only the parts bench/pages.ts uses.
declare module 'autocannon' {
  export interface Options {
    readonly url: string;
    readonly connections?: number;
    /** Seconds. */
    readonly duration?: number;
    readonly headers?: Readonly<Record<string, string>>;
  }

  export interface Histogram {
    readonly mean: number;
    readonly total: number;
    readonly p50: number;
    readonly p99: number;
  }

  export interface Result {
    /** Completed requests per one-second sample. */
    readonly requests: Histogram;
    /** Milliseconds. */
    readonly latency: Histogram;
    /** Bytes per one-second sample. */
    readonly throughput: Histogram;
    readonly errors: number;
    readonly timeouts: number;
    readonly non2xx: number;
    readonly '2xx': number;
  }

  export default function autocannon(options: Options): Promise<Result>;
}
