import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { toCount, toDate, toDateOrNull, toTimestamp } from '../db/row-values.ts';
import { type Phrase, storedPhrase } from '../errors.ts';
import type { WebhookDeliveryStatus } from './webhook.table.ts';

/** Only the delivery problems' own sentences may come back from `last_error`. */
const problemPrefix = 'webhooks.problem.';

function problemFrom(json: string | null): Phrase | undefined {
  if (json === null) return undefined;
  try {
    return storedPhrase(JSON.parse(json), problemPrefix);
  } catch {
    return undefined;
  }
}

export async function insertEvent(db: Db, event: { id: string; type: string; payload: string; at: Date }): Promise<void> {
  await db
    .insertInto('webhook_events')
    .values({ id: event.id, type: event.type, payload: event.payload, created_at: toTimestamp(event.at) })
    .execute();
}

/** One pending delivery of the event to each endpoint, due at once. */
export async function insertDeliveries(db: Db, eventId: string, endpointIds: readonly number[], at: Date, retryUntil: Date): Promise<void> {
  if (endpointIds.length === 0) return;
  await db
    .insertInto('webhook_deliveries')
    .values(
      endpointIds.map((endpointId) => ({
        event_id: eventId,
        endpoint_id: endpointId,
        status: 'pending' as const,
        next_attempt_at: toTimestamp(at),
        retry_until: toTimestamp(retryUntil),
        created_at: toTimestamp(at),
      })),
    )
    .execute();
}

/** A delivery a worker holds the lease on, with all it needs to send it. */
export interface ClaimedDelivery {
  readonly id: number;
  readonly eventId: string;
  readonly payload: string;
  readonly endpointId: number;
  readonly url: string;
  readonly secret: string;
  /** The secret before the last rotation, while it still signs. */
  readonly previousSecret: string | null;
  readonly attempts: number;
  readonly retryUntil: Date;
}

/**
 * Leases up to `limit` due deliveries to `owner` until `leaseUntil`. Due: pending, its time come, not
 * leased (or its lease run out: the worker holding it died), its endpoint enabled; and no more than
 * `perEndpoint` in flight to one endpoint, so a receiver that hangs cannot take every worker's slots.
 *
 * One statement on both databases. SQLite runs writes one at a time. On PostgreSQL two workers may pick
 * the same rows in the subquery, but the second UPDATE waits for the first's row locks and then checks
 * its own WHERE against the row as the first left it: the lease is taken, so it skips the row. A row is
 * leased to one worker at a time either way.
 */
export async function claimDueDeliveries(
  db: Db,
  claim: { owner: string; now: Date; leaseUntil: Date; limit: number; perEndpoint: number },
): Promise<ClaimedDelivery[]> {
  const now = toTimestamp(claim.now);
  const due = db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .select((eb) => [
      'd.id',
      'd.next_attempt_at',
      sql<number>`row_number() over (partition by d.endpoint_id order by d.next_attempt_at, d.id)`.as('position'),
      eb
        .selectFrom('webhook_deliveries as busy')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('busy.endpoint_id', '=', 'd.endpoint_id')
        .where('busy.status', '=', 'pending')
        .where('busy.lease_until', '>', now)
        .as('in_flight'),
    ])
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('d.lease_until', 'is', null), eb('d.lease_until', '<=', now)]))
    .where('e.disabled_at', 'is', null);
  const chosen = db
    .selectFrom(due.as('due'))
    .select('due.id')
    .where(sql<boolean>`due.position + due.in_flight <= ${claim.perEndpoint}`)
    .orderBy('due.next_attempt_at', 'asc')
    .orderBy('due.id', 'asc')
    .limit(claim.limit);
  const leased = await db
    .updateTable('webhook_deliveries')
    .set({ lease_owner: claim.owner, lease_until: toTimestamp(claim.leaseUntil) })
    .where('id', 'in', chosen)
    // Checked again here, on the row as it is now (see above).
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
    .returning('id')
    .execute();
  if (leased.length === 0) return [];
  const rows = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as ev', 'ev.id', 'd.event_id')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .select([
      'd.id',
      'd.event_id',
      'ev.payload',
      'd.endpoint_id',
      'e.url',
      'e.secret',
      'e.previous_secret',
      'e.previous_secret_expires_at',
      'd.attempts',
      'd.retry_until',
    ])
    .where(
      'd.id',
      'in',
      leased.map((row) => row.id),
    )
    .where('d.lease_owner', '=', claim.owner)
    .orderBy('d.id', 'asc')
    .execute();
  return rows.map((row) => {
    const previousUntil = toDateOrNull(row.previous_secret_expires_at);
    return {
      id: row.id,
      eventId: row.event_id,
      payload: row.payload,
      endpointId: row.endpoint_id,
      url: row.url,
      secret: row.secret,
      previousSecret: row.previous_secret && previousUntil && previousUntil > claim.now ? row.previous_secret : null,
      attempts: toCount(row.attempts),
      retryUntil: toDate(row.retry_until),
    };
  });
}

/** The receiver answered 2xx. Ignored when `owner` no longer holds the lease (a resend, a deleted endpoint). */
export async function recordDelivered(db: Db, id: number, owner: string, outcome: { at: Date; responseStatus: number }): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      status: 'delivered',
      attempts: eb('attempts', '+', 1),
      last_attempt_at: toTimestamp(outcome.at),
      delivered_at: toTimestamp(outcome.at),
      response_status: outcome.responseStatus,
      last_error: null,
      next_attempt_at: null,
      lease_owner: null,
      lease_until: null,
    }))
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();
}

/** An attempt failed: tried again at `nextAttemptAt`, or given up (`failed`) when that is null. */
export async function recordFailedAttempt(
  db: Db,
  id: number,
  owner: string,
  outcome: { at: Date; responseStatus: number | null; problem: Phrase; nextAttemptAt: Date | null },
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      status: outcome.nextAttemptAt ? 'pending' : 'failed',
      attempts: eb('attempts', '+', 1),
      last_attempt_at: toTimestamp(outcome.at),
      response_status: outcome.responseStatus,
      last_error: JSON.stringify(outcome.problem),
      next_attempt_at: outcome.nextAttemptAt ? toTimestamp(outcome.nextAttemptAt) : null,
      lease_owner: null,
      lease_until: null,
    }))
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();
}

/** Hands leased deliveries back unsent (a worker stopping), due again at once for any worker. */
export async function releaseLeases(db: Db, ids: readonly number[], owner: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('webhook_deliveries').set({ lease_owner: null, lease_until: null }).where('id', 'in', ids).where('lease_owner', '=', owner).execute();
}

/** Gives up every delivery still pending to an endpoint that was just disabled. */
export async function failPendingDeliveriesOf(db: Db, endpointId: number, at: Date, problem: Phrase): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: 'failed',
      next_attempt_at: null,
      last_error: JSON.stringify(problem),
      lease_owner: null,
      lease_until: null,
      last_attempt_at: toTimestamp(at),
    })
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'pending')
    .execute();
}

/** One delivery as the newsroom's page shows it. */
export interface WebhookDelivery {
  readonly id: number;
  readonly eventId: string;
  readonly eventType: string;
  readonly status: WebhookDeliveryStatus;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly lastAttemptAt: Date | null;
  readonly responseStatus: number | null;
  /** Why the last attempt failed. */
  readonly problem: Phrase | undefined;
  /** While pending: when it is (re)tried. */
  readonly nextAttemptAt: Date | null;
  readonly deliveredAt: Date | null;
}

/** An endpoint's latest deliveries, newest first. */
export async function listRecentDeliveries(db: Db, endpointId: number, limit: number): Promise<WebhookDelivery[]> {
  const rows = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as ev', 'ev.id', 'd.event_id')
    .select([
      'd.id',
      'd.event_id',
      'ev.type',
      'd.status',
      'd.attempts',
      'd.created_at',
      'd.last_attempt_at',
      'd.response_status',
      'd.last_error',
      'd.next_attempt_at',
      'd.delivered_at',
    ])
    .where('d.endpoint_id', '=', endpointId)
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    eventType: row.type,
    status: row.status,
    attempts: toCount(row.attempts),
    createdAt: toDate(row.created_at),
    lastAttemptAt: toDateOrNull(row.last_attempt_at),
    responseStatus: row.response_status === null ? null : Number(row.response_status),
    problem: problemFrom(row.last_error),
    nextAttemptAt: toDateOrNull(row.next_attempt_at),
    deliveredAt: toDateOrNull(row.delivered_at),
  }));
}

/**
 * Sends one of the endpoint's deliveries again, as it was (same event, same webhook-id), due at once and
 * retried for another 24 hours. False when the endpoint has no such delivery.
 */
export async function resendDelivery(db: Db, endpointId: number, deliveryId: number, at: Date, retryUntil: Date): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({
      status: 'pending',
      attempts: 0,
      next_attempt_at: toTimestamp(at),
      retry_until: toTimestamp(retryUntil),
      lease_owner: null,
      lease_until: null,
    })
    .where('id', '=', deliveryId)
    .where('endpoint_id', '=', endpointId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** When the next pending delivery to an enabled endpoint falls due, if any is waiting. */
export async function findNextAttemptAt(db: Db): Promise<Date | undefined> {
  const row = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .select((eb) => eb.fn.min('d.next_attempt_at').as('next'))
    .where('d.status', '=', 'pending')
    .where('e.disabled_at', 'is', null)
    .executeTakeFirst();
  return row?.next ? toDate(row.next) : undefined;
}

/** Forgets deliveries finished before `before`, then events left with no delivery; returns how many deliveries went. */
export async function pruneWebhookHistory(db: Db, before: Date): Promise<number> {
  const cutoff = toTimestamp(before);
  const result = await db
    .deleteFrom('webhook_deliveries')
    .where('status', '!=', 'pending')
    .where((eb) => eb(eb.fn.coalesce('last_attempt_at', 'created_at'), '<', cutoff))
    .executeTakeFirst();
  await db
    .deleteFrom('webhook_events')
    .where('created_at', '<', cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('webhook_deliveries').select('id').whereRef('webhook_deliveries.event_id', '=', 'webhook_events.id'))),
    )
    .execute();
  return Number(result.numDeletedRows);
}
