import { type Phrase, phrase } from '../errors.ts';
import { type HostLookup, resolveWebhookTarget, WebhookAddressRefused } from './address-guard.ts';
import { postWebhook } from './http-post.ts';
import { webhookSignatureHeader } from './signing.ts';
import type { ClaimedDelivery } from './webhook-deliveries.queries.ts';

/** What one attempt came to: the receiver's answer, if it gave one, and why it failed, if it did. */
export type AttemptOutcome =
  | { readonly delivered: true; readonly responseStatus: number }
  | { readonly delivered: false; readonly responseStatus: number | null; readonly problem: Phrase }
  /** The worker stopped mid-request: not the receiver's failure, so no attempt is counted. */
  | { readonly delivered: false; readonly interrupted: true };

export interface AttemptSettings {
  readonly allowPrivateAddresses: boolean;
  readonly timeoutMs: number;
  readonly lookup?: HostLookup | undefined;
  /** Aborts every attempt in flight when the worker stops. */
  readonly stopping: AbortSignal;
}

/**
 * One attempt to send a delivery: the address checked (after DNS) and pinned, the body signed with the
 * endpoint's secrets as of `now` (the `webhook-timestamp`), POSTed with a timeout. Never throws: every
 * way it can go wrong is an outcome.
 */
export async function attemptDelivery(delivery: ClaimedDelivery, now: Date, settings: AttemptSettings): Promise<AttemptOutcome> {
  let responseStatus: number | null = null;
  // One controller, aborted by a timer of our own or by the worker stopping. (AbortSignal.any() over
  // AbortSignal.timeout() can let the garbage collector take the timeout before it fires, and the attempt
  // then waits for as long as the receiver likes.)
  const ended = new AbortController();
  const timer = setTimeout(() => ended.abort(new DOMException('The receiver took too long', 'TimeoutError')), settings.timeoutMs);
  const stop = () => ended.abort(settings.stopping.reason);
  settings.stopping.addEventListener('abort', stop, { once: true });
  if (settings.stopping.aborted) stop();
  try {
    const url = new URL(delivery.url);
    const target = await resolveWebhookTarget(url, { allowPrivate: settings.allowPrivateAddresses, lookup: settings.lookup });
    const timestamp = Math.floor(now.getTime() / 1000);
    const secrets = delivery.previousSecret ? [delivery.secret, delivery.previousSecret] : [delivery.secret];
    responseStatus = await postWebhook({
      url,
      target,
      body: delivery.payload,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Gazette-Webhooks/1.0',
        'webhook-id': delivery.eventId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': webhookSignatureHeader(secrets, delivery.eventId, timestamp, delivery.payload),
      },
      signal: ended.signal,
    });
    if (responseStatus >= 200 && responseStatus < 300) return { delivered: true, responseStatus };
    return { delivered: false, responseStatus, problem: phrase('webhooks.problem.status', { status: responseStatus }) };
  } catch (error) {
    if (settings.stopping.aborted) return { delivered: false, interrupted: true };
    return { delivered: false, responseStatus, problem: problemOf(error, settings.timeoutMs) };
  } finally {
    clearTimeout(timer);
    settings.stopping.removeEventListener('abort', stop);
  }
}

function problemOf(error: unknown, timeoutMs: number): Phrase {
  if (error instanceof WebhookAddressRefused) return error.problem;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return phrase('webhooks.problem.timeout', { seconds: Math.round(timeoutMs / 1000) });
  const code = (error as { code?: unknown } | null)?.code;
  return phrase('webhooks.problem.unreachable', { code: typeof code === 'string' ? code.slice(0, 40) : 'error' });
}
