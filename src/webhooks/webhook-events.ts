/** What a receiver can subscribe to; the names are the `type` of the body, fixed once published. */
export const webhookEventTypes = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'article.trashed',
  'comment.created',
  'comment.approved',
  'media.created',
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === 'string' && (webhookEventTypes as readonly string[]).includes(value);
}

/** The `data` of an event: plain JSON, as the services describe what changed (ids, URLs, titles). */
export type WebhookEventData = Readonly<Record<string, unknown>>;
