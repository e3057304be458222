import type { FastifyPluginAsync } from 'fastify';
import { checkSetupToken, clearSessionCookie, completeSecondStep, createOwner, setSessionCookie, signIn, signOut } from '../accounts/index.ts';
import { GazetteError, ValidationError } from '../errors.ts';
import { type AdminContext, accountDeps, adminChrome, requestMeta, safeNextPath, sendHtml } from './admin-context.ts';
import { emptyForm, renderSetupPage, renderSignInPage } from './sign-in-pages.tsx';
import { renderSecondStepPage } from './two-step-pages.tsx';

/** Holds the half-finished sign-in between the password and the code; lives five minutes. */
const secondStepCookie = 'gazette_second_step';

const text = { type: 'string', maxLength: 10_000 } as const;
const signInBody = { type: 'object', properties: { email: text, password: text, next: text, _csrf: text } } as const;
const setupBody = { type: 'object', properties: { name: text, email: text, password: text, passwordAgain: text, _csrf: text } } as const;
const setupQuery = { type: 'object', required: ['token'], properties: { token: { type: 'string', maxLength: 100 } } } as const;

type Form = Record<string, string | undefined>;

/** Sign-in, first-run setup and sign-out: the newsroom pages a stranger may reach. */
export const signInRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const deps = accountDeps(context);
  // Slows password guessing from one address; the per-account lock stops it across addresses.
  const attemptLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

  app.get<{ Querystring: { next?: string } }>('/admin/login', async (request, reply) => {
    if (request.staff) return reply.redirect(safeNextPath(request.query.next), 303);
    return sendHtml(reply, 200, renderSignInPage(adminChrome(context, request, reply), emptyForm, safeNextPath(request.query.next)));
  });

  app.post<{ Body: Form }>(
    '/admin/login',
    { schema: { body: signInBody }, preHandler: app.csrfProtection, config: attemptLimit },
    async (request, reply) => {
      const { email = '', password = '', next } = request.body ?? {};
      try {
        const result = await signIn(deps, { email, password }, requestMeta(request));
        if ('secondStepToken' in result) {
          reply.setCookie(secondStepCookie, result.secondStepToken, { path: '/admin', httpOnly: true, sameSite: 'strict', secure: context.secureCookies, maxAge: 300 });
          return reply.redirect(`/admin/login/code?next=${encodeURIComponent(safeNextPath(next))}`, 303);
        }
        setSessionCookie(reply, result.sessionToken, context.secureCookies);
        return reply.redirect(safeNextPath(next), 303);
      } catch (error) {
        if (!(error instanceof GazetteError) || error.status >= 500) throw error;
        const form = { values: { email: email.slice(0, 254) }, errors: {}, message: error.message };
        return sendHtml(reply, error.status, renderSignInPage(adminChrome(context, request, reply), form, safeNextPath(next)));
      }
    },
  );

  app.get<{ Querystring: { next?: string } }>('/admin/login/code', async (request, reply) => {
    if (!request.cookies[secondStepCookie]) return reply.redirect('/admin/login', 303);
    return sendHtml(reply, 200, renderSecondStepPage(adminChrome(context, request, reply), emptyForm, safeNextPath(request.query.next)));
  });

  app.post<{ Body: Form }>(
    '/admin/login/code',
    { schema: { body: { type: 'object', properties: { code: text, next: text, _csrf: text } } }, preHandler: app.csrfProtection, config: attemptLimit },
    async (request, reply) => {
      const next = safeNextPath(request.body?.next);
      try {
        const signedIn = await completeSecondStep(deps, request.cookies[secondStepCookie] ?? '', request.body?.code ?? '', requestMeta(request));
        reply.clearCookie(secondStepCookie, { path: '/admin' });
        setSessionCookie(reply, signedIn.sessionToken, context.secureCookies);
        return reply.redirect(next, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return sendHtml(reply, 401, renderSecondStepPage(adminChrome(context, request, reply), { values: {}, errors: error.fields }, next));
      }
    },
  );

  app.get<{ Querystring: { token: string } }>('/admin/setup', { schema: { querystring: setupQuery } }, async (request, reply) => {
    await checkSetupToken(deps, request.query.token);
    return sendHtml(reply, 200, renderSetupPage(adminChrome(context, request, reply), emptyForm, request.query.token));
  });

  app.post<{ Querystring: { token: string }; Body: Form }>(
    '/admin/setup',
    { schema: { querystring: setupQuery, body: setupBody }, preHandler: app.csrfProtection, config: attemptLimit },
    async (request, reply) => {
      const { name = '', email = '', password = '', passwordAgain = '' } = request.body ?? {};
      try {
        const signedIn = await createOwner(deps, request.query.token, { name, email, password, passwordAgain }, requestMeta(request));
        setSessionCookie(reply, signedIn.sessionToken, context.secureCookies);
        return reply.redirect('/admin', 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const form = { values: { name: name.slice(0, 200), email: email.slice(0, 300) }, errors: error.fields };
        return sendHtml(reply, 422, renderSetupPage(adminChrome(context, request, reply), form, request.query.token));
      }
    },
  );

  app.post('/admin/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
    if (request.staff && request.staffSessionId) await signOut(deps, request.staff, request.staffSessionId, requestMeta(request));
    clearSessionCookie(reply, context.secureCookies);
    return reply.redirect('/admin/login', 303);
  });
};
