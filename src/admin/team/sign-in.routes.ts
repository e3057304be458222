import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import {
  checkSetupToken,
  clearSecondStepCookie,
  clearSessionCookie,
  completeSecondStep,
  createOwner,
  secondStepCookie,
  setSecondStepCookie,
  setSessionCookie,
  signIn,
  signOut,
} from '../../accounts/index.ts';
import { GazetteError, RateLimitedError, ValidationError } from '../../errors.ts';
import { type AdminContext, accountDeps, newsroomWords, requestMeta, safeNextPath, sendAdminPage } from '../admin-context.ts';
import { emptyForm, renderSetupPage, renderSignInPage } from './sign-in-pages.tsx';
import { AccountForm, CodeForm, SignInForm, TokenQuery } from './team-forms.ts';
import { renderSecondStepPage } from './two-step-pages.tsx';

/** An expected refusal (wrong password, too many tries, a spent sign-in), or undefined for anything else. */
function refusal(error: unknown, reply: FastifyReply): GazetteError | undefined {
  if (!(error instanceof GazetteError) || error.status >= 500) return undefined;
  if (error instanceof RateLimitedError && error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
  return error;
}

/** Sign-in, first-run setup and sign-out: the newsroom pages a stranger may reach. */
export const signInRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const deps = accountDeps(context);
  // A first brake per instance; the throttling kept in the database (accounts/sign-in-throttle.ts) is the real one.
  const attemptLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

  app.get<{ Querystring: { next?: string } }>('/admin/login', async (request, reply) => {
    if (request.staff) return reply.redirect(safeNextPath(request.query.next), 303);
    return sendAdminPage(context, request, reply, 200, renderSignInPage, emptyForm, safeNextPath(request.query.next));
  });

  app.post<{ Body: SignInForm }>(
    '/admin/login',
    { schema: { body: SignInForm }, preHandler: app.csrfProtection, config: attemptLimit },
    async (request, reply) => {
      const { email = '', password = '', next } = request.body ?? {};
      try {
        const result = await signIn(deps, { email, password }, requestMeta(request));
        if ('secondStepToken' in result) {
          setSecondStepCookie(reply, result.secondStepToken, context.secureCookies);
          return reply.redirect(`/admin/login/code?next=${encodeURIComponent(safeNextPath(next))}`, 303);
        }
        setSessionCookie(reply, result.sessionToken, context.secureCookies);
        return reply.redirect(safeNextPath(next), 303);
      } catch (error) {
        const refused = refusal(error, reply);
        if (!refused) throw error;
        const form = { values: { email: email.slice(0, 254) }, errors: {}, message: refused.textIn(newsroomWords(context)) };
        return sendAdminPage(context, request, reply, refused.status, renderSignInPage, form, safeNextPath(next));
      }
    },
  );

  app.get<{ Querystring: { next?: string } }>('/admin/login/code', async (request, reply) => {
    if (!request.cookies[secondStepCookie]) return reply.redirect('/admin/login', 303);
    return sendAdminPage(context, request, reply, 200, renderSecondStepPage, emptyForm, safeNextPath(request.query.next));
  });

  app.post<{ Body: CodeForm }>(
    '/admin/login/code',
    { schema: { body: CodeForm }, preHandler: app.csrfProtection, config: attemptLimit },
    async (request, reply) => {
      const next = safeNextPath(request.body?.next);
      try {
        const signedIn = await completeSecondStep(deps, request.cookies[secondStepCookie] ?? '', request.body?.code ?? '', requestMeta(request));
        clearSecondStepCookie(reply, context.secureCookies);
        setSessionCookie(reply, signedIn.sessionToken, context.secureCookies);
        return reply.redirect(next, 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          return sendAdminPage(context, request, reply, 401, renderSecondStepPage, { values: {}, errors: error.fieldsIn(newsroomWords(context)) }, next);
        }
        // The half-finished sign-in is over (spent, expired or paused): back to the password.
        const refused = refusal(error, reply);
        if (!refused) throw error;
        clearSecondStepCookie(reply, context.secureCookies);
        return sendAdminPage(
          context,
          request,
          reply,
          refused.status,
          renderSignInPage,
          { ...emptyForm, message: refused.textIn(newsroomWords(context)) },
          next,
        );
      }
    },
  );

  app.get<{ Querystring: TokenQuery }>('/admin/setup', { schema: { querystring: TokenQuery } }, async (request, reply) => {
    await checkSetupToken(deps, request.query.token);
    return sendAdminPage(context, request, reply, 200, renderSetupPage, emptyForm, request.query.token);
  });

  app.post<{ Querystring: TokenQuery; Body: AccountForm }>(
    '/admin/setup',
    { schema: { querystring: TokenQuery, body: AccountForm }, preHandler: app.csrfProtection, config: attemptLimit },
    async (request, reply) => {
      const { name = '', email = '', password = '', passwordAgain = '' } = request.body ?? {};
      try {
        const signedIn = await createOwner(deps, request.query.token, { name, email, password, passwordAgain }, requestMeta(request));
        setSessionCookie(reply, signedIn.sessionToken, context.secureCookies);
        return reply.redirect('/admin', 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const form = { values: { name: name.slice(0, 200), email: email.slice(0, 300) }, errors: error.fieldsIn(newsroomWords(context)) };
        return sendAdminPage(context, request, reply, 422, renderSetupPage, form, request.query.token);
      }
    },
  );

  app.post('/admin/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
    if (request.staff && request.staffSessionId) await signOut(deps, request.staff, request.staffSessionId, requestMeta(request));
    clearSessionCookie(reply, context.secureCookies);
    return reply.redirect('/admin/login', 303);
  });
};
