import { CsrfField, ErrorSummary, Field } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { type FormState, problemTitle } from './sign-in-pages.tsx';

function CodeField({ form, words }: { form: FormState; words: Translator<NewsroomKey> }) {
  return (
    <Field
      name="code"
      label={words.text('team.codeLabel')}
      error={form.errors.code}
      required
      requiredLabel={words.text('chrome.required')}
      autocomplete="one-time-code"
      maxlength={12}
      autofocus
    />
  );
}

export function renderSecondStepPage(chrome: AdminChrome, form: FormState, next: string): string {
  const words = chrome.words;
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('team.secondStepTitle')}>
      <div class="admin-narrow">
        <h1>{words.text('team.twoStepHeading')}</h1>
        <p>{words.text('team.secondStepIntro')}</p>
        <ErrorSummary errors={form.errors} labels={{ code: words.text('team.codeSummaryLabel') }} title={problemTitle(words)} />
        <form method="post" action="/admin/login/code" class="admin-form" novalidate>
          <CsrfField token={chrome.csrfToken} />
          <input type="hidden" name="next" value={next} />
          <CodeField form={form} words={words} />
          <button type="submit" class="button button--primary">
            {words.text('team.signInButton')}
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
  const words = chrome.words;
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('team.twoStepSetupTitle')}>
      <div class="admin-narrow">
        <h1>{words.text('team.twoStepSetupTitle')}</h1>
        <ol class="steps">
          <li>{words.text('team.twoStepScan')}</li>
          <li>{words.rich('team.twoStepTypeKey', { key: <code class="copy-link">{data.secret.replace(/(.{4})/g, '$1 ').trim()}</code> })}</li>
          <li>{words.text('team.twoStepProve')}</li>
        </ol>
        <img class="qr-code" src={data.qrCodeDataUrl} width={200} height={200} alt={words.text('team.qrCodeAlt')} />
        <ErrorSummary errors={data.form.errors} labels={{ code: words.text('team.codeSummaryLabel') }} title={problemTitle(words)} />
        <form method="post" action="/admin/account/two-step" class="admin-form" novalidate>
          <CsrfField token={chrome.csrfToken} />
          <input type="hidden" name="secret" value={data.secret} />
          <CodeField form={data.form} words={words} />
          <button type="submit" class="button button--primary">
            {words.text('team.turnOnButton')}
          </button>
        </form>
      </div>
    </AdminDocument>,
  );
}
