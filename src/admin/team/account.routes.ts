import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { confirmTwoStep, disableTwoStep, isTwoStepOn, listSessionsOf, newTwoStepSecret, signOutEverywhereElse, twoStepUri } from '../../accounts/index.ts';
import { RateLimitedError, ValidationError } from '../../errors.ts';
import { formatDateTime } from '../../render/dates.ts';
import { dateStyleOf } from '../../settings/index.ts';
import { renderAccountPage } from './account-page.tsx';
import { accountDeps, type AdminContext, requestMeta, requireSessionId, requireStaff, staffOnly, sendAdminPage } from '../admin-context.ts';
import { renderTwoStepSetupPage } from './two-step-pages.tsx';

function describeBrowser(userAgent: string): string {
  const browser = /(Firefox|Edg|Chrome|Safari)\/[\d.]+/.exec(userAgent)?.[1]?.replace('Edg', 'Edge') ?? 'Unknown browser';
  const system = /(Windows|Mac OS X|Android|iPhone|iPad|Linux)/.exec(userAgent)?.[1]?.replace('Mac OS X', 'macOS') ?? 'unknown system';
  return `${browser} on ${system}`;
}

/** The signed-in member's own account: sessions, two-step sign-in, signing out elsewhere. */
export const accountRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const deps = accountDeps(context);
  app.addHook('preHandler', staffOnly);

  const showAccount = async (request: FastifyRequest, reply: FastifyReply, notice?: string, twoStepError?: string, status = 200) => {
    const staff = requireStaff(request);
    const dateStyle = dateStyleOf(context.site.settings.current());
    const sessions = await listSessionsOf(deps, staff);
    return sendAdminPage(context, request, reply, status, renderAccountPage, {
      name: staff.name,
      email: staff.email,
      role: staff.role,
      ...(notice ? { notice } : {}),
      ...(twoStepError ? { twoStepError } : {}),
      twoStepOn: await isTwoStepOn(deps, staff),
      sessions: sessions.map((session) => ({
        isCurrent: session.id === request.staffSessionId,
        device: describeBrowser(session.userAgent),
        ip: session.ip,
        signedInLabel: formatDateTime(session.createdAt, dateStyle),
        lastSeenLabel: formatDateTime(session.lastSeenAt, dateStyle),
      })),
    });
  };

  app.get('/admin/account', (request, reply) => showAccount(request, reply));

  const CodeBody = Type.Object({
    code: Type.Optional(Type.String({ maxLength: 100 })),
    secret: Type.Optional(Type.String({ maxLength: 100 })),
    _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  });
  const showSetup = async (request: FastifyRequest, reply: FastifyReply, status: number, secret: string, errors: Record<string, string>) => {
    const uri = twoStepUri(requireStaff(request), context.site.settings.current().name, secret);
    return sendAdminPage(context, request, reply, status, renderTwoStepSetupPage, {
      secret,
      qrCodeDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 200 }),
      form: { values: {}, errors },
    });
  };

  app.get('/admin/account/two-step', async (request, reply) =>
    showSetup(request, reply, 200, newTwoStepSecret(requireStaff(request), context.site.settings.current().name).secret, {}),
  );

  app.post<{ Body: Static<typeof CodeBody> }>(
    '/admin/account/two-step',
    { schema: { body: CodeBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const secret = request.body?.secret ?? '';
      try {
        await confirmTwoStep(deps, requireStaff(request), secret, request.body?.code ?? '', requestMeta(request));
        return showAccount(request, reply, 'Two-step sign-in is on. Next time you sign in, have your authenticator app ready.');
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const reusable = /^[A-Z2-7]{32}$/.test(secret) ? secret : newTwoStepSecret(requireStaff(request), context.site.settings.current().name).secret;
        return showSetup(request, reply, 422, reusable, error.fields);
      }
    },
  );

  app.post<{ Body: Static<typeof CodeBody> }>(
    '/admin/account/two-step/off',
    { schema: { body: CodeBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      try {
        await disableTwoStep(deps, requireStaff(request), request.body?.code ?? '', requestMeta(request));
        return showAccount(request, reply, 'Two-step sign-in is off.');
      } catch (error) {
        if (!(error instanceof ValidationError || error instanceof RateLimitedError)) throw error;
        if (error instanceof RateLimitedError && error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
        return showAccount(request, reply, undefined, error.message, error.status);
      }
    },
  );

  app.post('/admin/account/sign-out-others', { preHandler: app.csrfProtection }, async (request, reply) => {
    await signOutEverywhereElse(deps, requireStaff(request), requireSessionId(request), requestMeta(request));
    return showAccount(request, reply, 'You are now signed out everywhere except this browser.');
  });
};
