import type { AuditEntry, PendingInvitation, Role, TeamMember } from '../../accounts/index.ts';
import { CsrfField, ErrorSummary } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { AdminTable } from '../admin-table.tsx';
import { EmailField, type FormState } from './sign-in-pages.tsx';

export const roleDescriptions: Record<Role, string> = {
  owner: 'Owner: everything, including other owners',
  admin: 'Admin: everything except owners',
  editor: 'Editor: edits and publishes any article, moderates comments',
  author: 'Author: writes, edits and publishes their own articles',
  contributor: 'Contributor: writes drafts and submits them for review',
};

function RoleSelect({ name, id, value, options, label }: { name: string; id: string; value: string; options: readonly Role[]; label: string }) {
  return (
    <>
      <label for={id} class="visually-hidden">
        {label}
      </label>
      <select id={id} name={name}>
        {options.map((role) => (
          <option value={role} selected={role === value}>
            {roleDescriptions[role]}
          </option>
        ))}
      </select>
    </>
  );
}

export interface TeamPageData {
  readonly members: readonly (TeamMember & {
    readonly createdLabel: string;
    readonly isYou: boolean;
    /** Only for members of a lower role than the viewer's: handing on a reset link is taking the account over. */
    readonly mayReset: boolean;
  })[];
  readonly assignableRoles: readonly Role[];
  /** Invitations not used yet: who, as what, from whom, until when. */
  readonly invitations: readonly (PendingInvitation & { readonly expiresLabel: string })[];
  readonly invite: FormState;
  /** After an action: what happened (or why it was refused), and a link to hand over when no email could be sent. */
  readonly notice?: { readonly text: string; readonly link?: string; readonly isError?: boolean };
}

export function renderTeamPage(chrome: AdminChrome, data: TeamPageData): string {
  return renderDocument(
    <AdminDocument chrome={chrome} title="Team">
      <h1>Team</h1>
      {data.notice?.isError ? (
        <div class="form-message" role="alert">
          <p>{data.notice.text}</p>
        </div>
      ) : data.notice ? (
        <div class="form-message form-message--ok" role="status">
          <p>{data.notice.text}</p>
          {data.notice.link ? (
            <p>
              <code class="copy-link">{data.notice.link}</code>
            </p>
          ) : null}
        </div>
      ) : null}
      <AdminTable columns={['Name', 'Email', 'Role', 'Joined', 'Password']}>
        {data.members.map((member) => (
          <tr>
            <td>
              {member.name}
              {member.isYou ? <strong class="badge">You</strong> : null}
            </td>
            <td>{member.email}</td>
            <td>
              {member.isYou ? (
                roleDescriptions[member.role]
              ) : (
                <form method="post" action={`/admin/team/${member.id}/role`} class="inline-form">
                  <CsrfField token={chrome.csrfToken} />
                  <RoleSelect name="role" id={`role-${member.id}`} value={member.role} options={data.assignableRoles} label={`Role of ${member.name}`} />
                  <button type="submit" class="button">
                    Change role
                  </button>
                </form>
              )}
            </td>
            <td>{member.createdLabel}</td>
            <td>
              {member.mayReset ? (
                <form method="post" action="/admin/team/reset-link" class="inline-form">
                  <CsrfField token={chrome.csrfToken} />
                  <input type="hidden" name="email" value={member.email} />
                  <button type="submit" class="button">
                    Send reset link
                  </button>
                </form>
              ) : (
                'Through “Forgot your password?”'
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
      {data.invitations.length > 0 ? (
        <>
          <h2 id="invitations-heading">Waiting to join</h2>
          <AdminTable columns={['Email', 'Role', 'Invited by', 'Link valid until', 'Action']}>
            {data.invitations.map((invitation) => (
              <tr>
                <td>{invitation.email}</td>
                <td>{invitation.role}</td>
                <td>{invitation.invitedBy ?? 'a former member'}</td>
                <td>{invitation.expiresLabel}</td>
                <td>
                  <form method="post" action="/admin/team/invitations/withdraw">
                    <CsrfField token={chrome.csrfToken} />
                    <input type="hidden" name="invitation" value={invitation.tokenHash} />
                    <button type="submit" class="button button--danger">
                      Withdraw<span class="visually-hidden"> the invitation for {invitation.email}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </AdminTable>
        </>
      ) : null}
      <h2 id="invite-heading">Invite someone</h2>
      <ErrorSummary errors={data.invite.errors} labels={{ email: 'Email address', role: 'Role' }} />
      <form method="post" action="/admin/team/invite" class="admin-form admin-form--row" aria-labelledby="invite-heading" novalidate>
        <CsrfField token={chrome.csrfToken} />
        <EmailField form={data.invite} label="Email address" autocomplete="off" />
        <div class="field">
          <label for="field-role">Role</label>
          {data.invite.errors.role ? <p class="field__error">{data.invite.errors.role}</p> : null}
          <select id="field-role" name="role">
            {data.assignableRoles.map((role) => (
              <option value={role} selected={role === (data.invite.values.role ?? 'author')}>
                {roleDescriptions[role]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--primary">
          Create invitation link
        </button>
      </form>
    </AdminDocument>,
  );
}

export function renderAuditPage(chrome: AdminChrome, entries: readonly (AuditEntry & { readonly atLabel: string })[]): string {
  return renderDocument(
    <AdminDocument chrome={chrome} title="Audit log">
      <h1>Audit log</h1>
      <p class="admin-lede">Sign-ins, account changes and publishing, newest first.</p>
      <AdminTable columns={['When', 'Who', 'What', 'Concerning', 'From']}>
        {entries.map((entry) => (
          <tr>
            <td>
              <time datetime={entry.at.toISOString()}>{entry.atLabel}</time>
            </td>
            <td>{entry.actorName ?? '—'}</td>
            <td>{entry.action}</td>
            <td>{entry.subject}</td>
            <td>{entry.ip}</td>
          </tr>
        ))}
      </AdminTable>
    </AdminDocument>,
  );
}
