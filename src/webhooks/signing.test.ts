import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { newWebhookSecret, signWebhook, webhookSignatureHeader } from './signing.ts';

// The spec's own library is the judge: what it accepts, a receiver in any language accepts.
const body = JSON.stringify({ type: 'article.published', timestamp: '2026-12-08T10:00:00.000Z', data: { id: 7, headline: 'Ünïcödé “quotes”' } });
const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';

function headersAt(secrets: readonly string[], seconds = Math.floor(Date.now() / 1000)) {
  return { 'webhook-id': id, 'webhook-timestamp': String(seconds), 'webhook-signature': webhookSignatureHeader(secrets, id, seconds, body) };
}

test('a new secret is whsec_ and 32 random bytes in base64, different each time', () => {
  const secret = newWebhookSecret();
  assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
  assert.equal(Buffer.from(secret.slice(6), 'base64').length, 32);
  assert.notEqual(newWebhookSecret(), secret);
});

test('the standardwebhooks library verifies the signature and returns the body', () => {
  const secret = newWebhookSecret();
  assert.deepEqual(new Webhook(secret).verify(body, headersAt([secret])), JSON.parse(body));
});

test('the signature is the library’s own for the same id, time and body', () => {
  const secret = newWebhookSecret();
  const when = new Date('2026-12-08T10:00:00.000Z');
  assert.equal(signWebhook(secret, id, when.getTime() / 1000, body), new Webhook(secret).sign(id, when, body));
});

test('another secret, another body or another id does not verify', () => {
  const secret = newWebhookSecret();
  const headers = headersAt([secret]);
  assert.throws(() => new Webhook(newWebhookSecret()).verify(body, headers), WebhookVerificationError);
  assert.throws(() => new Webhook(secret).verify(body.replace('7', '8'), headers), WebhookVerificationError);
  assert.throws(() => new Webhook(secret).verify(body, { ...headers, 'webhook-id': 'msg_other' }), WebhookVerificationError);
});

test('during a rotation both secrets sign, space-separated, and each verifies alone', () => {
  const current = newWebhookSecret();
  const previous = newWebhookSecret();
  const headers = headersAt([current, previous]);
  assert.match(headers['webhook-signature'], /^v1,[A-Za-z0-9+/]{43}= v1,[A-Za-z0-9+/]{43}=$/);
  assert.deepEqual(new Webhook(current).verify(body, headers), JSON.parse(body));
  assert.deepEqual(new Webhook(previous).verify(body, headers), JSON.parse(body), 'a receiver still holding the old secret');
  assert.throws(() => new Webhook(newWebhookSecret()).verify(body, headers), WebhookVerificationError);
});

test('a timestamp from long ago is refused by the library, so a replayed request fails', () => {
  const secret = newWebhookSecret();
  assert.throws(() => new Webhook(secret).verify(body, headersAt([secret], Math.floor(Date.now() / 1000) - 3600)), /too old/);
});
