import { createHmac, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): `v1,` and the base64 HMAC-SHA256 of
 * `${webhook-id}.${webhook-timestamp}.${body}`, keyed with the secret's bytes. A receiver checks them
 * with the spec's own libraries (`new Webhook(secret).verify(body, headers)`).
 */

const secretPrefix = 'whsec_';
const secretBytes = 32;

/** A new endpoint secret in the spec's form: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `${secretPrefix}${randomBytes(secretBytes).toString('base64')}`;
}

/** The key bytes of a `whsec_…` secret. */
function keyOf(secret: string): Buffer {
  if (!secret.startsWith(secretPrefix)) throw new Error('A webhook secret starts with whsec_');
  return Buffer.from(secret.slice(secretPrefix.length), 'base64');
}

/** One `v1,<base64>` signature. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const signature = createHmac('sha256', keyOf(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${signature}`;
}

/**
 * The `webhook-signature` header: one signature per secret, space-separated. During a rotation both the new
 * and the previous secret sign, so a receiver still holding the old one keeps verifying for 24 hours.
 *
 * @example webhookSignatureHeader(['whsec_new…', 'whsec_old…'], 'msg_1', 1700000000, '{}') // 'v1,… v1,…'
 */
export function webhookSignatureHeader(secrets: readonly string[], id: string, timestampSeconds: number, body: string): string {
  return secrets.map((secret) => signWebhook(secret, id, timestampSeconds, body)).join(' ');
}
