import { CsrfField, ErrorSummary, Field, FormOutcome, Select, type SelectOption, TextArea } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { type PageFormValues, pageLabels } from './page-form.ts';
import { type RichEditorSetup, richEditorFormAttributes } from '../rich-editor-form.ts';

const messages = {
  newTitle: 'New page',
  editTitle: 'Edit page',
  allPages: 'All pages',
  view: 'View on the site',
  preview: 'Preview',
  save: 'Save',
  titleHint: 'What readers see as the heading and in the browser tab.',
  positionHint: 'A whole number; lower comes first among pages with the same parent.',
  statusHint: 'Drafts stay private. A published page is public once every page above it is published too.',
  bodyHint: 'Paragraphs, headings, lists, quotes, links, library photos and embeds; anything else is removed when saved.',
  deleteHeading: 'Delete this page',
  deleteHint: (count: number) =>
    count === 0
      ? 'Removes the page for good; you confirm on the next screen.'
      : `Removes the page for good; its ${count === 1 ? 'sub-page moves' : `${count} sub-pages move`} up a level. You confirm on the next screen.`,
  deleteLink: 'Delete page…',
};

const statusOptions: readonly SelectOption[] = [
  { value: 'draft', label: 'Draft' },
  { value: 'published', label: 'Published' },
];

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

function StatusLine({ data }: { data: PageEditorData }) {
  return (
    <p class="admin-lede">
      Status: <strong>{data.statusLabel}</strong>
      {data.updated ? (
        <>
          {' · Last updated '}
          <time datetime={data.updated.iso}>{data.updated.label}</time>
        </>
      ) : null}
      {data.publicUrl ? (
        <>
          {' · '}
          <a href={data.publicUrl}>{messages.view}</a>
        </>
      ) : null}
      {data.pageId ? (
        <>
          {' · '}
          <a href={`/admin/pages/${data.pageId}/preview`}>{messages.preview}</a>
        </>
      ) : null}
      {' · '}
      <a href="/admin/pages">{messages.allPages}</a>
    </p>
  );
}

/** The page editor: a plain form that the rich editor enhances when scripts run. */
export function renderPageEditorPage(chrome: AdminChrome, data: PageEditorData): string {
  const heading = data.pageId ? messages.editTitle : messages.newTitle;
  const { values, errors } = data;
  return renderDocument(
    <AdminDocument
      chrome={chrome}
      title={data.pageId ? `${messages.editTitle}: ${values.title || 'untitled'}` : messages.newTitle}
      scripts={data.richEditor ? [data.richEditor.scriptUrl] : []}
    >
      <h1>{heading}</h1>
      <StatusLine data={data} />
      <FormOutcome notice={data.notice} problem={data.message} />
      <ErrorSummary errors={errors} labels={pageLabels} />
      <form
        method="post"
        action={data.pageId ? `/admin/pages/${data.pageId}` : '/admin/pages/new'}
        class="admin-form editor"
        novalidate
        {...richEditorFormAttributes(data.richEditor)}
      >
        <CsrfField token={chrome.csrfToken} />
        <Field name="title" label={pageLabels.title} value={values.title} error={errors.title} hint={messages.titleHint} required maxlength={200} />
        <Field name="slug" label={pageLabels.slug} value={values.slug} error={errors.slug} hint={data.slugHint} maxlength={120} />
        <div class="editor-columns">
          <Select name="parentId" label={pageLabels.parentId} options={data.parentOptions} value={values.parentId} error={errors.parentId} />
          <Field name="position" label={pageLabels.position} value={values.position} error={errors.position} hint={messages.positionHint} maxlength={7} />
          <Select name="status" label={pageLabels.status} options={statusOptions} value={values.status} error={errors.status} hint={messages.statusHint} />
        </div>
        <TextArea name="bodyHtml" label={pageLabels.bodyHtml} value={values.bodyHtml} error={errors.bodyHtml} rows={18} hint={messages.bodyHint} />
        <div class="editor-actions">
          <button type="submit" class="button button--primary">
            {messages.save}
          </button>
        </div>
      </form>
      {data.pageId ? (
        <section class="page-delete" aria-labelledby="page-delete-heading">
          <h2 id="page-delete-heading">{messages.deleteHeading}</h2>
          <p class="field__hint">{messages.deleteHint(data.subPageCount)}</p>
          <p>
            <a class="button button--danger" href={`/admin/pages/${data.pageId}/delete`}>
              {messages.deleteLink}
            </a>
          </p>
        </section>
      ) : null}
    </AdminDocument>,
  );
}
