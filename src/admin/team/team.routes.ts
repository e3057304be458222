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
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import { PageQuery, rowIdParams } from '../../platform/route-schemas.ts';
import { formatDateTime } from '../../render/dates.ts';
import { dateStyleOf } from '../../settings/index.ts';
import { accountDeps, type AdminContext, requestMeta, requireStaff, staffOnly, sendAdminPage } from '../admin-context.ts';
import type { FormState } from './sign-in-pages.tsx';
import { renderAuditPage, renderTeamPage, type TeamPageData } from './team-pages.tsx';

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
    const assignableRoles: Role[] = staff.role === 'owner' ? [...roles] : roles.filter((role) => role !== 'owner');
    return sendAdminPage(context, request, reply, status, renderTeamPage, {
      members: members.map((member) => ({
        ...member,
        createdLabel: formatDateTime(member.createdAt, dateStyle),
        isYou: member.id === staff.id,
        mayReset: outranks(staff, member),
      })),
      assignableRoles,
      invitations: invitations.map((invitation) => ({ ...invitation, expiresLabel: formatDateTime(invitation.expiresAt, dateStyle) })),
      invite: extra.invite ?? { values: {}, errors: {} },
      ...(extra.notice ? { notice: extra.notice } : {}),
    });
  };

  /** Sends a link by email when SMTP is set up; otherwise the person who made it gets it to pass on. `to` is the stored address. */
  const deliver = async (to: string, subject: string, body: string, link: string) => {
    const delivery = await context.mailer.send({ to, subject, text: `${body}\n\n${link}\n` });
    return delivery === 'sent' ? { text: `Sent to ${to}.` } : { text: `No email is configured, so pass this link to ${to} yourself:`, link };
  };

  app.get('/admin/team', (request, reply) => showTeam(request, reply));

  app.post<{ Body: Static<typeof WithdrawBody> }>(
    '/admin/team/invitations/withdraw',
    { schema: { body: WithdrawBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      try {
        const withdrawn = await withdrawInvitation(deps, requireStaff(request), request.body.invitation, requestMeta(request));
        return showTeam(request, reply, 200, { notice: { text: `The invitation for ${withdrawn.email} was withdrawn: its link no longer works.` } });
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        return showTeam(request, reply, 404, { notice: { text: error.message, isError: true } });
      }
    },
  );

  app.post<{ Body: TeamBody }>('/admin/team/invite', { schema: { body: TeamBody }, preHandler: app.csrfProtection }, async (request, reply) => {
    const { email = '', role = '' } = request.body ?? {};
    try {
      const invitation = await inviteMember(deps, requireStaff(request), { email, role }, requestMeta(request));
      const link = `${context.site.publicUrl}/admin/invite?token=${invitation.token}`;
      const notice = await deliver(
        invitation.email,
        `You are invited to ${context.site.settings.current().name}`,
        'Open this link within 7 days to create your newsroom account:',
        link,
      );
      return showTeam(request, reply, 200, { notice });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const invite: FormState = { values: { email: email.slice(0, 300), role }, errors: error.fields };
      return showTeam(request, reply, 422, { invite });
    }
  });

  app.post<{ Params: IdParams; Body: TeamBody }>(
    '/admin/team/:userId/role',
    { schema: { params: IdParams, body: TeamBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const member = await changeRole(deps, requireStaff(request), request.params.userId, request.body?.role ?? '', requestMeta(request));
      return showTeam(request, reply, 200, { notice: { text: `${member.name} is now ${member.role}.` } });
    },
  );

  app.post<{ Body: TeamBody }>('/admin/team/reset-link', { schema: { body: TeamBody }, preHandler: app.csrfProtection }, async (request, reply) => {
    try {
      const reset = await createPasswordResetLink(deps, request.body?.email ?? '', requireStaff(request), requestMeta(request));
      if (!reset) return showTeam(request, reply, 404, { notice: { text: 'There is no team member with that email address.', isError: true } });
      const link = `${context.site.publicUrl}/admin/reset/new?token=${reset.token}`;
      const notice = await deliver(
        reset.email,
        `Set a new password for ${context.site.settings.current().name}`,
        'Open this link within an hour to set a new password:',
        link,
      );
      return showTeam(request, reply, 200, { notice });
    } catch (error) {
      if (!(error instanceof ForbiddenError)) throw error;
      return showTeam(request, reply, 403, { notice: { text: error.message, isError: true } });
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
