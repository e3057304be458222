import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { AdminTable } from '../admin-table.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { CsrfField, FormOutcome, Field } from '../../render/form.tsx';

export interface SessionRow {
  readonly isCurrent: boolean;
  readonly device: string;
  readonly ip: string;
  readonly signedInLabel: string;
  readonly lastSeenLabel: string;
}

export interface AccountPageData {
  readonly name: string;
  readonly email: string;
  readonly role: string;
  readonly sessions: readonly SessionRow[];
  readonly twoStepOn: boolean;
  readonly notice?: string;
  /** A message about the two-step form, e.g. a wrong code when turning it off. */
  readonly twoStepError?: string;
}

export function renderAccountPage(chrome: AdminChrome, data: AccountPageData): string {
  return renderDocument(
    <AdminDocument chrome={chrome} title="Your account">
      <h1>Your account</h1>
      <FormOutcome notice={data.notice} />
      <dl class="admin-facts">
        <dt>Name</dt>
        <dd>{data.name}</dd>
        <dt>Email</dt>
        <dd>{data.email}</dd>
        <dt>Role</dt>
        <dd>{data.role}</dd>
      </dl>
      <h2 id="two-step-heading">Two-step sign-in</h2>
      {data.twoStepOn ? (
        <form method="post" action="/admin/account/two-step/off" class="admin-form admin-form--row" aria-labelledby="two-step-heading" novalidate>
          <p>On: signing in asks for a code from your authenticator app.</p>
          <CsrfField token={chrome.csrfToken} />
          <Field name="code" label="Code from your app, to turn it off" error={data.twoStepError} autocomplete="one-time-code" maxlength={12} />
          <button type="submit" class="button">
            Turn off two-step sign-in
          </button>
        </form>
      ) : (
        <p>
          Off. <a href="/admin/account/two-step">Turn on two-step sign-in</a> so a stolen password is not enough to get in.
        </p>
      )}
      <h2>Where you are signed in</h2>
      <AdminTable columns={['Browser', 'IP address', 'Signed in', 'Last seen']}>
        {data.sessions.map((session) => (
          <tr>
            <td>
              {session.device}
              {session.isCurrent ? <strong class="badge">This browser</strong> : null}
            </td>
            <td>{session.ip}</td>
            <td>{session.signedInLabel}</td>
            <td>{session.lastSeenLabel}</td>
          </tr>
        ))}
      </AdminTable>
      {data.sessions.length > 1 ? (
        <form method="post" action="/admin/account/sign-out-others">
          <CsrfField token={chrome.csrfToken} />
          <button type="submit" class="button">
            Sign out everywhere else
          </button>
        </form>
      ) : null}
    </AdminDocument>,
  );
}
