import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { insertDeliveries, insertEvent } from './webhook-deliveries.queries.ts';
import { listSubscribedEndpoints } from './webhook-endpoints.queries.ts';
import type { WebhookEventData, WebhookEventType } from './webhook-events.ts';
import { nudgeWebhookDeliverers } from './webhook-nudges.ts';

/** How long a delivery is retried before it is given up. */
export const retryWindowMs = 24 * 60 * 60 * 1000;

/**
 * A body larger than this is a mistake in the caller (a file, a list), not an event. It must hold the
 * longest article the newsroom accepts: 400,000 characters of body, up to four bytes each in UTF-8
 * (and a quote or backslash two in JSON), with the rest of the article around it.
 */
const maxPayloadBytes = 4 * 1024 * 1024;

/** A new webhook-id: `msg_` and 128 random bits, as the Standard Webhooks examples write them. */
function newEventId(): string {
  return `msg_${randomBytes(16).toString('base64url')}`;
}

/**
 * Records that `type` happened, for every enabled endpoint subscribed to it: the event in the outbox and
 * one pending delivery per endpoint. Call it with the transaction that makes the change, so the event
 * exists exactly when the change does (a rollback takes both back); the deliverer sends it once the
 * transaction commits, and again until the receiver answers 2xx.
 *
 * The body sent is `{"type": type, "timestamp": now (ISO 8601), "data": data}`; `data` may be a function,
 * called only when some endpoint wants the event, so a newsroom without webhooks reads nothing for them.
 * Returns the event's webhook-id, or undefined when no endpoint wants the event (nothing is written then).
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await publish(trx, article);
 *   await recordWebhookEvent(trx, 'article.published', { id: article.id, url: articleUrl(article) }, now);
 * });
 */
export async function recordWebhookEvent(
  db: Db,
  type: WebhookEventType,
  data: WebhookEventData | (() => Promise<WebhookEventData>),
  now: Date,
): Promise<string | undefined> {
  const endpointIds = (await listSubscribedEndpoints(db)).filter((endpoint) => endpoint.events.includes(type)).map((endpoint) => endpoint.id);
  if (endpointIds.length === 0) return undefined;
  const payload = JSON.stringify({ type, timestamp: now.toISOString(), data: typeof data === 'function' ? await data() : data });
  if (Buffer.byteLength(payload) > maxPayloadBytes) throw new Error(`A ${type} webhook event of ${Buffer.byteLength(payload)} bytes is too large to send`);
  const id = newEventId();
  await insertEvent(db, { id, type, payload, at: now });
  await insertDeliveries(db, id, endpointIds, now, new Date(now.getTime() + retryWindowMs));
  // The deliverer looks shortly, and again a little later, since this transaction may not have committed yet.
  nudgeWebhookDeliverers();
  return id;
}
