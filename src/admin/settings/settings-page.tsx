import { CsrfField, FormOutcome, ErrorSummary, Field, Select, type SelectOption, TextArea } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { policyKeys, policyTitles } from '../../settings/index.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';

export const settingsLabels: Record<string, string> = {
  name: 'Site name',
  description: 'Description',
  language: 'Language',
  timeZone: 'Time zone',
  navigationText: 'Navigation',
  feedContent: 'Feeds carry',
  logo: 'Logo',
  ...Object.fromEntries(policyKeys.map((key) => [`policy-${key}`, policyTitles[key]])),
};

const shippedLogo = { value: '', label: '— The shipped Gazette logo —' };

/** The library's images to choose the logo from; a choice that is not among them is kept, so the form shows what was sent. */
function logoOptions(images: readonly SelectOption[], typed: string | undefined): SelectOption[] {
  const known = typed === undefined || typed === '' || images.some((image) => image.value === typed);
  return [shippedLogo, ...images, ...(known ? [] : [{ value: typed, label: `${typed.slice(0, 40)} (not in the library)` }])];
}

export function renderSettingsPage(
  chrome: AdminChrome,
  form: {
    values: Readonly<Record<string, string>>;
    errors: Readonly<Record<string, string>>;
    notice?: string;
    images: readonly SelectOption[];
    /** The logo in use now, shown beside the choice. */
    logo: { readonly url: string; readonly width: number; readonly height: number };
  },
): string {
  const { values, errors } = form;
  return renderDocument(
    <AdminDocument chrome={chrome} title="Settings">
      <h1>Settings</h1>
      <p class="admin-lede">
        How comments are moderated, when they close and how long commenters’ IP addresses are kept are set in the{' '}
        <a href="/admin/comments/policy">comment policy</a>.
      </p>
      <FormOutcome notice={form.notice} />
      <ErrorSummary errors={errors} labels={settingsLabels} />
      <form method="post" action="/admin/settings" class="admin-form editor" novalidate>
        <CsrfField token={chrome.csrfToken} />
        <Field name="name" label={settingsLabels.name!} value={values.name} error={errors.name} required maxlength={100} />
        <TextArea
          name="description"
          label={settingsLabels.description!}
          value={values.description}
          error={errors.description}
          rows={2}
          maxlength={300}
          hint="Shown under the name and to search engines."
        />
        <div class="logo-setting">
          <img class="logo-setting__current" src={form.logo.url} alt="The logo in use now" width={form.logo.width} height={form.logo.height} />
          <Select
            name="logo"
            label={settingsLabels.logo!}
            options={logoOptions(form.images, values.logo)}
            value={values.logo}
            error={errors.logo}
            hint="Shown to search engines and feed readers as the newsroom’s logo. Upload it to the media library first; a square image of at least 112 pixels works best."
          />
        </div>
        <div class="editor-columns">
          <Field
            name="language"
            label={settingsLabels.language!}
            value={values.language}
            error={errors.language}
            hint="A language tag, e.g. en-GB"
            maxlength={35}
          />
          <Field name="timeZone" label={settingsLabels.timeZone!} value={values.timeZone} error={errors.timeZone} hint="e.g. Europe/London" maxlength={60} />
        </div>
        <TextArea
          name="navigationText"
          label={settingsLabels.navigationText!}
          value={values.navigationText}
          error={errors.navigationText}
          rows={6}
          hint='One link a line: a label, a vertical bar, a path. For example "World | /world".'
        />
        <Select
          name="feedContent"
          label={settingsLabels.feedContent!}
          value={values.feedContent}
          options={[
            { value: 'full', label: 'The full text of each article' },
            { value: 'summary', label: 'Only the standfirst, with a link' },
          ]}
        />
        <fieldset class="field-group">
          <legend>Published standards</legend>
          <p class="field__hint">
            Each one you fill in gets its own page, a link in the site’s footer, and a mention in the data search engines read. Blank lines separate paragraphs.
          </p>
          {policyKeys.map((key) => (
            <TextArea name={`policy-${key}`} label={policyTitles[key]} value={values[`policy-${key}`]} error={errors[`policy-${key}`]} rows={4} />
          ))}
        </fieldset>
        <div class="editor-actions">
          <button type="submit" class="button button--primary">
            Save settings
          </button>
        </div>
      </form>
    </AdminDocument>,
  );
}
