import { type DescriptionField, descriptionFields, descriptionLabels, descriptionLimits as limits } from '../../media/index.ts';
import { CsrfField, FormOutcome, ErrorSummary, Field, TextArea } from '../../render/form.tsx';
import { Picture, type ResponsiveImage } from '../../render/picture.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';

const statusKeys = { draft: 'media.statusDraft', scheduled: 'media.statusScheduled', published: 'media.statusPublished' } as const;

type Words = AdminChrome['words'];

export interface MediaEditPageData {
  readonly id: number;
  readonly name: string;
  readonly facts: { readonly type: string; readonly size: string; readonly uploadedIso: string; readonly uploadedLabel: string; readonly uploadedBy?: string };
  readonly image: ResponsiveImage;
  /** The stored description, or what was typed when it could not be saved. */
  readonly values: Readonly<Record<DescriptionField, string>>;
  readonly errors: Readonly<Partial<Record<DescriptionField, string>>>;
  readonly usage: readonly {
    readonly headline: string;
    readonly status: keyof typeof statusKeys;
    readonly editUrl: string;
    readonly publicUrl: string | null;
  }[];
  /** Uses in others' unpublished work, counted but not named. */
  readonly hiddenUsageCount: number;
  /** Descriptions the image had before, each with when and by whom it was replaced; newest first. */
  readonly history: readonly {
    readonly changedIso: string;
    readonly changedLabel: string;
    readonly changedBy: string | null;
    readonly values: Readonly<Record<DescriptionField, string>>;
  }[];
  /** Why this person may not change the description; the form is replaced by the text as it stands. */
  readonly describeRefusal?: string;
  /** The page answers a change that was just refused, so the reason is announced. */
  readonly refusedNow?: boolean;
  readonly canDelete: boolean;
  /** Chosen as the logo in the site settings: a use like an article's, which keeps it from being deleted. */
  readonly isSiteLogo?: boolean;
  readonly notice?: string;
  /** Why the last action could not be done, e.g. deleting a photo in use. */
  readonly problem?: string;
}

/** Each field's label in the newsroom's words. */
function labelsIn(words: Words): Record<DescriptionField, string> {
  return Object.fromEntries(descriptionFields.map((name) => [name, words.text(descriptionLabels[name])])) as Record<DescriptionField, string>;
}

function Description({ words, values }: { words: Words; values: Readonly<Record<DescriptionField, string>> }) {
  const labels = labelsIn(words);
  return (
    <dl class="admin-facts">
      {descriptionFields.map((name) => (
        <>
          <dt>{labels[name]}</dt>
          <dd>{values[name] === '' ? words.text('media.emptyValue') : values[name]}</dd>
        </>
      ))}
    </dl>
  );
}

export function renderMediaEditPage(chrome: AdminChrome, data: MediaEditPageData): string {
  const words = chrome.words;
  const labels = labelsIn(words);
  const when = (iso: string, label: string) => <time datetime={iso}>{label}</time>;
  const field = (name: DescriptionField, hint?: string) => (
    <Field name={name} label={labels[name]} value={data.values[name]} error={data.errors[name]} maxlength={limits[name]} hint={hint} />
  );
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('media.editTitle', { name: data.name })}>
      <p class="admin-back">
        <a href="/admin/media">{words.text('media.backToLibrary')}</a>
      </p>
      <h1 class="media-edit__title">{data.name}</h1>
      <FormOutcome notice={data.notice} problem={data.problem} />
      <div class="media-edit">
        <div class="media-edit__preview">
          <Picture image={data.image} options={{ sizes: '(min-width: 60rem) 24rem, 100vw', priority: true }} />
          <dl class="admin-facts">
            <dt>{words.text('media.factType')}</dt>
            <dd>{data.facts.type}</dd>
            <dt>{words.text('media.factSize')}</dt>
            <dd>{data.facts.size}</dd>
            <dt>{words.text('media.factUploaded')}</dt>
            <dd>
              {data.facts.uploadedBy
                ? words.rich('media.uploadedBy', { when: when(data.facts.uploadedIso, data.facts.uploadedLabel), name: data.facts.uploadedBy })
                : when(data.facts.uploadedIso, data.facts.uploadedLabel)}
            </dd>
          </dl>
        </div>
        <div class="media-edit__form">
          {data.describeRefusal ? (
            <>
              <p class="form-message" role={data.refusedNow ? 'alert' : undefined}>
                {data.describeRefusal}
              </p>
              <Description words={words} values={data.values} />
            </>
          ) : (
            <>
              <ErrorSummary errors={data.errors} labels={labels} title={words.text('media.problemTitle')} />
              <form method="post" action={`/admin/media/${data.id}`} class="admin-form" novalidate>
                <CsrfField token={chrome.csrfToken} />
                <TextArea
                  name="alt"
                  label={labels.alt}
                  value={data.values.alt}
                  error={data.errors.alt}
                  maxlength={limits.alt}
                  hint={words.text('media.altHint')}
                  rows={2}
                  required
                  requiredLabel={words.text('chrome.required')}
                />
                <TextArea
                  name="caption"
                  label={labels.caption}
                  value={data.values.caption}
                  error={data.errors.caption}
                  maxlength={limits.caption}
                  hint={words.text('media.captionHint')}
                  rows={4}
                />
                {field('credit', words.text('media.creditHint'))}
                {field('photographer')}
                {field('copyright')}
                <button type="submit" class="button button--primary">
                  {words.text('media.saveDescription')}
                </button>
              </form>
            </>
          )}
        </div>
      </div>
      <h2>{words.text('media.usedInHeading')}</h2>
      {data.usage.length === 0 && data.hiddenUsageCount === 0 && !data.isSiteLogo ? (
        <p>{words.text('media.notUsed')}</p>
      ) : (
        <ul class="media-usage">
          {data.isSiteLogo ? (
            <li>
              {words.text('media.siteLogo')} (<a href="/admin/settings">{words.text('media.siteLogoHint')}</a>)
            </li>
          ) : null}
          {data.usage.map((article) => (
            <li>
              <a href={article.editUrl}>{article.headline}</a> <span class={`status status--${article.status}`}>{words.text(statusKeys[article.status])}</span>
              {article.publicUrl ? (
                <>
                  {' '}
                  <a class="view-link" href={article.publicUrl}>
                    {words.text('media.viewOnSite')}
                  </a>
                </>
              ) : null}
            </li>
          ))}
          {data.hiddenUsageCount > 0 ? <li>{words.text('media.hiddenUsage', { count: data.hiddenUsageCount })}</li> : null}
        </ul>
      )}
      <h2>{words.text('media.earlierHeading')}</h2>
      {data.history.length === 0 ? (
        <p>{words.text('media.neverChanged')}</p>
      ) : (
        <>
          <p class="field__hint">{words.text('media.earlierIntro')}</p>
          <ol class="media-history">
            {data.history.map((entry) => (
              <li>
                <p class="media-history__when">
                  {entry.changedBy
                    ? words.rich('media.replacedBy', { when: when(entry.changedIso, entry.changedLabel), name: entry.changedBy })
                    : words.rich('media.replacedByFormer', { when: when(entry.changedIso, entry.changedLabel) })}
                </p>
                <Description words={words} values={entry.values} />
              </li>
            ))}
          </ol>
        </>
      )}
      <h2>{words.text('media.deleteHeading')}</h2>
      {!data.canDelete ? (
        <p>{words.text('media.deleteForbidden')}</p>
      ) : data.usage.length + data.hiddenUsageCount > 0 ? (
        <p>{words.text('media.inUse')}</p>
      ) : data.isSiteLogo ? (
        <p>{words.text('media.logoInUse')}</p>
      ) : (
        <form method="post" action={`/admin/media/${data.id}/delete`} class="inline-form">
          <CsrfField token={chrome.csrfToken} />
          <p class="field__hint">{words.text('media.deleteHint')}</p>
          <button type="submit" class="button button--danger">
            {words.text('media.deleteButton')}
          </button>
        </form>
      )}
    </AdminDocument>,
  );
}
