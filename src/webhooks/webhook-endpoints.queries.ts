import type { Db } from '../db/database.ts';
import { toDate, toDateOrNull, toTimestamp } from '../db/row-values.ts';
import { isWebhookEventType, type WebhookEventType } from './webhook-events.ts';

/** An endpoint as the newsroom lists it; its secrets never leave the queries but to sign (see deliveries). */
export interface WebhookEndpoint {
  readonly id: number;
  readonly url: string;
  readonly description: string;
  readonly events: readonly WebhookEventType[];
  /** The first failure since the last success, while deliveries fail. */
  readonly failingSince: Date | null;
  /** Set when it was turned off after 24 hours of failures; nothing is sent to it until it is enabled again. */
  readonly disabledAt: Date | null;
  /** While the secret before the last rotation still signs beside the new one: until when. */
  readonly previousSecretUntil: Date | null;
  readonly createdAt: Date;
}

/** The stored JSON list of event names, as the known names in it: a hand-edited row cannot subscribe to nonsense. */
export function eventsFrom(json: string): WebhookEventType[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter(isWebhookEventType) : [];
  } catch {
    return [];
  }
}

function selectEndpoints(db: Db) {
  return db
    .selectFrom('webhook_endpoints')
    .select(['id', 'url', 'description', 'events', 'failing_since', 'disabled_at', 'previous_secret_expires_at', 'created_at']);
}

type EndpointRow = Awaited<ReturnType<ReturnType<typeof selectEndpoints>['executeTakeFirstOrThrow']>>;

function toEndpoint(row: EndpointRow, now: Date): WebhookEndpoint {
  const previousUntil = toDateOrNull(row.previous_secret_expires_at);
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: eventsFrom(row.events),
    failingSince: toDateOrNull(row.failing_since),
    disabledAt: toDateOrNull(row.disabled_at),
    previousSecretUntil: previousUntil && previousUntil > now ? previousUntil : null,
    createdAt: toDate(row.created_at),
  };
}

export async function insertEndpoint(
  db: Db,
  endpoint: { url: string; description: string; events: readonly WebhookEventType[]; secret: string; createdBy: number | null; at: Date },
): Promise<number> {
  const { id } = await db
    .insertInto('webhook_endpoints')
    .values({
      url: endpoint.url,
      description: endpoint.description,
      events: JSON.stringify(endpoint.events),
      secret: endpoint.secret,
      previous_secret: null,
      previous_secret_expires_at: null,
      failing_since: null,
      disabled_at: null,
      created_by: endpoint.createdBy,
      created_at: toTimestamp(endpoint.at),
      updated_at: toTimestamp(endpoint.at),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Every endpoint, oldest first. */
export async function listEndpoints(db: Db, now: Date): Promise<WebhookEndpoint[]> {
  const rows = await selectEndpoints(db).orderBy('id', 'asc').execute();
  return rows.map((row) => toEndpoint(row, now));
}

export async function findEndpoint(db: Db, id: number, now: Date): Promise<WebhookEndpoint | undefined> {
  const row = await selectEndpoints(db).where('id', '=', id).executeTakeFirst();
  return row ? toEndpoint(row, now) : undefined;
}

/** The endpoints events are recorded for: those not disabled, with what they subscribe to. */
export async function listSubscribedEndpoints(db: Db): Promise<{ id: number; events: WebhookEventType[] }[]> {
  const rows = await db.selectFrom('webhook_endpoints').select(['id', 'events']).where('disabled_at', 'is', null).orderBy('id', 'asc').execute();
  return rows.map((row) => ({ id: row.id, events: eventsFrom(row.events) }));
}

export async function updateEndpoint(db: Db, id: number, change: { description: string; events: readonly WebhookEventType[]; at: Date }): Promise<boolean> {
  const result = await db
    .updateTable('webhook_endpoints')
    .set({ description: change.description, events: JSON.stringify(change.events), updated_at: toTimestamp(change.at) })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The new secret signs from now on; the one it replaces keeps signing beside it until `previousUntil`. */
export async function rotateEndpointSecret(db: Db, id: number, rotation: { secret: string; previousUntil: Date; at: Date }): Promise<boolean> {
  const result = await db
    .updateTable('webhook_endpoints')
    // An UPDATE reads the row as it was, so `previous_secret` gets the secret being replaced.
    .set((eb) => ({
      previous_secret: eb.ref('secret'),
      previous_secret_expires_at: toTimestamp(rotation.previousUntil),
      secret: rotation.secret,
      updated_at: toTimestamp(rotation.at),
    }))
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes the endpoint with its deliveries (the foreign key cascades). */
export async function deleteEndpoint(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Turns a disabled endpoint back on, its failures forgotten; false when it was not disabled. */
export async function enableEndpoint(db: Db, id: number, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('webhook_endpoints')
    .set({ disabled_at: null, failing_since: null, updated_at: toTimestamp(at) })
    .where('id', '=', id)
    .where('disabled_at', 'is not', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markEndpointSucceeded(db: Db, id: number): Promise<void> {
  await db.updateTable('webhook_endpoints').set({ failing_since: null }).where('id', '=', id).where('failing_since', 'is not', null).execute();
}

/** Notes a failure; returns since when the endpoint has been failing (this one, if it was succeeding). */
export async function markEndpointFailing(db: Db, id: number, at: Date): Promise<Date | undefined> {
  await db
    .updateTable('webhook_endpoints')
    .set({ failing_since: toTimestamp(at) })
    .where('id', '=', id)
    .where('failing_since', 'is', null)
    .execute();
  const row = await db.selectFrom('webhook_endpoints').select('failing_since').where('id', '=', id).executeTakeFirst();
  return row?.failing_since ? toDate(row.failing_since) : undefined;
}

/**
 * Disables the endpoint if it has been failing since `failingBefore` or earlier and is not disabled yet.
 * True only for the one caller that disabled it, so one worker of several tells the owners.
 */
export async function disableFailingEndpoint(db: Db, id: number, at: Date, failingBefore: Date): Promise<boolean> {
  const result = await db
    .updateTable('webhook_endpoints')
    .set({ disabled_at: toTimestamp(at), updated_at: toTimestamp(at) })
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .where('failing_since', '<=', toTimestamp(failingBefore))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * The owners' email addresses, to tell them an endpoint was disabled. The one read of the accounts'
 * table from here: accounts/ has no service that lists owners without a signed-in actor.
 */
export async function listOwnerEmails(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('users').select('email').where('role', '=', 'owner').orderBy('id', 'asc').execute();
  return rows.map((row) => row.email);
}
