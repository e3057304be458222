import type { FastifyPluginAsync } from 'fastify';
import {
  acceptInvitation,
  checkPasswordResetLink,
  createPasswordResetLink,
  getInvitation,
  resetPassword,
  setSecondStepCookie,
  setSessionCookie,
} from '../../accounts/index.ts';
import { ValidationError } from '../../errors.ts';
import { siteWordsOf } from '../../settings/index.ts';
import { type AdminContext, accountDeps, newsroomWords, requestMeta, sendAdminPage } from '../admin-context.ts';
import { renderInvitationPage, renderNewPasswordPage, renderResetRequestPage } from './one-time-link-pages.tsx';
import { emptyForm } from './sign-in-pages.tsx';
import { AccountForm, TokenQuery } from './team-forms.ts';

/** Invitations and password resets: reached from a one-time link, before anyone is signed in. */
export const oneTimeLinkRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const deps = accountDeps(context);
  const attemptLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

  app.get<{ Querystring: TokenQuery }>('/admin/invite', { schema: { querystring: TokenQuery } }, async (request, reply) => {
    const invitation = await getInvitation(deps, request.query.token);
    return sendAdminPage(context, request, reply, 200, renderInvitationPage, emptyForm, invitation, request.query.token);
  });

  app.post<{ Querystring: TokenQuery; Body: AccountForm }>(
    '/admin/invite',
    { schema: { querystring: TokenQuery, body: AccountForm }, preHandler: app.csrfProtection, config: attemptLimit },
    async (request, reply) => {
      const { name = '', password = '', passwordAgain = '' } = request.body ?? {};
      const { token } = request.query;
      try {
        const signedIn = await acceptInvitation(deps, token, { name, password, passwordAgain }, requestMeta(request));
        setSessionCookie(reply, signedIn.sessionToken, context.secureCookies);
        return reply.redirect('/admin', 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const form = { values: { name: name.slice(0, 200) }, errors: error.fieldsIn(newsroomWords(context)) };
        return sendAdminPage(context, request, reply, 422, renderInvitationPage, form, await getInvitation(deps, token), token);
      }
    },
  );

  app.get('/admin/reset', async (request, reply) => sendAdminPage(context, request, reply, 200, renderResetRequestPage, emptyForm, false));

  // Always the same answer, so the form cannot be used to find out who works here.
  app.post<{ Body: AccountForm }>(
    '/admin/reset',
    { schema: { body: AccountForm }, preHandler: app.csrfProtection, config: { rateLimit: { max: 5, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const email = (request.body?.email ?? '').slice(0, 254);
      const link = await createPasswordResetLink(deps, email, null, requestMeta(request));
      if (link) {
        // In the site's language with the reader site's words, which speak more languages than the newsroom's pages.
        const settings = context.site.settings.current();
        const words = siteWordsOf(settings);
        await context.mailer.send({
          to: link.email,
          subject: words.text('email.reset.subject', { siteName: settings.name }),
          text: `${words.text('email.reset.asked')}\n\n${context.site.publicUrl}/admin/reset/new?token=${link.token}\n\n${words.text('email.reset.notYou')}`,
        });
      }
      return sendAdminPage(context, request, reply, 200, renderResetRequestPage, { values: { email }, errors: {} }, true);
    },
  );

  app.get<{ Querystring: TokenQuery }>('/admin/reset/new', { schema: { querystring: TokenQuery } }, async (request, reply) => {
    await checkPasswordResetLink(deps, request.query.token);
    return sendAdminPage(context, request, reply, 200, renderNewPasswordPage, emptyForm, request.query.token);
  });

  app.post<{ Querystring: TokenQuery; Body: AccountForm }>(
    '/admin/reset/new',
    { schema: { querystring: TokenQuery, body: AccountForm }, preHandler: app.csrfProtection, config: attemptLimit },
    async (request, reply) => {
      const { password = '', passwordAgain = '' } = request.body ?? {};
      try {
        const result = await resetPassword(deps, request.query.token, { password, passwordAgain }, requestMeta(request));
        if ('secondStepToken' in result) {
          setSecondStepCookie(reply, result.secondStepToken, context.secureCookies);
          return reply.redirect('/admin/login/code?next=%2Fadmin', 303);
        }
        setSessionCookie(reply, result.sessionToken, context.secureCookies);
        return reply.redirect('/admin', 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return sendAdminPage(
          context,
          request,
          reply,
          422,
          renderNewPasswordPage,
          { values: {}, errors: error.fieldsIn(newsroomWords(context)) },
          request.query.token,
        );
      }
    },
  );
};
