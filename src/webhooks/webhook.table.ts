import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../db/column-types.ts';

/** A receiver registered in the newsroom: where events go and the secret that signs them. */
export interface WebhookEndpointTable {
  id: Generated<number>;
  url: string;
  description: Generated<string>;
  /** A JSON array of event names. */
  events: string;
  /** `whsec_` and the base64 of the key, as the Standard Webhooks spec writes it. */
  secret: string;
  /** The secret before the last rotation, still signing until `previous_secret_expires_at`. */
  previous_secret: string | null;
  previous_secret_expires_at: NullableTimestamp;
  /** The first failure since the last success; null while deliveries succeed. */
  failing_since: NullableTimestamp;
  disabled_at: NullableTimestamp;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The outbox: one row per event, written in the transaction of the change it tells of. */
export interface WebhookEventTable {
  /** The `webhook-id` of every attempt, e.g. `msg_…`. */
  id: string;
  type: string;
  /** The exact JSON body sent. */
  payload: string;
  created_at: Timestamp;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event for one endpoint, with its attempts so far and, while a worker sends it, that worker's lease. */
export interface WebhookDeliveryTable {
  id: Generated<number>;
  event_id: string;
  endpoint_id: number;
  status: WebhookDeliveryStatus;
  attempts: Generated<number>;
  next_attempt_at: NullableTimestamp;
  /** When retrying stops: 24 hours after the event (or after a resend). */
  retry_until: Timestamp;
  lease_owner: string | null;
  lease_until: NullableTimestamp;
  last_attempt_at: NullableTimestamp;
  response_status: number | null;
  /** A `{ key, values }` phrase (JSON) saying why the last attempt failed. */
  last_error: string | null;
  delivered_at: NullableTimestamp;
  created_at: Timestamp;
}
