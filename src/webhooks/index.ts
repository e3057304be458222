// Webhooks: endpoints registered in the newsroom, the outbox written in each change's transaction, and the
// worker that delivers it, signed as the Standard Webhooks spec says. See docs/operations.md, "Webhooks".
export { maxWebhookUrlLength } from './address-guard.ts';
export { recordWebhookEvent } from './record-event.ts';
export type { WebhookDelivery } from './webhook-deliveries.queries.ts';
export { WebhookDeliverer, type WebhookDelivererDeps, type WebhookDelivererOptions } from './webhook-deliverer.ts';
export type { WebhookEndpoint } from './webhook-endpoints.queries.ts';
export { isWebhookEventType, type WebhookEventData, type WebhookEventType, webhookEventTypes } from './webhook-events.ts';
export {
  deleteWebhookEndpoint,
  enableWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  maxDescriptionLength as maxWebhookDescriptionLength,
  registerWebhookEndpoint,
  resendWebhookDelivery,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  type WebhookDeps,
  type WebhookEndpointInput,
} from './webhooks.service.ts';
