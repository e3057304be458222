import type { AuditEntry, PendingInvitation, Role, TeamMember } from '../../accounts/index.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { CsrfField, ErrorSummary } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { AdminTable } from '../admin-table.tsx';
import { EmailField, type FormState, problemTitle } from './sign-in-pages.tsx';

const roleDescriptionKeys = {
  owner: 'team.roleOwnerDescription',
  admin: 'team.roleAdminDescription',
  editor: 'team.roleEditorDescription',
  author: 'team.roleAuthorDescription',
  contributor: 'team.roleContributorDescription',
} as const satisfies Record<Role, NewsroomKey>;

/** What a role may do, as the role pickers and the invitation page say it: "Editor: edits and publishes any article, …". */
export function roleDescription(words: Translator<NewsroomKey>, role: Role): string {
  return words.text(roleDescriptionKeys[role]);
}

/** A role's name alone ("author"), in the newsroom bar's words. */
export function roleName(words: Translator<NewsroomKey>, role: Role): string {
  return words.text(`role.${role}`);
}

const visuallyHidden = (chunks: unknown) => <span class="visually-hidden">{chunks}</span>;

function RoleSelect({
  name,
  id,
  value,
  options,
  label,
  words,
}: {
  name: string;
  id: string;
  value: string;
  options: readonly Role[];
  label: string;
  words: Translator<NewsroomKey>;
}) {
  return (
    <>
      <label for={id} class="visually-hidden">
        {label}
      </label>
      <select id={id} name={name}>
        {options.map((role) => (
          <option value={role} selected={role === value}>
            {roleDescription(words, role)}
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
    /** The name of the author profile they write under, if any. */
    readonly bylineName: string | null;
  })[];
  readonly assignableRoles: readonly Role[];
  /** Invitations not used yet: who, as what, from whom, until when. */
  readonly invitations: readonly (PendingInvitation & { readonly expiresLabel: string })[];
  readonly invite: FormState;
  /** After an action: what happened (or why it was refused), and a link to hand over when no email could be sent. */
  readonly notice?: { readonly text: string; readonly link?: string; readonly isError?: boolean };
}

export function renderTeamPage(chrome: AdminChrome, data: TeamPageData): string {
  const words = chrome.words;
  const columns = ['team.name', 'team.email', 'team.role', 'team.bylineColumn', 'team.joinedColumn', 'team.passwordColumn'] as const;
  const invitationColumns = ['team.email', 'team.role', 'team.invitedByColumn', 'team.linkValidUntilColumn', 'team.actionColumn'] as const;
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('team.teamTitle')}>
      <h1>{words.text('team.teamTitle')}</h1>
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
      <AdminTable columns={columns.map((column) => words.text(column))}>
        {data.members.map((member) => (
          <tr>
            <td>
              {member.name}
              {member.isYou ? <strong class="badge">{words.text('team.youBadge')}</strong> : null}
            </td>
            <td>{member.email}</td>
            <td>
              {member.isYou ? (
                roleDescription(words, member.role)
              ) : (
                <form method="post" action={`/admin/team/${member.id}/role`} class="inline-form">
                  <CsrfField token={chrome.csrfToken} />
                  <RoleSelect
                    name="role"
                    id={`role-${member.id}`}
                    value={member.role}
                    options={data.assignableRoles}
                    label={words.text('team.roleOf', { name: member.name })}
                    words={words}
                  />
                  <button type="submit" class="button">
                    {words.text('team.changeRoleButton')}
                  </button>
                </form>
              )}
            </td>
            <td>{member.bylineName ?? '—'}</td>
            <td>{member.createdLabel}</td>
            <td>
              {member.mayReset ? (
                <form method="post" action="/admin/team/reset-link" class="inline-form">
                  <CsrfField token={chrome.csrfToken} />
                  <input type="hidden" name="email" value={member.email} />
                  <button type="submit" class="button">
                    {words.text('team.sendResetLinkButton')}
                  </button>
                </form>
              ) : (
                words.text('team.resetThroughForgot')
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
      {data.invitations.length > 0 ? (
        <>
          <h2 id="invitations-heading">{words.text('team.invitationsHeading')}</h2>
          <AdminTable columns={invitationColumns.map((column) => words.text(column))}>
            {data.invitations.map((invitation) => (
              <tr>
                <td>{invitation.email}</td>
                <td>{roleName(words, invitation.role)}</td>
                <td>{invitation.invitedBy ?? words.text('team.formerMember')}</td>
                <td>{invitation.expiresLabel}</td>
                <td>
                  <form method="post" action="/admin/team/invitations/withdraw">
                    <CsrfField token={chrome.csrfToken} />
                    <input type="hidden" name="invitation" value={invitation.tokenHash} />
                    <button type="submit" class="button button--danger">
                      {words.rich('team.withdrawButton', { email: invitation.email, hidden: visuallyHidden })}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </AdminTable>
        </>
      ) : null}
      <h2 id="invite-heading">{words.text('team.inviteHeading')}</h2>
      <ErrorSummary errors={data.invite.errors} labels={{ email: words.text('team.emailLabel'), role: words.text('team.role') }} title={problemTitle(words)} />
      <form method="post" action="/admin/team/invite" class="admin-form admin-form--row" aria-labelledby="invite-heading" novalidate>
        <CsrfField token={chrome.csrfToken} />
        <EmailField requiredLabel={words.text('chrome.required')} form={data.invite} label={words.text('team.emailLabel')} autocomplete="off" />
        <div class="field">
          <label for="field-role">{words.text('team.role')}</label>
          {data.invite.errors.role ? <p class="field__error">{data.invite.errors.role}</p> : null}
          <select id="field-role" name="role">
            {data.assignableRoles.map((role) => (
              <option value={role} selected={role === (data.invite.values.role ?? 'author')}>
                {roleDescription(words, role)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--primary">
          {words.text('team.createInvitationButton')}
        </button>
      </form>
    </AdminDocument>,
  );
}

const auditColumns = ['team.whenColumn', 'team.whoColumn', 'team.whatColumn', 'team.concerningColumn', 'team.fromColumn'] as const;

/** The actions stay as recorded ("settings.changed"): they are the log's vocabulary, searched and quoted as such. */
export function renderAuditPage(chrome: AdminChrome, entries: readonly (AuditEntry & { readonly atLabel: string })[]): string {
  const words = chrome.words;
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('team.auditTitle')}>
      <h1>{words.text('team.auditTitle')}</h1>
      <p class="admin-lede">{words.text('team.auditLede')}</p>
      <AdminTable columns={auditColumns.map((column) => words.text(column))}>
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
