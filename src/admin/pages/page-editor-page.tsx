import { CsrfField, ErrorSummary, Field, FormOutcome, Select, type SelectOption, TextArea } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { type PageFormValues, pageLabelsIn } from './page-form.ts';
import { type RichEditorSetup, richEditorFormAttributes } from '../rich-editor-form.ts';

export interface PageEditorData {
  /** Absent for a new page. */
  readonly pageId?: number;
  readonly values: PageFormValues;
  readonly errors: Readonly<Record<string, string>>;
  readonly notice?: string;
  readonly message?: string;
  /** "— Top level —" and every page it may sit under (never itself or one of its own sub-pages). */
  readonly parentOptions: readonly SelectOption[];
  readonly statusLabel: string;
  readonly updated?: { readonly iso: string; readonly label: string };
  /** Where readers find it, when they can. */
  readonly publicUrl?: string;
  /** The address the slug makes, in words, e.g. "Its address is https://news.example/page/about/masthead." */
  readonly slugHint: string;
  /** Direct sub-pages, which move up a level if it is deleted. */
  readonly subPageCount: number;
  readonly richEditor?: RichEditorSetup;
}

function StatusLine({ words, data }: { words: AdminChrome['words']; data: PageEditorData }) {
  return (
    <p class="admin-lede">
      {words.text('sitePages.statusLabel')} <strong>{data.statusLabel}</strong>
      {data.updated ? (
        <>
          {' · '}
          {words.text('sitePages.lastUpdated')} <time datetime={data.updated.iso}>{data.updated.label}</time>
        </>
      ) : null}
      {data.publicUrl ? (
        <>
          {' · '}
          <a href={data.publicUrl}>{words.text('sitePages.viewOnSite')}</a>
        </>
      ) : null}
      {data.pageId ? (
        <>
          {' · '}
          <a href={`/admin/pages/${data.pageId}/preview`}>{words.text('sitePages.preview')}</a>
        </>
      ) : null}
      {' · '}
      <a href="/admin/pages">{words.text('sitePages.allPages')}</a>
    </p>
  );
}

/** The page editor: a plain form that the rich editor enhances when scripts run. */
export function renderPageEditorPage(chrome: AdminChrome, data: PageEditorData): string {
  const words = chrome.words;
  const heading = words.text(data.pageId ? 'sitePages.editTitle' : 'sitePages.newPage');
  const pageLabels = pageLabelsIn(words);
  const statusOptions: readonly SelectOption[] = [
    { value: 'draft', label: words.text('sitePages.draft') },
    { value: 'published', label: words.text('sitePages.published') },
  ];
  const { values, errors } = data;
  return renderDocument(
    <AdminDocument
      chrome={chrome}
      title={data.pageId ? words.text('sitePages.editTitleNamed', { title: values.title || words.text('sitePages.untitled') }) : heading}
      scripts={data.richEditor ? [data.richEditor.scriptUrl] : []}
    >
      <h1>{heading}</h1>
      <StatusLine words={words} data={data} />
      <FormOutcome notice={data.notice} problem={data.message} />
      <ErrorSummary errors={errors} labels={pageLabels} title={words.text('sitePages.problemTitle')} />
      <form
        method="post"
        action={data.pageId ? `/admin/pages/${data.pageId}` : '/admin/pages/new'}
        class="admin-form editor"
        novalidate
        {...richEditorFormAttributes(data.richEditor)}
      >
        <CsrfField token={chrome.csrfToken} />
        <Field
          name="title"
          label={pageLabels.title}
          value={values.title}
          error={errors.title}
          hint={words.text('sitePages.titleHint')}
          required
          requiredLabel={words.text('chrome.required')}
          maxlength={200}
        />
        <Field name="slug" label={pageLabels.slug} value={values.slug} error={errors.slug} hint={data.slugHint} maxlength={120} />
        <div class="editor-columns">
          <Select name="parentId" label={pageLabels.parentId} options={data.parentOptions} value={values.parentId} error={errors.parentId} />
          <Field
            name="position"
            label={pageLabels.position}
            value={values.position}
            error={errors.position}
            hint={words.text('sitePages.positionHint')}
            maxlength={7}
          />
          <Select
            name="status"
            label={pageLabels.status}
            options={statusOptions}
            value={values.status}
            error={errors.status}
            hint={words.text('sitePages.statusHint')}
          />
        </div>
        <TextArea
          name="bodyHtml"
          label={pageLabels.bodyHtml}
          value={values.bodyHtml}
          error={errors.bodyHtml}
          rows={18}
          hint={words.text('sitePages.bodyHint')}
        />
        <div class="editor-actions">
          <button type="submit" class="button button--primary">
            {words.text('sitePages.save')}
          </button>
        </div>
      </form>
      {data.pageId ? (
        <section class="page-delete" aria-labelledby="page-delete-heading">
          <h2 id="page-delete-heading">{words.text('sitePages.deleteHeading')}</h2>
          <p class="field__hint">
            {data.subPageCount === 0 ? words.text('sitePages.deleteHintAlone') : words.text('sitePages.deleteHintMoving', { count: data.subPageCount })}
          </p>
          <p>
            <a class="button button--danger" href={`/admin/pages/${data.pageId}/delete`}>
              {words.text('sitePages.deleteLink')}
            </a>
          </p>
        </section>
      ) : null}
    </AdminDocument>,
  );
}
