import { CsrfField, ErrorSummary, Field } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { EmailField, type FormState, NewPasswordFields } from './sign-in-pages.tsx';
import { roleDescriptions } from './team-pages.tsx';

const labels = { name: 'Your name', password: 'New password', passwordAgain: 'New password again', email: 'Email address' };

export function renderInvitationPage(
  chrome: AdminChrome,
  form: FormState,
  invitation: { email: string; role: keyof typeof roleDescriptions },
  token: string,
): string {
  return renderDocument(
    <AdminDocument chrome={chrome} title="Join the newsroom">
      <div class="admin-narrow">
        <h1>Join {chrome.siteName}</h1>
        <p>
          You are invited as {invitation.email}. {roleDescriptions[invitation.role]}.
        </p>
        <ErrorSummary errors={form.errors} labels={labels} />
        <form method="post" action={`/admin/invite?token=${encodeURIComponent(token)}`} class="admin-form" novalidate>
          <CsrfField token={chrome.csrfToken} />
          <Field name="name" label={labels.name} value={form.values.name} error={form.errors.name} required autocomplete="name" maxlength={100} autofocus />
          <NewPasswordFields form={form} />
          <button type="submit" class="button button--primary">
            Create account and sign in
          </button>
        </form>
      </div>
    </AdminDocument>,
  );
}

export function renderResetRequestPage(chrome: AdminChrome, form: FormState, sent: boolean): string {
  return renderDocument(
    <AdminDocument chrome={chrome} title="Reset your password">
      <div class="admin-narrow">
        <h1>Reset your password</h1>
        {sent ? (
          <p class="form-message form-message--ok" role="status">
            If a newsroom account uses that address, a link to set a new password is on its way. It works for one hour.
          </p>
        ) : (
          <p>Enter your email address and we will send you a link to set a new password.</p>
        )}
        <form method="post" action="/admin/reset" class="admin-form" novalidate>
          <CsrfField token={chrome.csrfToken} />
          <EmailField form={form} label={labels.email} autocomplete="username" />
          <button type="submit" class="button button--primary">
            Send the link
          </button>
        </form>
      </div>
    </AdminDocument>,
  );
}

export function renderNewPasswordPage(chrome: AdminChrome, form: FormState, token: string): string {
  return renderDocument(
    <AdminDocument chrome={chrome} title="Choose a new password">
      <div class="admin-narrow">
        <h1>Choose a new password</h1>
        <p>Setting a new password signs you out everywhere. With two-step sign-in on, your app’s code is asked next.</p>
        <ErrorSummary errors={form.errors} labels={labels} />
        <form method="post" action={`/admin/reset/new?token=${encodeURIComponent(token)}`} class="admin-form" novalidate>
          <CsrfField token={chrome.csrfToken} />
          <NewPasswordFields form={form} />
          <button type="submit" class="button button--primary">
            Set password and sign in
          </button>
        </form>
      </div>
    </AdminDocument>,
  );
}
