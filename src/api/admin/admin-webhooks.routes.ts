import { type Static, type TSchema, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { sentenceIn } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import { rowIdParams } from '../../platform/route-schemas.ts';
import {
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  maxWebhookDescriptionLength,
  maxWebhookUrlLength,
  registerWebhookEndpoint,
  resendWebhookDelivery,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  type WebhookDelivery,
  type WebhookDeps,
  type WebhookEndpoint,
  webhookEventTypes,
} from '../../webhooks/index.ts';
import { apiRequestMeta } from '../api-audit.ts';
import { callerOf } from '../api-callers.ts';
import { problemResponses } from '../problem-details.ts';

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const dateTime = Type.String({ format: 'date-time' });
const EventName = Type.Union(webhookEventTypes.map((type) => Type.Literal(type)));

const WebhookEndpointJson = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  description: Type.String(),
  events: Type.Array(EventName),
  enabled: Type.Boolean({ description: 'False once it was turned off after 24 hours of failed deliveries.' }),
  failingSince: nullable(dateTime),
  disabledAt: nullable(dateTime),
  previousSecretUntil: nullable(Type.String({ format: 'date-time', description: 'Until when the secret before the last rotation still signs too.' })),
  createdAt: dateTime,
});

const WithSecret = Type.Object({
  ...WebhookEndpointJson.properties,
  secret: Type.String({ description: 'The signing secret ("whsec_…"), shown this once.' }),
});

const DeliveryJson = Type.Object({
  id: Type.Integer(),
  webhookId: Type.String({ description: 'The event\'s id, sent as the "webhook-id" header on every attempt.' }),
  type: Type.String(),
  status: Type.String({ examples: ['pending', 'delivered', 'failed'] }),
  attempts: Type.Integer(),
  createdAt: dateTime,
  lastAttemptAt: nullable(dateTime),
  responseStatus: nullable(Type.Integer()),
  problem: nullable(Type.String({ description: 'Why the last attempt failed.' })),
  nextAttemptAt: nullable(dateTime),
  deliveredAt: nullable(dateTime),
});

const RegisterBody = Type.Object(
  {
    url: Type.String({ maxLength: maxWebhookUrlLength, description: 'http or https; not on a private, loopback or link-local address.' }),
    events: Type.Array(Type.String({ maxLength: 50 }), { maxItems: webhookEventTypes.length * 2, description: webhookEventTypes.join(', ') }),
    description: Type.Optional(Type.String({ maxLength: maxWebhookDescriptionLength * 4 })),
  },
  { additionalProperties: false, examples: [{ url: 'https://hooks.example.org/gazette', events: ['article.published'], description: 'Newsletter' }] },
);
type RegisterBody = Static<typeof RegisterBody>;

const UpdateBody = Type.Object(
  {
    events: Type.Optional(RegisterBody.properties.events),
    description: Type.Optional(Type.String({ maxLength: maxWebhookDescriptionLength * 4 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
type UpdateBody = Static<typeof UpdateBody>;

const IdParams = rowIdParams('id');
type IdParams = Static<typeof IdParams>;
const DeliveryParams = rowIdParams('id', 'deliveryId');
type DeliveryParams = Static<typeof DeliveryParams>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

function endpointJson(endpoint: WebhookEndpoint): Static<typeof WebhookEndpointJson> {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    events: [...endpoint.events],
    enabled: endpoint.disabledAt === null,
    failingSince: iso(endpoint.failingSince),
    disabledAt: iso(endpoint.disabledAt),
    previousSecretUntil: iso(endpoint.previousSecretUntil),
    createdAt: endpoint.createdAt.toISOString(),
  };
}

function deliveryJson(delivery: WebhookDelivery): Static<typeof DeliveryJson> {
  return {
    id: delivery.id,
    webhookId: delivery.eventId,
    type: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    createdAt: delivery.createdAt.toISOString(),
    lastAttemptAt: iso(delivery.lastAttemptAt),
    responseStatus: delivery.responseStatus,
    problem: delivery.problem ? sentenceIn(delivery.problem) : null,
    nextAttemptAt: iso(delivery.nextAttemptAt),
    deliveredAt: iso(delivery.deliveredAt),
  };
}

/** What the webhook routes are given (the API's deps have more). */
export interface AdminWebhookDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly allowPrivateWebhooks: boolean;
}

const tags = ['Admin: Webhooks'];
const security = [{ token: [] }];

/** Webhook endpoints through the Admin API: the /admin/webhooks page's service, for owners and admins. */
export const adminWebhookRoutes: FastifyPluginAsync<AdminWebhookDeps> = async (app, deps) => {
  const webhookDeps: WebhookDeps = { db: deps.db, clock: deps.clock, allowPrivateAddresses: deps.allowPrivateWebhooks };

  app.get(
    '/webhooks',
    {
      schema: {
        tags,
        security,
        summary: 'List webhook endpoints',
        response: { 200: Type.Object({ webhooks: Type.Array(WebhookEndpointJson) }), ...problemResponses(401, 403) },
      },
    },
    async (request) => ({ webhooks: (await listWebhookEndpoints(webhookDeps, callerOf(request).user)).map(endpointJson) }),
  );

  app.post<{ Body: RegisterBody }>(
    '/webhooks',
    {
      schema: {
        tags,
        security,
        summary: 'Register a webhook endpoint',
        description: 'Answers with the endpoint and its signing secret, which is shown this once.',
        body: RegisterBody,
        response: { 201: WithSecret, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const { url, events, description = '' } = request.body;
      const { endpoint, secret } = await registerWebhookEndpoint(webhookDeps, callerOf(request).user, { url, events, description }, apiRequestMeta(request));
      return reply
        .code(201)
        .header('location', `${request.url.split('?')[0]}/${endpoint.id}`)
        .header('cache-control', 'no-store')
        .send({ ...endpointJson(endpoint), secret });
    },
  );

  app.get<{ Params: IdParams }>(
    '/webhooks/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Get a webhook endpoint and its recent deliveries',
        params: IdParams,
        response: { 200: Type.Object({ ...WebhookEndpointJson.properties, deliveries: Type.Array(DeliveryJson) }), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const endpoint = await getWebhookEndpoint(webhookDeps, user, request.params.id);
      const deliveries = await listWebhookDeliveries(webhookDeps, user, endpoint.id);
      return { ...endpointJson(endpoint), deliveries: deliveries.map(deliveryJson) };
    },
  );

  app.patch<{ Params: IdParams; Body: UpdateBody }>(
    '/webhooks/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change what an endpoint receives',
        params: IdParams,
        body: UpdateBody,
        response: { 200: WebhookEndpointJson, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const current = await getWebhookEndpoint(webhookDeps, user, request.params.id);
      const input = { events: request.body.events ?? current.events, description: request.body.description ?? current.description };
      return endpointJson(await updateWebhookEndpoint(webhookDeps, user, current.id, input, apiRequestMeta(request)));
    },
  );

  app.delete<{ Params: IdParams }>(
    '/webhooks/:id',
    { schema: { tags, security, summary: 'Delete a webhook endpoint', params: IdParams, response: { 204: Type.Null(), ...problemResponses(401, 403, 404) } } },
    async (request, reply) => {
      await deleteWebhookEndpoint(webhookDeps, callerOf(request).user, request.params.id, apiRequestMeta(request));
      return reply.code(204).send();
    },
  );

  app.post<{ Params: IdParams }>(
    '/webhooks/:id/rotate-secret',
    {
      schema: {
        tags,
        security,
        summary: 'Rotate the signing secret',
        description: 'Answers with the new secret, shown this once. The old one keeps signing beside it for 24 hours.',
        params: IdParams,
        response: { 200: WithSecret, ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { endpoint, secret } = await rotateWebhookSecret(webhookDeps, callerOf(request).user, request.params.id, apiRequestMeta(request));
      return reply.header('cache-control', 'no-store').send({ ...endpointJson(endpoint), secret });
    },
  );

  app.post<{ Params: DeliveryParams }>(
    '/webhooks/:id/deliveries/:deliveryId/resend',
    {
      schema: {
        tags,
        security,
        summary: 'Send a delivery again',
        description: 'The same event with the same webhook-id, at once, then retried for 24 hours.',
        params: DeliveryParams,
        response: { 202: Type.Object({ resent: Type.Literal(true) }), ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await resendWebhookDelivery(webhookDeps, callerOf(request).user, request.params.id, request.params.deliveryId);
      return reply.code(202).send({ resent: true });
    },
  );
};
