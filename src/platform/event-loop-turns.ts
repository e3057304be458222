import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * For long loops that run inside the server (an import from the newsroom): awaited after each item, it
 * hands the event loop back once `sliceMs` has gone by, so pages and the import's own progress page
 * keep being answered. Without it a loop whose awaits all settle at once (SQLite answers synchronously)
 * holds the process for as long as it runs.
 */
export function eventLoopTurns(sliceMs = 10): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await nextTurn();
    since = performance.now();
  };
}

/**
 * Requests take turns with the rest of the event loop. On SQLite a request's awaits all settle at once,
 * so a page is rendered from request to answer without the loop going round, and the requests read in
 * one turn of the loop ran back to back. Node's libuv accepts one new connection per turn (libuv#3696),
 * so with 64 connections busy each turn was 64 renders long, and a connection opened meanwhile waited
 * that long for each one ahead of it: the first requests of a burst of new connections took 1 to 2 s
 * while the rest took 70 ms.
 *
 * A request starts at once while its turn of the loop has been at work for less than `sliceMs` and
 * nobody is waiting. Otherwise it waits, first come first served; the waiters start in the next turn,
 * one after another as each one's answer ends, until that turn has worked for `sliceMs`. One that does
 * not end within its turn (on PostgreSQL it waits for the network) lets the next start in the
 * following turn.
 */
export class RequestTurns {
  readonly #waiting: (() => void)[] = [];
  /** When this turn of the loop started its first request. */
  #turnStartedAt: number | undefined;
  #releaseScheduled = false;

  constructor(
    private readonly sliceMs = 2,
    /** Milliseconds from some fixed moment; tests give their own. */
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Resolves when the request may start (at once, when it may start now); call `end` when its answer is sent. */
  async take(): Promise<{ end(): void }> {
    if (this.#waiting.length > 0 || !this.#mayStartNow()) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    let ended = false;
    return {
      end: () => {
        if (ended) return;
        ended = true;
        if (this.#waiting.length === 0) return;
        if (this.#turnStartedAt !== undefined && this.now() - this.#turnStartedAt < this.sliceMs) this.#waiting.shift()?.();
        else this.#scheduleRelease();
      },
    };
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  #mayStartNow(): boolean {
    const now = this.now();
    if (this.#turnStartedAt === undefined) {
      this.#startTurn(now);
      return true;
    }
    if (now - this.#turnStartedAt < this.sliceMs) return true;
    this.#scheduleRelease();
    return false;
  }

  #startTurn(now: number): void {
    this.#turnStartedAt = now;
    // Runs once this turn's poll is over, so the next turn starts afresh.
    setImmediate(() => {
      if (this.#turnStartedAt === now) this.#turnStartedAt = undefined;
    });
  }

  #scheduleRelease(): void {
    if (this.#releaseScheduled) return;
    this.#releaseScheduled = true;
    setImmediate(() => {
      this.#releaseScheduled = false;
      const next = this.#waiting.shift();
      if (!next) return;
      this.#startTurn(this.now());
      next();
      // Should that request not end in this turn, the next waiter starts in the following one.
      if (this.#waiting.length > 0) this.#scheduleRelease();
    });
  }
}
