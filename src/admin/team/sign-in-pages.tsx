import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { CsrfField, FormOutcome, ErrorSummary, Field } from '../../render/form.tsx';
import { minPasswordLength } from '../../accounts/index.ts';

export interface FormState {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  /** A problem with the whole form rather than one field, e.g. wrong credentials. */
  readonly message?: string;
}

/** An address as the team's forms ask for it; `autocomplete` tells a password manager whether it signs someone in. */
export function EmailField(props: { form: FormState; label: string; requiredLabel: string; autocomplete: 'username' | 'email' | 'off'; autofocus?: boolean }) {
  return (
    <Field
      name="email"
      label={props.label}
      type="email"
      value={props.form.values.email}
      error={props.form.errors.email}
      required
      requiredLabel={props.requiredLabel}
      autocomplete={props.autocomplete}
      maxlength={254}
      autofocus={props.autofocus}
    />
  );
}

export const emptyForm: FormState = { values: {}, errors: {} };

/** The heading of a failed form's summary, in the newsroom's words. */
export function problemTitle(words: Translator<NewsroomKey>): string {
  return words.text('team.problemTitle');
}

export function renderSignInPage(chrome: AdminChrome, form: FormState, next: string): string {
  const words = chrome.words;
  const signInLabels = { email: words.text('team.emailLabel'), password: words.text('team.passwordLabel') };
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('team.signInTitle')}>
      <div class="admin-narrow">
        <h1>{words.text('team.signInHeading')}</h1>
        <FormOutcome problem={form.message} />
        <ErrorSummary errors={form.errors} labels={signInLabels} title={problemTitle(words)} />
        <form method="post" action="/admin/login" class="admin-form" novalidate>
          <CsrfField token={chrome.csrfToken} />
          <input type="hidden" name="next" value={next} />
          <EmailField requiredLabel={words.text('chrome.required')} form={form} label={signInLabels.email} autocomplete="username" autofocus />
          <Field
            name="password"
            label={signInLabels.password}
            type="password"
            error={form.errors.password}
            required
            requiredLabel={words.text('chrome.required')}
            autocomplete="current-password"
            maxlength={256}
          />
          <button type="submit" class="button button--primary">
            {words.text('team.signInButton')}
          </button>
        </form>
        <p>
          <a href="/admin/reset">{words.text('team.forgotPassword')}</a>
        </p>
      </div>
    </AdminDocument>,
  );
}

/** A new password twice, with the rule stated up front rather than after a refusal. */
export function NewPasswordFields({ form, words }: { form: FormState; words: Translator<NewsroomKey> }) {
  return (
    <>
      <Field
        name="password"
        label={words.text('team.passwordLabel')}
        type="password"
        error={form.errors.password}
        hint={words.text('team.passwordHint', { count: minPasswordLength })}
        required
        requiredLabel={words.text('chrome.required')}
        autocomplete="new-password"
        minlength={minPasswordLength}
        maxlength={256}
      />
      <Field
        name="passwordAgain"
        label={words.text('team.passwordAgainLabel')}
        type="password"
        error={form.errors.passwordAgain}
        required
        requiredLabel={words.text('chrome.required')}
        autocomplete="new-password"
        maxlength={256}
      />
    </>
  );
}

export function renderSetupPage(chrome: AdminChrome, form: FormState, token: string): string {
  const words = chrome.words;
  const setupLabels = {
    name: words.text('team.yourNameLabel'),
    email: words.text('team.emailLabel'),
    password: words.text('team.passwordLabel'),
    passwordAgain: words.text('team.passwordAgainLabel'),
  };
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('team.setupTitle')}>
      <div class="admin-narrow">
        <h1>{words.text('team.setupHeading')}</h1>
        <p>{words.text('team.setupIntro')}</p>
        <ErrorSummary errors={form.errors} labels={setupLabels} title={problemTitle(words)} />
        <form method="post" action={`/admin/setup?token=${encodeURIComponent(token)}`} class="admin-form" novalidate>
          <CsrfField token={chrome.csrfToken} />
          <Field
            name="name"
            label={setupLabels.name}
            value={form.values.name}
            error={form.errors.name}
            required
            requiredLabel={words.text('chrome.required')}
            autocomplete="name"
            maxlength={100}
            autofocus
          />
          <EmailField requiredLabel={words.text('chrome.required')} form={form} label={setupLabels.email} autocomplete="email" />
          <NewPasswordFields form={form} words={words} />
          <button type="submit" class="button button--primary">
            {words.text('team.createAccountButton')}
          </button>
        </form>
      </div>
    </AdminDocument>,
  );
}
