import { CsrfField, ErrorSummary, Field } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import type { FormState } from './sign-in-pages.tsx';

function CodeField({ form }: { form: FormState }) {
  return (
    <Field
      name="code"
      label="6-digit code from your authenticator app"
      error={form.errors.code}
      required
      autocomplete="one-time-code"
      maxlength={12}
      autofocus
    />
  );
}

export function renderSecondStepPage(chrome: AdminChrome, form: FormState, next: string): string {
  return renderDocument(
    <AdminDocument chrome={chrome} title="Enter your code">
      <div class="admin-narrow">
        <h1>Two-step sign-in</h1>
        <p>Open your authenticator app and enter the code it shows for this newsroom.</p>
        <ErrorSummary errors={form.errors} labels={{ code: 'Code' }} />
        <form method="post" action="/admin/login/code" class="admin-form" novalidate>
          <CsrfField token={chrome.csrfToken} />
          <input type="hidden" name="next" value={next} />
          <CodeField form={form} />
          <button type="submit" class="button button--primary">
            Sign in
          </button>
        </form>
      </div>
    </AdminDocument>,
  );
}

export interface TwoStepSetupData {
  readonly secret: string;
  /** A QR code of the otpauth:// address, as a data: URL image. */
  readonly qrCodeDataUrl: string;
  readonly form: FormState;
}

export function renderTwoStepSetupPage(chrome: AdminChrome, data: TwoStepSetupData): string {
  return renderDocument(
    <AdminDocument chrome={chrome} title="Turn on two-step sign-in">
      <div class="admin-narrow">
        <h1>Turn on two-step sign-in</h1>
        <ol class="steps">
          <li>Scan this code with an authenticator app (such as Aegis, Google Authenticator or 1Password).</li>
          <li>
            Or type this key into the app: <code class="copy-link">{data.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </li>
          <li>Enter the code the app shows, to prove it works.</li>
        </ol>
        <img class="qr-code" src={data.qrCodeDataUrl} width={200} height={200} alt="QR code holding the key shown below it" />
        <ErrorSummary errors={data.form.errors} labels={{ code: 'Code' }} />
        <form method="post" action="/admin/account/two-step" class="admin-form" novalidate>
          <CsrfField token={chrome.csrfToken} />
          <input type="hidden" name="secret" value={data.secret} />
          <CodeField form={data.form} />
          <button type="submit" class="button button--primary">
            Turn on
          </button>
        </form>
      </div>
    </AdminDocument>,
  );
}
