import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { type Phrase, phrase } from '../errors.ts';
import type { Clock } from '../platform/clock.ts';
import type { HostLookup } from './address-guard.ts';
import { type AttemptOutcome, attemptDelivery } from './webhook-attempt.ts';
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  failPendingDeliveriesOf,
  findNextAttemptAt,
  pruneWebhookHistory,
  recordDelivered,
  recordFailedAttempt,
  releaseLeases,
} from './webhook-deliveries.queries.ts';
import { disableFailingEndpoint, listOwnerEmails, markEndpointFailing, markEndpointSucceeded } from './webhook-endpoints.queries.ts';
import { onWebhookNudge } from './webhook-nudges.ts';
import { type OwnerNoticeDeps, tellOwnersEndpointDisabled } from './owner-notice.ts';

const hourMs = 60 * 60 * 1000;
/** An endpoint failing this long without a single success is turned off. */
const disableAfterMs = 24 * hourMs;
/** Finished deliveries are listed this long, then forgotten. */
const historyMs = 30 * 24 * hourMs;

/**
 * The wait before retry number `failedAttempts` (1 after the first failure): 10 s, doubling to an hour,
 * then hourly; each a random point in the upper half of its step ("equal jitter"), so the retries of a
 * burst that failed together do not arrive together.
 */
export function webhookBackoffMs(failedAttempts: number, random: () => number = Math.random): number {
  const step = Math.min(hourMs, 10_000 * 2 ** Math.min(Math.max(failedAttempts - 1, 0), 20));
  return Math.round(step / 2 + (random() * step) / 2);
}

export interface WebhookDelivererDeps extends OwnerNoticeDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  /** GAZETTE_WEBHOOKS_ALLOW_PRIVATE. */
  readonly allowPrivateAddresses: boolean;
  readonly log: { info(object: object, message: string): void; error(object: object, message: string): void };
}

export interface WebhookDelivererOptions {
  /** How long a receiver has to answer; 10 s. */
  readonly timeoutMs?: number;
  /** The wait before retry number n; `webhookBackoffMs` by default. */
  readonly backoffMs?: (failedAttempts: number) => number;
  /** Requests in flight from this worker at once; 8. */
  readonly concurrency?: number;
  /** Requests in flight to one endpoint (across workers, as leases show); 4. */
  readonly perEndpoint?: number;
  /** How long a claimed delivery stays this worker's; well past the timeout. 60 s. */
  readonly leaseMs?: number;
  /** The longest sleep between looks at the database when nothing nudges; 5 s. */
  readonly pollMs?: number;
  /** On stop, how long requests in flight may finish before they are cut and handed back; 5 s. */
  readonly stopGraceMs?: number;
  readonly lookup?: HostLookup;
}

/**
 * Sends what the outbox holds. Each worker claims due deliveries by writing a lease in the database, so
 * of several workers (processes, instances) exactly one sends a delivery at a time; one that dies leaves
 * its leases to run out, and another sends those deliveries again. A failed attempt is retried with
 * backoff for 24 hours; an endpoint failing for 24 hours is turned off and the owners are emailed.
 *
 * @example
 * const deliverer = new WebhookDeliverer({ db, clock, mailer, settings, publicUrl, allowPrivateAddresses: false, log });
 * deliverer.start();
 * // … on shutdown:
 * await deliverer.stop();
 */
export class WebhookDeliverer {
  readonly #deps: WebhookDelivererDeps;
  readonly #timeoutMs: number;
  readonly #backoffMs: (failedAttempts: number) => number;
  readonly #concurrency: number;
  readonly #perEndpoint: number;
  readonly #leaseMs: number;
  readonly #pollMs: number;
  readonly #stopGraceMs: number;
  readonly #lookup: HostLookup | undefined;

  #running = false;
  #stopping = new AbortController();
  #timer: NodeJS.Timeout | undefined;
  #timerDue = Number.POSITIVE_INFINITY;
  /** The look in progress, if any; a timer that fires meanwhile asks for another (`#lookAgain`). */
  #looking: Promise<void> | undefined;
  #lookAgain = false;
  /** After a nudge: if the first look finds nothing (the event's transaction not yet committed), look again soon. */
  #lookAgainSoon = false;
  #unsubscribe: (() => void) | undefined;
  #pruneTimer: NodeJS.Timeout | undefined;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(deps: WebhookDelivererDeps, options: WebhookDelivererOptions = {}) {
    this.#deps = deps;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#backoffMs = options.backoffMs ?? webhookBackoffMs;
    this.#concurrency = options.concurrency ?? 8;
    this.#perEndpoint = options.perEndpoint ?? 4;
    this.#leaseMs = options.leaseMs ?? 60_000;
    this.#pollMs = options.pollMs ?? 5000;
    this.#stopGraceMs = options.stopGraceMs ?? 5000;
    this.#lookup = options.lookup;
  }

  /** Starts sending: at once, then whenever something falls due, is nudged in this process, or at the next poll. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#stopping = new AbortController();
    this.#unsubscribe = onWebhookNudge(() => this.nudge());
    this.#schedule(0);
    const prune = () =>
      pruneWebhookHistory(this.#deps.db, new Date(this.#deps.clock.now().getTime() - historyMs)).catch((error: unknown) =>
        this.#deps.log.error({ err: error }, 'Could not prune the webhook delivery history'),
      );
    void prune();
    this.#pruneTimer = setInterval(prune, hourMs);
    this.#pruneTimer.unref();
  }

  /** Looks for due deliveries now (an event was recorded, a delivery resent). */
  nudge(): void {
    if (!this.#running) return;
    this.#lookAgainSoon = true;
    this.#schedule(20);
  }

  /**
   * Stops claiming; requests in flight get `stopGraceMs` to finish, then are cut off and their deliveries
   * handed back unsent (due at once for any worker; the receiver may see that webhook-id twice).
   */
  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    this.#unsubscribe?.();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    clearInterval(this.#pruneTimer);
    await this.#looking;
    const settled = Promise.allSettled([...this.#inFlight]);
    const grace = new AbortController();
    await Promise.race([settled, sleep(this.#stopGraceMs, undefined, { signal: grace.signal }).catch(() => {})]);
    grace.abort();
    this.#stopping.abort();
    await settled;
  }

  /**
   * Claims what is due, up to this worker's free slots, and sends it; resolves with how many it claimed
   * once those attempts are done. The loop that `start` runs does the same without waiting; tests call it
   * to deliver step by step.
   */
  async deliverDue(): Promise<number> {
    const launched = await this.#claimAndLaunch();
    await Promise.all(launched);
    return launched.length;
  }

  #schedule(delayMs: number): void {
    if (!this.#running) return;
    const due = Date.now() + delayMs;
    if (this.#timer && this.#timerDue <= due) return;
    clearTimeout(this.#timer);
    this.#timerDue = due;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#timerDue = Number.POSITIVE_INFINITY;
      if (this.#looking) this.#lookAgain = true;
      else this.#looking = this.#lookWhileAsked();
    }, delayMs);
    this.#timer.unref();
  }

  async #lookWhileAsked(): Promise<void> {
    let wait: number | undefined;
    do {
      this.#lookAgain = false;
      wait = await this.#look();
    } while (this.#lookAgain && this.#running);
    // No await between the loop's last check and here, so no timer can slip in unseen.
    this.#looking = undefined;
    if (wait !== undefined) this.#schedule(wait);
  }

  /** One look: claims and launches what fits; returns how long to sleep, or undefined when attempts ending will wake it. */
  async #look(): Promise<number | undefined> {
    try {
      const room = this.#concurrency - this.#inFlight.size;
      if (room <= 0) return undefined;
      const launched = await this.#claimAndLaunch();
      return launched.length < room ? await this.#idleWait(launched.length) : undefined;
    } catch (error) {
      this.#deps.log.error({ err: error }, 'The webhook deliverer could not read the outbox; trying again shortly');
      return this.#pollMs;
    }
  }

  /** How long to sleep when nothing more is claimable: until the next delivery falls due, at most a poll. */
  async #idleWait(claimed: number): Promise<number> {
    if (this.#lookAgainSoon) {
      this.#lookAgainSoon = false;
      if (claimed === 0) return 500;
    }
    const next = await findNextAttemptAt(this.#deps.db);
    if (!next) return this.#pollMs;
    const untilDue = next.getTime() - this.#deps.clock.now().getTime();
    // Due but not claimable: another worker holds it, or its endpoint has enough in flight.
    return untilDue <= 0 ? this.#pollMs : Math.min(untilDue, this.#pollMs);
  }

  async #claimAndLaunch(): Promise<Promise<void>[]> {
    const room = this.#concurrency - this.#inFlight.size;
    if (room <= 0) return [];
    const now = this.#deps.clock.now();
    const owner = randomUUID();
    const claimed = await claimDueDeliveries(this.#deps.db, {
      owner,
      now,
      leaseUntil: new Date(now.getTime() + this.#leaseMs),
      limit: room,
      perEndpoint: this.#perEndpoint,
    });
    if (this.#stopping.signal.aborted) {
      await releaseLeases(
        this.#deps.db,
        claimed.map((delivery) => delivery.id),
        owner,
      );
      return [];
    }
    return claimed.map((delivery) => {
      const attempt: Promise<void> = this.#send(delivery, owner)
        .catch((error: unknown) => this.#deps.log.error({ err: error, deliveryId: delivery.id }, 'A webhook delivery could not be recorded'))
        .finally(() => {
          this.#inFlight.delete(attempt);
          this.#schedule(0);
        });
      this.#inFlight.add(attempt);
      return attempt;
    });
  }

  async #send(delivery: ClaimedDelivery, owner: string): Promise<void> {
    const outcome = await attemptDelivery(delivery, this.#deps.clock.now(), {
      allowPrivateAddresses: this.#deps.allowPrivateAddresses,
      timeoutMs: this.#timeoutMs,
      lookup: this.#lookup,
      stopping: this.#stopping.signal,
    });
    await this.#record(delivery, owner, outcome);
  }

  async #record(delivery: ClaimedDelivery, owner: string, outcome: AttemptOutcome): Promise<void> {
    const { db, clock } = this.#deps;
    const at = clock.now();
    if (outcome.delivered) {
      await recordDelivered(db, delivery.id, owner, { at, responseStatus: outcome.responseStatus });
      await markEndpointSucceeded(db, delivery.endpointId);
      return;
    }
    if ('interrupted' in outcome) {
      await releaseLeases(db, [delivery.id], owner);
      return;
    }
    const giveUp = at.getTime() >= delivery.retryUntil.getTime();
    const nextAttemptAt = giveUp ? null : new Date(Math.min(at.getTime() + this.#backoffMs(delivery.attempts + 1), delivery.retryUntil.getTime()));
    await recordFailedAttempt(db, delivery.id, owner, { at, responseStatus: outcome.responseStatus, problem: outcome.problem, nextAttemptAt });
    const failingSince = await markEndpointFailing(db, delivery.endpointId, at);
    if (failingSince && at.getTime() - failingSince.getTime() >= disableAfterMs) await this.#disable(delivery, at, outcome.problem);
  }

  /** Turns off an endpoint that has failed for 24 hours; of several workers, the one whose update did it tells the owners. */
  async #disable(delivery: ClaimedDelivery, at: Date, problem: Phrase): Promise<void> {
    const { db, log } = this.#deps;
    if (!(await disableFailingEndpoint(db, delivery.endpointId, at, new Date(at.getTime() - disableAfterMs)))) return;
    await failPendingDeliveriesOf(db, delivery.endpointId, at, phrase('webhooks.problem.endpointDisabled'));
    log.info({ endpointId: delivery.endpointId, url: delivery.url }, 'A webhook endpoint failed for 24 hours and was disabled');
    try {
      await tellOwnersEndpointDisabled(this.#deps, await listOwnerEmails(db), { id: delivery.endpointId, url: delivery.url, problem });
    } catch (error) {
      log.error({ err: error, endpointId: delivery.endpointId }, 'Could not email the owners that a webhook endpoint was disabled');
    }
  }
}
