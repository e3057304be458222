import { CsrfField, FormOutcome, ErrorSummary, Field, Select, type SelectOption, TextArea } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { policyKeys, policyTitles } from '../../settings/index.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';

type Words = AdminChrome['words'];

/** Each field's label in the newsroom's words; the standards keep the names src/settings gives them. */
function settingsLabelsIn(words: Words) {
  return {
    name: words.text('settings.labelName'),
    description: words.text('settings.labelDescription'),
    language: words.text('settings.labelLanguage'),
    timeZone: words.text('settings.labelTimeZone'),
    navigationText: words.text('settings.labelNavigation'),
    feedContent: words.text('settings.labelFeedContent'),
    logo: words.text('settings.labelLogo'),
    ...Object.fromEntries(policyKeys.map((key) => [`policy-${key}`, policyTitles[key]])),
  };
}

/** The library's images to choose the logo from; a choice that is not among them is kept, so the form shows what was sent. */
function logoOptions(words: Words, images: readonly SelectOption[], typed: string | undefined): SelectOption[] {
  const known = typed === undefined || typed === '' || images.some((image) => image.value === typed);
  const shippedLogo = { value: '', label: words.text('settings.shippedLogo') };
  return [shippedLogo, ...images, ...(known ? [] : [{ value: typed, label: words.text('settings.notInLibrary', { value: typed.slice(0, 40) }) }])];
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
  const words = chrome.words;
  const settingsLabels = settingsLabelsIn(words);
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('settings.title')}>
      <h1>{words.text('settings.title')}</h1>
      <p class="admin-lede">{words.rich('settings.lede', { link: (chunks) => <a href="/admin/comments/policy">{chunks}</a> })}</p>
      <FormOutcome notice={form.notice} />
      <ErrorSummary errors={errors} labels={settingsLabels} title={words.text('settings.problemTitle')} />
      <form method="post" action="/admin/settings" class="admin-form editor" novalidate>
        <CsrfField token={chrome.csrfToken} />
        <Field
          name="name"
          label={settingsLabels.name}
          value={values.name}
          error={errors.name}
          required
          requiredLabel={words.text('chrome.required')}
          maxlength={100}
        />
        <TextArea
          name="description"
          label={settingsLabels.description}
          value={values.description}
          error={errors.description}
          rows={2}
          maxlength={300}
          hint={words.text('settings.descriptionHint')}
        />
        <div class="logo-setting">
          <img class="logo-setting__current" src={form.logo.url} alt={words.text('settings.logoAlt')} width={form.logo.width} height={form.logo.height} />
          <Select
            name="logo"
            label={settingsLabels.logo}
            options={logoOptions(words, form.images, values.logo)}
            value={values.logo}
            error={errors.logo}
            hint={words.text('settings.logoHint')}
          />
        </div>
        <div class="editor-columns">
          <Field
            name="language"
            label={settingsLabels.language}
            value={values.language}
            error={errors.language}
            hint={words.text('settings.languageHint')}
            maxlength={35}
          />
          <Field
            name="timeZone"
            label={settingsLabels.timeZone}
            value={values.timeZone}
            error={errors.timeZone}
            hint={words.text('settings.timeZoneHint')}
            maxlength={60}
          />
        </div>
        <TextArea
          name="navigationText"
          label={settingsLabels.navigationText}
          value={values.navigationText}
          error={errors.navigationText}
          rows={6}
          hint={words.text('settings.navigationHint')}
        />
        <Select
          name="feedContent"
          label={settingsLabels.feedContent}
          value={values.feedContent}
          options={[
            { value: 'full', label: words.text('settings.feedFull') },
            { value: 'summary', label: words.text('settings.feedSummary') },
          ]}
        />
        <fieldset class="field-group">
          <legend>{words.text('settings.standardsLegend')}</legend>
          <p class="field__hint">{words.text('settings.standardsHint')}</p>
          {policyKeys.map((key) => (
            <TextArea name={`policy-${key}`} label={policyTitles[key]} value={values[`policy-${key}`]} error={errors[`policy-${key}`]} rows={4} />
          ))}
        </fieldset>
        <div class="editor-actions">
          <button type="submit" class="button button--primary">
            {words.text('settings.save')}
          </button>
        </div>
      </form>
    </AdminDocument>,
  );
}
