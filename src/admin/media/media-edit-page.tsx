import { type DescriptionField, descriptionFields, descriptionLabels as labels, descriptionLimits as limits } from '../../media/index.ts';
import { CsrfField, FormOutcome, ErrorSummary, Field, TextArea } from '../../render/form.tsx';
import { Picture, type ResponsiveImage } from '../../render/picture.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';

const messages = {
  altHint: 'What the photo shows, for readers who cannot see it. Not a repeat of the caption.',
  captionHint: 'Shown under the photo. Plain text.',
  creditHint: 'Shown after the caption, e.g. "Reuters" or "Mina Park / Gazette".',
  notUsed: 'No article uses this photo.',
  inUse: 'It cannot be deleted while articles use it. Remove it from them first.',
  hiddenUsage: (count: number) => `${count === 1 ? 'An article' : `${count} articles`} you cannot open (another writer’s unpublished work)`,
  siteLogo: 'The site’s logo',
  siteLogoHint: 'change it in the settings',
  logoInUse: 'It cannot be deleted while it is the site’s logo. Choose another logo in the settings first.',
  deleteForbidden: 'Only editors, admins and owners can delete photos.',
  deleteHint: 'Deletes the photo and every size made from it. This cannot be undone.',
  earlierIntro: 'The text each change replaced, most recent first.',
  neverChanged: 'The description has not been changed since the photo was uploaded.',
  replaced: 'Replaced',
  by: (name: string | null) => (name ? ` by ${name}` : ' by a former member of staff'),
  empty: '(empty)',
};

const statusLabels = { draft: 'Draft', scheduled: 'Scheduled', published: 'Published' } as const;

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
    readonly status: keyof typeof statusLabels;
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

function Description({ values }: { values: Readonly<Record<DescriptionField, string>> }) {
  return (
    <dl class="admin-facts">
      {descriptionFields.map((name) => (
        <>
          <dt>{labels[name]}</dt>
          <dd>{values[name] === '' ? messages.empty : values[name]}</dd>
        </>
      ))}
    </dl>
  );
}

export function renderMediaEditPage(chrome: AdminChrome, data: MediaEditPageData): string {
  const field = (name: DescriptionField, hint?: string) => (
    <Field name={name} label={labels[name]} value={data.values[name]} error={data.errors[name]} maxlength={limits[name]} hint={hint} />
  );
  return renderDocument(
    <AdminDocument chrome={chrome} title={`Edit ${data.name}`}>
      <p class="admin-back">
        <a href="/admin/media">← Media library</a>
      </p>
      <h1 class="media-edit__title">{data.name}</h1>
      <FormOutcome notice={data.notice} problem={data.problem} />
      <div class="media-edit">
        <div class="media-edit__preview">
          <Picture image={data.image} options={{ sizes: '(min-width: 60rem) 24rem, 100vw', priority: true }} />
          <dl class="admin-facts">
            <dt>Type</dt>
            <dd>{data.facts.type}</dd>
            <dt>Size</dt>
            <dd>{data.facts.size}</dd>
            <dt>Uploaded</dt>
            <dd>
              <time datetime={data.facts.uploadedIso}>{data.facts.uploadedLabel}</time>
              {data.facts.uploadedBy ? messages.by(data.facts.uploadedBy) : null}
            </dd>
          </dl>
        </div>
        <div class="media-edit__form">
          {data.describeRefusal ? (
            <>
              <p class="form-message" role={data.refusedNow ? 'alert' : undefined}>
                {data.describeRefusal}
              </p>
              <Description values={data.values} />
            </>
          ) : (
            <>
              <ErrorSummary errors={data.errors} labels={labels} />
              <form method="post" action={`/admin/media/${data.id}`} class="admin-form" novalidate>
                <CsrfField token={chrome.csrfToken} />
                <TextArea
                  name="alt"
                  label={labels.alt}
                  value={data.values.alt}
                  error={data.errors.alt}
                  maxlength={limits.alt}
                  hint={messages.altHint}
                  rows={2}
                  required
                />
                <TextArea
                  name="caption"
                  label={labels.caption}
                  value={data.values.caption}
                  error={data.errors.caption}
                  maxlength={limits.caption}
                  hint={messages.captionHint}
                  rows={4}
                />
                {field('credit', messages.creditHint)}
                {field('photographer')}
                {field('copyright')}
                <button type="submit" class="button button--primary">
                  Save description
                </button>
              </form>
            </>
          )}
        </div>
      </div>
      <h2>Used in</h2>
      {data.usage.length === 0 && data.hiddenUsageCount === 0 && !data.isSiteLogo ? (
        <p>{messages.notUsed}</p>
      ) : (
        <ul class="media-usage">
          {data.isSiteLogo ? (
            <li>
              {messages.siteLogo} (<a href="/admin/settings">{messages.siteLogoHint}</a>)
            </li>
          ) : null}
          {data.usage.map((article) => (
            <li>
              <a href={article.editUrl}>{article.headline}</a> <span class={`status status--${article.status}`}>{statusLabels[article.status]}</span>
              {article.publicUrl ? (
                <>
                  {' '}
                  <a class="view-link" href={article.publicUrl}>
                    View on the site
                  </a>
                </>
              ) : null}
            </li>
          ))}
          {data.hiddenUsageCount > 0 ? <li>{messages.hiddenUsage(data.hiddenUsageCount)}</li> : null}
        </ul>
      )}
      <h2>Earlier descriptions</h2>
      {data.history.length === 0 ? (
        <p>{messages.neverChanged}</p>
      ) : (
        <>
          <p class="field__hint">{messages.earlierIntro}</p>
          <ol class="media-history">
            {data.history.map((entry) => (
              <li>
                <p class="media-history__when">
                  {messages.replaced} <time datetime={entry.changedIso}>{entry.changedLabel}</time>
                  {messages.by(entry.changedBy)}
                </p>
                <Description values={entry.values} />
              </li>
            ))}
          </ol>
        </>
      )}
      <h2>Delete</h2>
      {!data.canDelete ? (
        <p>{messages.deleteForbidden}</p>
      ) : data.usage.length + data.hiddenUsageCount > 0 ? (
        <p>{messages.inUse}</p>
      ) : data.isSiteLogo ? (
        <p>{messages.logoInUse}</p>
      ) : (
        <form method="post" action={`/admin/media/${data.id}/delete`} class="inline-form">
          <CsrfField token={chrome.csrfToken} />
          <p class="field__hint">{messages.deleteHint}</p>
          <button type="submit" class="button button--danger">
            Delete this photo
          </button>
        </form>
      )}
    </AdminDocument>,
  );
}
