import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../accounts/index.ts';
import { ConflictError, ForbiddenError, phrase, ValidationError } from '../../errors.ts';
import { rowIdParams } from '../../platform/route-schemas.ts';
import { formatDateTime } from '../../render/dates.ts';
import {
  deleteWebhookEndpoint,
  enableWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  registerWebhookEndpoint,
  resendWebhookDelivery,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  type WebhookDeps,
  type WebhookEndpoint,
} from '../../webhooks/index.ts';
import { type AdminContext, newsroomWords, requestMeta, requireStaff, sendAdminPage, staffOnly } from '../admin-context.ts';
import { NoticeQuery, type NoticeTable, noticeText, withNotice } from '../notices.ts';
import { type ListedDelivery, renderWebhookEndpointPage, type WebhookEndpointData } from './webhook-endpoint-page.tsx';
import { emptyWebhookForm, type WebhookFormState } from './webhook-form.tsx';
import { type ListedEndpoint, renderWebhookListPage } from './webhook-list-page.tsx';
import { renderWebhookDeletePage, renderWebhookSecretPage } from './webhook-secret-page.tsx';

const text = Type.Optional(Type.String({ maxLength: 10_000 }));
// Checkboxes: a browser sends `events` once per box ticked; one value arrives as an array too (Fastify coerces).
const EndpointBody = Type.Object({
  url: text,
  description: text,
  events: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })),
  _csrf: text,
});
type EndpointBody = Static<typeof EndpointBody>;
const CsrfBody = Type.Object({ _csrf: text });
const EndpointParams = rowIdParams('endpointId');
type EndpointParams = Static<typeof EndpointParams>;
const DeliveryParams = rowIdParams('endpointId', 'deliveryId');
type DeliveryParams = Static<typeof DeliveryParams>;

const notices = (words: ReturnType<typeof newsroomWords>): NoticeTable => ({
  saved: words.text('webhooks.saved'),
  enabled: words.text('webhooks.enabled'),
  resent: words.text('webhooks.resent'),
  deleted: words.text('webhooks.deleted'),
});

function formOf(body: EndpointBody | undefined): WebhookFormState['values'] {
  return { url: (body?.url ?? '').slice(0, 3000), description: (body?.description ?? '').slice(0, 1000), events: body?.events ?? [] };
}

/**
 * /admin/webhooks: owners and admins register endpoints (the secret shown once), change their events,
 * replace their secret, delete them, enable one turned off after 24 hours of failures, and see and resend
 * their latest deliveries.
 */
export const webhookRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const deps: WebhookDeps = { db: context.db, clock: context.site.clock, allowPrivateAddresses: context.allowPrivateWebhooks ?? false };
  app.addHook('preHandler', staffOnly);
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!can(requireStaff(request), 'manage-webhooks')) throw new ForbiddenError(phrase('webhooks.refusal.notAllowed'));
  });

  const words = () => newsroomWords(context);
  const listed = (endpoint: WebhookEndpoint): ListedEndpoint => {
    const since = endpoint.disabledAt ?? endpoint.failingSince;
    return { ...endpoint, sinceLabel: since ? formatDateTime(since, words()) : '' };
  };

  const showList = async (request: FastifyRequest, reply: FastifyReply, status: number, form: WebhookFormState, notice?: string) => {
    const endpoints = await listWebhookEndpoints(deps, requireStaff(request));
    return sendAdminPage(context, request, reply, status, renderWebhookListPage, { endpoints: endpoints.map(listed), form, notice });
  };

  const showEndpoint = async (
    request: FastifyRequest,
    reply: FastifyReply,
    endpointId: number,
    extra: { status?: number; form?: WebhookFormState; notice?: string; problem?: string } = {},
  ) => {
    const staff = requireStaff(request);
    const endpoint = await getWebhookEndpoint(deps, staff, endpointId);
    const dates = words();
    const deliveries: ListedDelivery[] = (await listWebhookDeliveries(deps, staff, endpointId)).map((delivery) => ({
      ...delivery,
      timeLabel: formatDateTime(delivery.lastAttemptAt ?? delivery.createdAt, dates),
      nextAttemptLabel: delivery.status === 'pending' && delivery.nextAttemptAt ? formatDateTime(delivery.nextAttemptAt, dates) : null,
    }));
    const data: WebhookEndpointData = {
      endpoint: { ...listed(endpoint), previousSecretLabel: endpoint.previousSecretUntil ? formatDateTime(endpoint.previousSecretUntil, dates) : null },
      deliveries,
      form: extra.form ?? { values: { url: endpoint.url, description: endpoint.description, events: endpoint.events }, errors: {} },
      notice: extra.notice,
      problem: extra.problem,
    };
    return sendAdminPage(context, request, reply, extra.status ?? 200, renderWebhookEndpointPage, data);
  };

  app.get<{ Querystring: NoticeQuery }>('/admin/webhooks', { schema: { querystring: NoticeQuery } }, (request, reply) =>
    showList(request, reply, 200, emptyWebhookForm, noticeText(notices(words()), request.query)),
  );

  app.post<{ Body: EndpointBody }>('/admin/webhooks', { schema: { body: EndpointBody }, preHandler: app.csrfProtection }, async (request, reply) => {
    const values = formOf(request.body);
    try {
      const { endpoint, secret } = await registerWebhookEndpoint(deps, requireStaff(request), values, requestMeta(request));
      return sendAdminPage(context, request, reply, 201, renderWebhookSecretPage, { endpointId: endpoint.id, url: endpoint.url, secret });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showList(request, reply, 422, { values, errors: error.fieldsIn(words()) });
    }
  });

  app.get<{ Params: EndpointParams; Querystring: NoticeQuery }>(
    '/admin/webhooks/:endpointId',
    { schema: { params: EndpointParams, querystring: NoticeQuery } },
    (request, reply) => showEndpoint(request, reply, request.params.endpointId, { notice: noticeText(notices(words()), request.query) }),
  );

  app.post<{ Params: EndpointParams; Body: EndpointBody }>(
    '/admin/webhooks/:endpointId',
    { schema: { params: EndpointParams, body: EndpointBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const { endpointId } = request.params;
      const values = formOf(request.body);
      try {
        await updateWebhookEndpoint(deps, requireStaff(request), endpointId, values, requestMeta(request));
        return reply.redirect(withNotice(`/admin/webhooks/${endpointId}`, 'saved'), 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return showEndpoint(request, reply, endpointId, { status: 422, form: { values, errors: error.fieldsIn(words()) } });
      }
    },
  );

  app.post<{ Params: EndpointParams }>(
    '/admin/webhooks/:endpointId/rotate',
    { schema: { params: EndpointParams, body: CsrfBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const { endpoint, secret } = await rotateWebhookSecret(deps, requireStaff(request), request.params.endpointId, requestMeta(request));
      const previousUntilLabel = formatDateTime(endpoint.previousSecretUntil ?? context.site.clock.now(), words());
      return sendAdminPage(context, request, reply, 200, renderWebhookSecretPage, { endpointId: endpoint.id, url: endpoint.url, secret, previousUntilLabel });
    },
  );

  app.post<{ Params: EndpointParams }>(
    '/admin/webhooks/:endpointId/enable',
    { schema: { params: EndpointParams, body: CsrfBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const { endpointId } = request.params;
      try {
        await enableWebhookEndpoint(deps, requireStaff(request), endpointId, requestMeta(request));
        return reply.redirect(withNotice(`/admin/webhooks/${endpointId}`, 'enabled'), 303);
      } catch (error) {
        // The address now leads somewhere the guard refuses: said on the page, the endpoint left off.
        if (!(error instanceof ValidationError)) throw error;
        return showEndpoint(request, reply, endpointId, { status: 422, problem: error.textIn(words()) });
      }
    },
  );

  app.get<{ Params: EndpointParams }>('/admin/webhooks/:endpointId/delete', { schema: { params: EndpointParams } }, async (request, reply) => {
    const endpoint = await getWebhookEndpoint(deps, requireStaff(request), request.params.endpointId);
    return sendAdminPage(context, request, reply, 200, renderWebhookDeletePage, { endpointId: endpoint.id, url: endpoint.url });
  });

  app.post<{ Params: EndpointParams }>(
    '/admin/webhooks/:endpointId/delete',
    { schema: { params: EndpointParams, body: CsrfBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      await deleteWebhookEndpoint(deps, requireStaff(request), request.params.endpointId, requestMeta(request));
      return reply.redirect(withNotice('/admin/webhooks', 'deleted'), 303);
    },
  );

  app.post<{ Params: DeliveryParams }>(
    '/admin/webhooks/:endpointId/deliveries/:deliveryId/resend',
    { schema: { params: DeliveryParams, body: CsrfBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const { endpointId, deliveryId } = request.params;
      try {
        await resendWebhookDelivery(deps, requireStaff(request), endpointId, deliveryId);
        return reply.redirect(withNotice(`/admin/webhooks/${endpointId}`, 'resent'), 303);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        return showEndpoint(request, reply, endpointId, { status: 409, problem: error.textIn(words()) });
      }
    },
  );
};
