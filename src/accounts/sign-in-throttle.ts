import { createHash } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { phrase, RateLimitedError } from '../errors.ts';
import type { NewsroomKey } from '../i18n/index.ts';
import { addFailure, deleteFailures, deleteFailuresBefore, findFailureCounts } from './sign-in-throttles.queries.ts';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

/** Growing waits: how failures of one kind slow the next try down. */
export interface ThrottlePolicy {
  /** Failures allowed before any wait. */
  readonly freeFailures: number;
  /** The wait after the last free failure; each failure after it doubles the wait. */
  readonly firstWaitMs: number;
  readonly maxWaitMs: number;
  /** A run of failures is forgotten once this long has passed without one. */
  readonly forgetAfterMs: number;
}

export const throttlePolicies = {
  /** One email from one address: five free tries, then 1 s, 2 s, 4 s … up to 15 minutes. */
  password: { freeFailures: 5, firstWaitMs: second, maxWaitMs: 15 * minute, forgetAfterMs: 24 * hour },
  /** One address across every email, so it cannot try a few passwords on each of many accounts. */
  address: { freeFailures: 30, firstWaitMs: second, maxWaitMs: 15 * minute, forgetAfterMs: hour },
} as const satisfies Record<string, ThrottlePolicy>;

/** A fixed window: at most `limit` tries in each `windowMs`. */
export interface WindowPolicy {
  readonly limit: number;
  readonly windowMs: number;
}

/** One account's two-step codes, across every half-finished sign-in and address. */
export const codeTries: WindowPolicy = { limit: 10, windowMs: 15 * minute };

/** Failures older than this slow nobody down any more. */
const longestMemoryMs = 24 * hour;

/** Hashed, so the table holds no email or IP address in the clear. */
function throttleKey(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('base64url');
}

/** Something whose failures are counted, and how they slow it down. */
export interface Counter {
  readonly key: string;
  readonly policy: ThrottlePolicy;
}

export function counter(policy: ThrottlePolicy, ...what: string[]): Counter {
  return { key: throttleKey(what), policy };
}

/** How long from `now` until a new try may be looked at, after `failures` in a run ending at `lastFailedAt`. */
export function waitAfter(policy: ThrottlePolicy, failures: number, lastFailedAt: Date, now: Date): number {
  const since = now.getTime() - lastFailedAt.getTime();
  if (since >= policy.forgetAfterMs || failures < policy.freeFailures) return 0;
  const wait = Math.min(policy.firstWaitMs * 2 ** (failures - policy.freeFailures), policy.maxWaitMs);
  return Math.max(0, wait - since);
}

/** The longest wait any of `counters` imposes now, in milliseconds; 0 when a try may go ahead. */
export async function currentWait(db: Db, counters: readonly Counter[], now: Date): Promise<number> {
  const counts = await findFailureCounts(
    db,
    counters.map((each) => each.key),
  );
  let longest = 0;
  for (const count of counts) {
    const policy = counters.find((each) => each.key === count.key)!.policy;
    longest = Math.max(longest, waitAfter(policy, count.failures, count.lastFailedAt, now));
  }
  return longest;
}

export async function recordFailure(db: Db, counters: readonly Counter[], now: Date): Promise<void> {
  for (const each of counters) await addFailure(db, each.key, now, new Date(now.getTime() - each.policy.forgetAfterMs));
  await deleteFailuresBefore(db, new Date(now.getTime() - longestMemoryMs));
}

export async function clearFailures(db: Db, counter: Counter): Promise<void> {
  await deleteFailures(db, counter.key);
}

function currentWindow(policy: WindowPolicy, what: readonly string[], now: Date): { key: string; start: Date; end: Date } {
  const index = Math.floor(now.getTime() / policy.windowMs);
  return { key: throttleKey([...what, String(index)]), start: new Date(index * policy.windowMs), end: new Date((index + 1) * policy.windowMs) };
}

/**
 * Counts a try in the current window before it is judged, so tries sent all at once cannot slip past
 * the limit. Returns 0 when the try may go ahead, otherwise how long until the window ends.
 */
export async function takeTry(db: Db, policy: WindowPolicy, what: readonly string[], now: Date): Promise<number> {
  const window = currentWindow(policy, what, now);
  const tries = await addFailure(db, window.key, now, window.start);
  await deleteFailuresBefore(db, new Date(now.getTime() - longestMemoryMs));
  return tries <= policy.limit ? 0 : window.end.getTime() - now.getTime();
}

/** Gives the window's tries back after a success, so only failures add up. */
export async function forgetTries(db: Db, policy: WindowPolicy, what: readonly string[], now: Date): Promise<void> {
  await deleteFailures(db, currentWindow(policy, what, now).key);
}

/**
 * How long to wait, for a sentence to tell: whole seconds under a minute, else whole minutes. Rounded
 * up, so waiting that long is always enough.
 */
export function roundedWait(waitMs: number): { seconds: number } | { minutes: number } {
  const seconds = Math.max(1, Math.ceil(waitMs / second));
  return seconds < 60 ? { seconds } : { minutes: Math.ceil(seconds / 60) };
}

/** A refusal's two wordings: one telling a wait in seconds (value `seconds`), one in minutes (value `minutes`). */
export interface WaitPhrases {
  readonly seconds: NewsroomKey;
  readonly minutes: NewsroomKey;
}

/** A 429 carrying its Retry-After, its sentence telling how long to wait. */
export function throttledError(phrases: WaitPhrases, waitMs: number): RateLimitedError {
  const wait = roundedWait(waitMs);
  const sentence = 'seconds' in wait ? phrase(phrases.seconds, wait) : phrase(phrases.minutes, wait);
  return new RateLimitedError(sentence, Math.max(1, Math.ceil(waitMs / second)));
}
