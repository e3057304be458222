import { CsrfField, ErrorSummary, Field } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import type { Role } from '../../accounts/index.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { EmailField, type FormState, NewPasswordFields, problemTitle } from './sign-in-pages.tsx';
import { roleDescription } from './team-pages.tsx';

/** The fields an error summary may link to, by the labels they carry. */
function labelsOf(words: Translator<NewsroomKey>) {
  return {
    name: words.text('team.yourNameLabel'),
    password: words.text('team.passwordLabel'),
    passwordAgain: words.text('team.passwordAgainLabel'),
    email: words.text('team.emailLabel'),
  };
}

export function renderInvitationPage(chrome: AdminChrome, form: FormState, invitation: { email: string; role: Role }, token: string): string {
  const words = chrome.words;
  const labels = labelsOf(words);
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('team.invitationTitle')}>
      <div class="admin-narrow">
        <h1>{words.text('team.invitationHeading', { siteName: chrome.siteName })}</h1>
        <p>{words.text('team.invitationIntro', { email: invitation.email, role: roleDescription(words, invitation.role) })}</p>
        <ErrorSummary errors={form.errors} labels={labels} title={problemTitle(words)} />
        <form method="post" action={`/admin/invite?token=${encodeURIComponent(token)}`} class="admin-form" novalidate>
          <CsrfField token={chrome.csrfToken} />
          <Field
            name="name"
            label={labels.name}
            value={form.values.name}
            error={form.errors.name}
            required
            requiredLabel={words.text('chrome.required')}
            autocomplete="name"
            maxlength={100}
            autofocus
          />
          <NewPasswordFields form={form} words={words} />
          <button type="submit" class="button button--primary">
            {words.text('team.createAccountButton')}
          </button>
        </form>
      </div>
    </AdminDocument>,
  );
}

export function renderResetRequestPage(chrome: AdminChrome, form: FormState, sent: boolean): string {
  const words = chrome.words;
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('team.resetTitle')}>
      <div class="admin-narrow">
        <h1>{words.text('team.resetTitle')}</h1>
        {sent ? (
          <p class="form-message form-message--ok" role="status">
            {words.text('team.resetSent')}
          </p>
        ) : (
          <p>{words.text('team.resetIntro')}</p>
        )}
        <form method="post" action="/admin/reset" class="admin-form" novalidate>
          <CsrfField token={chrome.csrfToken} />
          <EmailField requiredLabel={words.text('chrome.required')} form={form} label={words.text('team.emailLabel')} autocomplete="username" />
          <button type="submit" class="button button--primary">
            {words.text('team.resetSendButton')}
          </button>
        </form>
      </div>
    </AdminDocument>,
  );
}

export function renderNewPasswordPage(chrome: AdminChrome, form: FormState, token: string): string {
  const words = chrome.words;
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('team.newPasswordTitle')}>
      <div class="admin-narrow">
        <h1>{words.text('team.newPasswordTitle')}</h1>
        <p>{words.text('team.newPasswordIntro')}</p>
        <ErrorSummary errors={form.errors} labels={labelsOf(words)} title={problemTitle(words)} />
        <form method="post" action={`/admin/reset/new?token=${encodeURIComponent(token)}`} class="admin-form" novalidate>
          <CsrfField token={chrome.csrfToken} />
          <NewPasswordFields form={form} words={words} />
          <button type="submit" class="button button--primary">
            {words.text('team.setPasswordButton')}
          </button>
        </form>
      </div>
    </AdminDocument>,
  );
}
