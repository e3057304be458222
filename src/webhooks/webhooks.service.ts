import type { Kysely } from 'kysely';
import { audit, can, type RequestMeta, type User } from '../accounts/index.ts';
import type { Database } from '../db/database.ts';
import { ConflictError, ForbiddenError, NotFoundError, type Phrase, phrase, ValidationError } from '../errors.ts';
import type { Clock } from '../platform/clock.ts';
import { hasControlCharacters } from '../platform/control-characters.ts';
import { type HostLookup, parseWebhookUrl, resolveWebhookTarget, WebhookAddressRefused } from './address-guard.ts';
import { retryWindowMs } from './record-event.ts';
import { newWebhookSecret } from './signing.ts';
import { listRecentDeliveries, resendDelivery, type WebhookDelivery } from './webhook-deliveries.queries.ts';
import {
  deleteEndpoint,
  enableEndpoint,
  findEndpoint,
  insertEndpoint,
  listEndpoints,
  rotateEndpointSecret,
  updateEndpoint,
  type WebhookEndpoint,
} from './webhook-endpoints.queries.ts';
import { isWebhookEventType, type WebhookEventType, webhookEventTypes } from './webhook-events.ts';
import { nudgeWebhookDeliverers } from './webhook-nudges.ts';

export interface WebhookDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  /** GAZETTE_WEBHOOKS_ALLOW_PRIVATE: endpoints on loopback and private networks are accepted (tests, private networks). */
  readonly allowPrivateAddresses: boolean;
  /** Resolves host names; the system's DNS unless given. */
  readonly lookup?: HostLookup;
}

export const maxDescriptionLength = 200;
export const maxEndpoints = 50;
/** How long the secret a rotation replaces keeps signing beside the new one. */
const rotationOverlapMs = 24 * 60 * 60 * 1000;

const messages = {
  notAllowed: phrase('webhooks.refusal.notAllowed'),
  notFound: phrase('webhooks.refusal.notFound'),
  hasErrors: phrase('webhooks.refusal.hasErrors'),
  noEvents: phrase('webhooks.refusal.noEvents'),
  unknownEvent: phrase('webhooks.refusal.unknownEvent'),
  descriptionTooLong: phrase('webhooks.refusal.descriptionTooLong', { max: maxDescriptionLength }),
  descriptionControls: phrase('webhooks.refusal.descriptionControls'),
  tooMany: phrase('webhooks.refusal.tooMany', { max: maxEndpoints }),
  deliveryNotFound: phrase('webhooks.refusal.deliveryNotFound'),
  resendDisabled: phrase('webhooks.refusal.resendDisabled'),
};

/** What the newsroom (or the Admin API) sends to register an endpoint or change one. */
export interface WebhookEndpointInput {
  readonly url: string;
  readonly events: readonly string[];
  readonly description: string;
}

function requireManager(actor: User): void {
  if (!can(actor, 'manage-webhooks')) throw new ForbiddenError(messages.notAllowed);
}

/** The events and description, checked; problems by field. */
function checkDetails(input: Omit<WebhookEndpointInput, 'url'>, problems: Record<string, Phrase>): { events: WebhookEventType[]; description: string } {
  const chosen = new Set(input.events);
  if (chosen.size === 0) problems.events = messages.noEvents;
  else if (![...chosen].every(isWebhookEventType)) problems.events = messages.unknownEvent;
  const description = input.description.trim();
  if (description.length > maxDescriptionLength) problems.description = messages.descriptionTooLong;
  else if (hasControlCharacters(description, 'line')) problems.description = messages.descriptionControls;
  // In the list's order, whatever order they came in.
  return { events: webhookEventTypes.filter((type) => chosen.has(type)), description };
}

/** The typed address as it will be stored, after the SSRF guard has looked where it leads now. */
async function checkUrl(deps: WebhookDeps, typed: string, problems: Record<string, Phrase>): Promise<string> {
  const parsed = parseWebhookUrl(typed);
  if ('problem' in parsed) {
    problems.url = parsed.problem;
    return typed;
  }
  try {
    await resolveWebhookTarget(parsed.url, { allowPrivate: deps.allowPrivateAddresses, ...(deps.lookup ? { lookup: deps.lookup } : {}) });
  } catch (error) {
    if (!(error instanceof WebhookAddressRefused)) throw error;
    problems.url = error.problem;
  }
  return parsed.url.href;
}

async function getEndpoint(deps: WebhookDeps, id: number): Promise<WebhookEndpoint> {
  const endpoint = await findEndpoint(deps.db, id, deps.clock.now());
  if (!endpoint) throw new NotFoundError(messages.notFound);
  return endpoint;
}

/**
 * Registers an endpoint; its secret is returned this once (to show, never to store elsewhere).
 * Throws `ValidationError` with `url`, `events` and `description` problems; an address the SSRF guard
 * refuses is a `url` problem saying why.
 */
export async function registerWebhookEndpoint(
  deps: WebhookDeps,
  actor: User,
  input: WebhookEndpointInput,
  meta: RequestMeta,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  requireManager(actor);
  const problems: Record<string, Phrase> = {};
  const url = await checkUrl(deps, input.url, problems);
  const details = checkDetails(input, problems);
  if (Object.keys(problems).length > 0) throw new ValidationError(messages.hasErrors, problems);
  const now = deps.clock.now();
  if ((await listEndpoints(deps.db, now)).length >= maxEndpoints) throw new ValidationError(messages.tooMany, { url: messages.tooMany });
  const secret = newWebhookSecret();
  const id = await insertEndpoint(deps.db, { url, ...details, secret, createdBy: actor.id, at: now });
  await audit(deps, actor, 'webhook.registered', url, meta);
  return { endpoint: await getEndpoint(deps, id), secret };
}

/** Changes what an endpoint receives and its description; its address and secret stay. */
export async function updateWebhookEndpoint(
  deps: WebhookDeps,
  actor: User,
  id: number,
  input: Omit<WebhookEndpointInput, 'url'>,
  meta: RequestMeta,
): Promise<WebhookEndpoint> {
  requireManager(actor);
  const endpoint = await getEndpoint(deps, id);
  const problems: Record<string, Phrase> = {};
  const details = checkDetails(input, problems);
  if (Object.keys(problems).length > 0) throw new ValidationError(messages.hasErrors, problems);
  await updateEndpoint(deps.db, id, { ...details, at: deps.clock.now() });
  await audit(deps, actor, 'webhook.changed', endpoint.url, meta);
  return getEndpoint(deps, id);
}

/**
 * A new secret, returned this once. The one it replaces keeps signing beside it for 24 hours, so the
 * receiver can switch without failing a delivery.
 */
export async function rotateWebhookSecret(
  deps: WebhookDeps,
  actor: User,
  id: number,
  meta: RequestMeta,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  requireManager(actor);
  const endpoint = await getEndpoint(deps, id);
  const now = deps.clock.now();
  const secret = newWebhookSecret();
  await rotateEndpointSecret(deps.db, id, { secret, previousUntil: new Date(now.getTime() + rotationOverlapMs), at: now });
  await audit(deps, actor, 'webhook.secret-rotated', endpoint.url, meta);
  return { endpoint: await getEndpoint(deps, id), secret };
}

/** Deletes an endpoint with its delivery history; nothing more is sent to it. */
export async function deleteWebhookEndpoint(deps: WebhookDeps, actor: User, id: number, meta: RequestMeta): Promise<WebhookEndpoint> {
  requireManager(actor);
  const endpoint = await getEndpoint(deps, id);
  await deleteEndpoint(deps.db, id);
  await audit(deps, actor, 'webhook.deleted', endpoint.url, meta);
  return endpoint;
}

/** Turns an endpoint disabled after 24 hours of failures back on. Its address is checked again first. */
export async function enableWebhookEndpoint(deps: WebhookDeps, actor: User, id: number, meta: RequestMeta): Promise<WebhookEndpoint> {
  requireManager(actor);
  const endpoint = await getEndpoint(deps, id);
  if (endpoint.disabledAt) {
    const problems: Record<string, Phrase> = {};
    await checkUrl(deps, endpoint.url, problems);
    if (problems.url) throw new ValidationError(problems.url, problems);
    await enableEndpoint(deps.db, id, deps.clock.now());
    await audit(deps, actor, 'webhook.enabled', endpoint.url, meta);
  }
  return getEndpoint(deps, id);
}

export async function listWebhookEndpoints(deps: WebhookDeps, actor: User): Promise<WebhookEndpoint[]> {
  requireManager(actor);
  return listEndpoints(deps.db, deps.clock.now());
}

export async function getWebhookEndpoint(deps: WebhookDeps, actor: User, id: number): Promise<WebhookEndpoint> {
  requireManager(actor);
  return getEndpoint(deps, id);
}

/** An endpoint's latest deliveries, newest first. */
export async function listWebhookDeliveries(deps: WebhookDeps, actor: User, id: number, limit = 20): Promise<WebhookDelivery[]> {
  requireManager(actor);
  await getEndpoint(deps, id);
  return listRecentDeliveries(deps.db, id, limit);
}

/** Sends a delivery again (same event, same webhook-id), at once and then retried for 24 hours. */
export async function resendWebhookDelivery(deps: WebhookDeps, actor: User, endpointId: number, deliveryId: number): Promise<void> {
  requireManager(actor);
  const endpoint = await getEndpoint(deps, endpointId);
  if (endpoint.disabledAt) throw new ConflictError(messages.resendDisabled);
  const now = deps.clock.now();
  if (!(await resendDelivery(deps.db, endpointId, deliveryId, now, new Date(now.getTime() + retryWindowMs))))
    throw new NotFoundError(messages.deliveryNotFound);
  nudgeWebhookDeliverers();
}
