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
export function EmailField(props: { form: FormState; label: string; autocomplete: 'username' | 'email' | 'off'; autofocus?: boolean }) {
  return (
    <Field
      name="email"
      label={props.label}
      type="email"
      value={props.form.values.email}
      error={props.form.errors.email}
      required
      autocomplete={props.autocomplete}
      maxlength={254}
      autofocus={props.autofocus}
    />
  );
}

export const emptyForm: FormState = { values: {}, errors: {} };

const signInLabels = { email: 'Email address', password: 'Password' };

export function renderSignInPage(chrome: AdminChrome, form: FormState, next: string): string {
  return renderDocument(
    <AdminDocument chrome={chrome} title="Sign in">
      <div class="admin-narrow">
        <h1>Sign in to the newsroom</h1>
        <FormOutcome problem={form.message} />
        <ErrorSummary errors={form.errors} labels={signInLabels} />
        <form method="post" action="/admin/login" class="admin-form" novalidate>
          <CsrfField token={chrome.csrfToken} />
          <input type="hidden" name="next" value={next} />
          <EmailField form={form} label={signInLabels.email} autocomplete="username" autofocus />
          <Field
            name="password"
            label={signInLabels.password}
            type="password"
            error={form.errors.password}
            required
            autocomplete="current-password"
            maxlength={256}
          />
          <button type="submit" class="button button--primary">
            Sign in
          </button>
        </form>
        <p>
          <a href="/admin/reset">Forgot your password?</a>
        </p>
      </div>
    </AdminDocument>,
  );
}

/** A new password twice, with the rule stated up front rather than after a refusal. */
export function NewPasswordFields({ form }: { form: FormState }) {
  return (
    <>
      <Field
        name="password"
        label="Password"
        type="password"
        error={form.errors.password}
        hint={`At least ${minPasswordLength} characters. A few unrelated words work well.`}
        required
        autocomplete="new-password"
        minlength={minPasswordLength}
        maxlength={256}
      />
      <Field
        name="passwordAgain"
        label="Password again"
        type="password"
        error={form.errors.passwordAgain}
        required
        autocomplete="new-password"
        maxlength={256}
      />
    </>
  );
}

const setupLabels = { name: 'Your name', email: 'Email address', password: 'Password', passwordAgain: 'Password again' };

export function renderSetupPage(chrome: AdminChrome, form: FormState, token: string): string {
  return renderDocument(
    <AdminDocument chrome={chrome} title="Create the owner account">
      <div class="admin-narrow">
        <h1>Welcome to Gazette</h1>
        <p>Create the owner account for this newsroom. You can invite the rest of the team afterwards.</p>
        <ErrorSummary errors={form.errors} labels={setupLabels} />
        <form method="post" action={`/admin/setup?token=${encodeURIComponent(token)}`} class="admin-form" novalidate>
          <CsrfField token={chrome.csrfToken} />
          <Field
            name="name"
            label={setupLabels.name}
            value={form.values.name}
            error={form.errors.name}
            required
            autocomplete="name"
            maxlength={100}
            autofocus
          />
          <EmailField form={form} label={setupLabels.email} autocomplete="email" />
          <NewPasswordFields form={form} />
          <button type="submit" class="button button--primary">
            Create account and sign in
          </button>
        </form>
      </div>
    </AdminDocument>,
  );
}
