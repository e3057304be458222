export { apiRoutes } from './api.plugin.ts';
export { webhookEventSources } from './webhook-payloads.ts';
