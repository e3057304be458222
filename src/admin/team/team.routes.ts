import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  changeRole,
  createPasswordResetLink,
  inviteMember,
  listAuditLog,
  listInvitations,
  listTeam,
  outranks,
  type Role,
  roles,
  withdrawInvitation,
} from '../../accounts/index.ts';
import { listAuthorsForLinking } from '../../authors/index.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import { PageQuery, rowIdParams } from '../../platform/route-schemas.ts';
import { formatDateTime } from '../../render/dates.ts';
import { dateStyleOf, siteWordsOf } from '../../settings/index.ts';
import { accountDeps, type AdminContext, newsroomWords, requestMeta, requireStaff, staffOnly, sendAdminPage } from '../admin-context.ts';
import type { FormState } from './sign-in-pages.tsx';
import { renderAuditPage, renderTeamPage, roleName, type TeamPageData } from './team-pages.tsx';

const text = Type.Optional(Type.String({ maxLength: 10_000 }));
const TeamBody = Type.Object({ email: text, role: text, _csrf: text });
const WithdrawBody = Type.Object({ invitation: Type.String({ maxLength: 200 }), _csrf: text });
type TeamBody = Static<typeof TeamBody>;
const IdParams = rowIdParams('userId');
type IdParams = Static<typeof IdParams>;

/** The team page (members, roles, invitations, reset links) and the audit log. Owners and admins only. */
export const teamRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const deps = accountDeps(context);
  app.addHook('preHandler', staffOnly);

  const showTeam = async (request: FastifyRequest, reply: FastifyReply, status = 200, extra: Partial<Pick<TeamPageData, 'invite' | 'notice'>> = {}) => {
    const staff = requireStaff(request);
    const dateStyle = dateStyleOf(context.site.settings.current());
    const [members, invitations] = await Promise.all([listTeam(deps, staff), listInvitations(deps, staff)]);
    const bylines = new Map(
      (await listAuthorsForLinking(context.db)).flatMap((author) => (author.linkedTo ? [[author.linkedTo.userId, author.name] as const] : [])),
    );
    const assignableRoles: Role[] = staff.role === 'owner' ? [...roles] : roles.filter((role) => role !== 'owner');
    return sendAdminPage(context, request, reply, status, renderTeamPage, {
      members: members.map((member) => ({
        ...member,
        createdLabel: formatDateTime(member.createdAt, dateStyle),
        isYou: member.id === staff.id,
        mayReset: outranks(staff, member),
        bylineName: bylines.get(member.id) ?? null,
      })),
      assignableRoles,
      invitations: invitations.map((invitation) => ({ ...invitation, expiresLabel: formatDateTime(invitation.expiresAt, dateStyle) })),
      invite: extra.invite ?? { values: {}, errors: {} },
      ...(extra.notice ? { notice: extra.notice } : {}),
    });
  };

  /**
   * Sends a link by email when SMTP is set up; otherwise the person who made it gets it to pass on. `to` is the stored address.
   * The email is in the site's language with the reader site's words; the notice on this page in the newsroom's.
   */
  const deliver = async (to: string, subject: string, body: string, link: string) => {
    const delivery = await context.mailer.send({ to, subject, text: `${body}\n\n${link}\n` });
    const words = newsroomWords(context);
    return delivery === 'sent' ? { text: words.text('team.sentTo', { email: to }) } : { text: words.text('team.passLinkOn', { email: to }), link };
  };

  app.get('/admin/team', (request, reply) => showTeam(request, reply));

  app.post<{ Body: Static<typeof WithdrawBody> }>(
    '/admin/team/invitations/withdraw',
    { schema: { body: WithdrawBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      try {
        const withdrawn = await withdrawInvitation(deps, requireStaff(request), request.body.invitation, requestMeta(request));
        const text = newsroomWords(context).text('team.invitationWithdrawn', { email: withdrawn.email });
        return showTeam(request, reply, 200, { notice: { text } });
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        return showTeam(request, reply, 404, { notice: { text: error.textIn(newsroomWords(context)), isError: true } });
      }
    },
  );

  app.post<{ Body: TeamBody }>('/admin/team/invite', { schema: { body: TeamBody }, preHandler: app.csrfProtection }, async (request, reply) => {
    const { email = '', role = '' } = request.body ?? {};
    try {
      const invitation = await inviteMember(deps, requireStaff(request), { email, role }, requestMeta(request));
      const link = `${context.site.publicUrl}/admin/invite?token=${invitation.token}`;
      const settings = context.site.settings.current();
      const words = siteWordsOf(settings);
      const notice = await deliver(invitation.email, words.text('email.invite.subject', { siteName: settings.name }), words.text('email.invite.body'), link);
      return showTeam(request, reply, 200, { notice });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const invite: FormState = { values: { email: email.slice(0, 300), role }, errors: error.fieldsIn(newsroomWords(context)) };
      return showTeam(request, reply, 422, { invite });
    }
  });

  app.post<{ Params: IdParams; Body: TeamBody }>(
    '/admin/team/:userId/role',
    { schema: { params: IdParams, body: TeamBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const member = await changeRole(deps, requireStaff(request), request.params.userId, request.body?.role ?? '', requestMeta(request));
      const words = newsroomWords(context);
      return showTeam(request, reply, 200, { notice: { text: words.text('team.roleChanged', { name: member.name, role: roleName(words, member.role) }) } });
    },
  );

  app.post<{ Body: TeamBody }>('/admin/team/reset-link', { schema: { body: TeamBody }, preHandler: app.csrfProtection }, async (request, reply) => {
    try {
      const reset = await createPasswordResetLink(deps, request.body?.email ?? '', requireStaff(request), requestMeta(request));
      if (!reset) return showTeam(request, reply, 404, { notice: { text: newsroomWords(context).text('team.noSuchMember'), isError: true } });
      const link = `${context.site.publicUrl}/admin/reset/new?token=${reset.token}`;
      const settings = context.site.settings.current();
      const words = siteWordsOf(settings);
      const notice = await deliver(reset.email, words.text('email.reset.subject', { siteName: settings.name }), words.text('email.reset.body'), link);
      return showTeam(request, reply, 200, { notice });
    } catch (error) {
      if (!(error instanceof ForbiddenError)) throw error;
      return showTeam(request, reply, 403, { notice: { text: error.textIn(newsroomWords(context)), isError: true } });
    }
  });

  app.get<{ Querystring: PageQuery }>('/admin/audit', { schema: { querystring: PageQuery } }, async (request, reply) => {
    const dateStyle = dateStyleOf(context.site.settings.current());
    const entries = await listAuditLog(deps, requireStaff(request), request.query.page, 100);
    return sendAdminPage(
      context,
      request,
      reply,
      200,
      renderAuditPage,
      entries.map((entry) => ({ ...entry, atLabel: formatDateTime(entry.at, dateStyle) })),
    );
  });
};
