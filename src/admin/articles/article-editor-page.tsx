import { type ArticleKind, type Correction, articleKindNames, languageChoices } from '../../articles/index.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { CsrfField, FormOutcome, ErrorSummary, Field, Select, type SelectOption, TextArea } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { type RichEditorSetup, richEditorFormAttributes } from '../rich-editor-form.ts';
import { PinSwitch } from './article-pin.tsx';
import { TrashButton, TrashedNotice } from './article-trash-controls.tsx';
import { FeaturedPhoto, type FeaturedPhotoChoice, featuredPhotoLabels } from './editor-featured-photo.tsx';
import { DraftNotices, type EditorDraftState, PendingChangeNotice, type PendingChangeNoticeData } from './editor-notices.tsx';
import { BodyStats } from './editor-body-stats.tsx';
import { SearchAndSocialPanel, type SearchPanelPreview } from './editor-search-panel.tsx';
import { EditorBar, PublishingPanel, type PublishingState, publishAtLabel, TakeDown } from './editor-publish-panel.tsx';
import { CommentsSwitch, Corrections, sideFormLabels } from './editor-side-forms.tsx';

export interface EditorPageData extends PublishingState {
  readonly corrections: readonly Correction[];
  /** Published articles take corrections; drafts are simply edited. */
  readonly canCorrect: boolean;
  readonly publicUrl?: string;
  readonly message?: string;
  readonly notice?: string;
  readonly sections: readonly SelectOption[];
  readonly authors: readonly SelectOption[];
  readonly images: readonly SelectOption[];
  /** The featured photo chosen in the form, with what the editor shows of it. */
  readonly featuredPhoto?: FeaturedPhotoChoice;
  /** Whether this person may create tags by typing new names; otherwise they choose existing ones. */
  readonly mayCreateTags: boolean;
  /** Saved articles, for editors: whether it is pinned as the home page's lead. */
  readonly pin?: { readonly pinned: boolean };
  /** Saved articles only: what this person may do with the trash. */
  readonly trash?: { readonly trashed: boolean; readonly canTrash: boolean; readonly canDelete: boolean };
  /** A change to the live article waiting for review, when this person wrote it or may decide on it. */
  readonly pendingChange?: PendingChangeNoticeData;
  /** Saved articles, for those who moderate: this article's own comments switch. */
  readonly comments?: { readonly open: boolean; readonly count: number };
  readonly richEditor?: RichEditorSetup;
  readonly drafts?: EditorDraftState;
  /** What the search result and the social card previews are drawn from besides the form. */
  readonly searchPreview: SearchPanelPreview;
}

type Words = Translator<NewsroomKey>;

/** The form's fields by name, as labels and in the error summary. */
export function editorLabels(words: Words): Record<string, string> {
  return {
    headline: words.text('editor.headlineLabel'),
    standfirst: words.text('editor.standfirstLabel'),
    slug: words.text('editor.slugLabel'),
    sectionId: words.text('editor.sectionLabel'),
    byline1: words.text('editor.byline1Label'),
    byline2: words.text('editor.byline2Label'),
    byline3: words.text('editor.byline3Label'),
    tags: words.text('editor.tagsLabel'),
    dateline: words.text('editor.datelineLabel'),
    ...featuredPhotoLabels(words),
    socialImageId: words.text('editor.socialImageLabel'),
    bodyHtml: words.text('editor.bodyLabel'),
    seoTitle: words.text('editor.seoTitleLabel'),
    seoDescription: words.text('editor.seoDescriptionLabel'),
    publishAt: words.text('editor.publishAtLabel'),
    kind: words.text('editor.kindLabel'),
    language: words.text('editor.languageLabel'),
    ...sideFormLabels(words),
  };
}

const kindOptions = (words: Words) =>
  (Object.keys(articleKindNames) as ArticleKind[]).map((kind) => ({ value: kind, label: words.text(`articles.kind.${kind}`) }));

/** What the page's parts share: the data, the newsroom's words and the field names in them. */
interface EditorParts {
  readonly data: EditorPageData;
  readonly words: Words;
  readonly labels: Readonly<Record<string, string>>;
}

function Bylines({ data, words, labels }: EditorParts) {
  const none = { value: '', label: words.text('editor.noChoice') };
  return (
    <fieldset class="field-group">
      <legend>{words.text('editor.bylinesLegend')}</legend>
      {(['byline1', 'byline2', 'byline3'] as const).map((name) => (
        <Select name={name} label={labels[name]!} options={[none, ...data.authors]} value={data.values[name]} error={data.errors[name]} />
      ))}
    </fieldset>
  );
}

/** Where the story is filed and who wrote it: the side column, beside the writing. */
function ArticleSettings({ parts, siteLanguage }: { parts: EditorParts; siteLanguage: string }) {
  const { data, words, labels } = parts;
  return (
    <section class="editor-panel" aria-labelledby="article-settings-heading">
      <h2 id="article-settings-heading">{words.text('editor.filingHeading')}</h2>
      <Select
        name="sectionId"
        label={labels.sectionId!}
        options={[{ value: '', label: words.text('editor.noChoice') }, ...data.sections]}
        value={data.values.sectionId}
        error={data.errors.sectionId}
      />
      <Select
        name="kind"
        label={labels.kind!}
        options={kindOptions(words)}
        value={data.values.kind || 'news'}
        error={data.errors.kind}
        hint={words.text('editor.kindHint')}
      />
      <Field
        name="dateline"
        label={labels.dateline!}
        value={data.values.dateline}
        error={data.errors.dateline}
        hint={words.text('editor.datelineHint')}
        maxlength={60}
      />
      <Bylines {...parts} />
      <Field
        name="tags"
        label={labels.tags!}
        value={data.values.tags}
        error={data.errors.tags}
        hint={words.text(data.mayCreateTags ? 'editor.tagsHintCreate' : 'editor.tagsHintExisting')}
        maxlength={600}
      />
      <Select
        name="language"
        label={labels.language!}
        options={languageChoices(siteLanguage, data.values.language ?? '', {
          displayIn: words.catalog,
          siteLanguage: (name) => words.text('editor.siteLanguageOption', { name }),
        })}
        value={data.values.language}
        error={data.errors.language}
        hint={words.text('editor.languageHint')}
      />
      <Select
        name="socialImageId"
        label={labels.socialImageId!}
        options={[{ value: '', label: words.text('editor.sameAsFeatured') }, ...data.images]}
        value={data.values.socialImageId}
        error={data.errors.socialImageId}
        hint={words.text('editor.socialImageHint')}
      />
    </section>
  );
}

/** The writing itself: headline, standfirst, featured photo and body, in the order a reader meets them. */
function Writing({ parts, siteLanguage }: { parts: EditorParts; siteLanguage: string }) {
  const { data, words, labels } = parts;
  return (
    <div class="editor-main">
      <Field
        name="headline"
        dir="auto"
        label={labels.headline!}
        value={data.values.headline}
        error={data.errors.headline}
        required
        requiredLabel={words.text('chrome.required')}
        maxlength={200}
      />
      <TextArea
        name="standfirst"
        dir="auto"
        label={labels.standfirst!}
        value={data.values.standfirst}
        error={data.errors.standfirst}
        rows={2}
        maxlength={600}
      />
      <FeaturedPhoto
        data={{
          values: data.values,
          errors: data.errors,
          images: data.images,
          uploadUrl: '/admin/media',
          ...(data.featuredPhoto ? { photo: data.featuredPhoto } : {}),
        }}
        words={words}
      />
      <TextArea
        name="bodyHtml"
        dir="auto"
        label={labels.bodyHtml!}
        value={data.values.bodyHtml}
        error={data.errors.bodyHtml}
        rows={18}
        hint={words.text('editor.bodyHint')}
      />
      <BodyStats bodyHtml={data.values.bodyHtml ?? ''} language={data.values.language || siteLanguage} words={words} />
    </div>
  );
}

function Links({ data, words }: EditorParts) {
  const links = [
    ...(data.publicUrl ? [{ href: data.publicUrl, label: words.text('editor.viewOnSite') }] : []),
    ...(data.articleId ? [{ href: `/admin/articles/${data.articleId}/revisions`, label: words.text('editor.revisions') }] : []),
  ];
  if (links.length === 0) return null;
  return (
    <ul class="editor-links">
      {links.map((link) => (
        <li>
          <a href={link.href}>{link.label}</a>
        </li>
      ))}
    </ul>
  );
}

export function renderEditorPage(chrome: AdminChrome, data: EditorPageData): string {
  const words = chrome.words;
  const labels = editorLabels(words);
  const parts: EditorParts = { data, words, labels };
  const action = data.articleId ? `/admin/articles/${data.articleId}` : '/admin/articles/new';
  const title = data.articleId
    ? words.text('editor.editTitle', { headline: data.values.headline || words.text('editor.untitled') })
    : words.text('editor.newArticle');
  const editable = !data.trash?.trashed;
  const csrfToken = chrome.csrfToken;
  return renderDocument(
    <AdminDocument chrome={chrome} title={title} scripts={data.richEditor ? [data.richEditor.scriptUrl] : []}>
      <div class="admin-heading editor-heading">
        <h1>{words.text(data.articleId ? 'editor.editArticle' : 'editor.newArticle')}</h1>
        <Links {...parts} />
      </div>
      {editable ? null : <p class="admin-lede">{words.rich('editor.status', { status: <strong>{data.statusLabel}</strong> })}</p>}
      <FormOutcome notice={data.notice} problem={data.message} />
      {data.articleId && data.trash?.trashed ? (
        <TrashedNotice articleId={data.articleId} canRestore={data.trash.canTrash} canDelete={data.trash.canDelete} csrfToken={csrfToken} words={words} />
      ) : null}
      {data.pendingChange ? <PendingChangeNotice change={data.pendingChange} csrfToken={csrfToken} words={words} /> : null}
      {data.drafts ? <DraftNotices drafts={data.drafts} csrfToken={csrfToken} words={words} /> : null}
      <ErrorSummary
        errors={data.errors}
        labels={{ ...labels, publishAt: publishAtLabel(words, data.timeZone) }}
        title={words.text('editor.errorSummaryTitle')}
      />
      <form method="post" action={action} class="admin-form editor" novalidate {...richEditorFormAttributes(data.richEditor)}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="loadedVersion" value={data.values.loadedVersion ?? ''} />
        <Writing parts={parts} siteLanguage={chrome.language} />
        {editable ? <EditorBar state={data} words={words} /> : null}
        <div class="editor-side">
          {editable ? <PublishingPanel state={data} words={words} /> : null}
          <ArticleSettings parts={parts} siteLanguage={chrome.language} />
          <SearchAndSocialPanel values={data.values} errors={data.errors} labels={labels} preview={data.searchPreview} words={words} />
        </div>
        {editable ? <TakeDown state={data} words={words} /> : null}
      </form>
      <div class="editor-more">
        {data.articleId && data.pin ? <PinSwitch articleId={data.articleId} pinned={data.pin.pinned} csrfToken={csrfToken} words={words} /> : null}
        {data.articleId && data.comments ? <CommentsSwitch articleId={data.articleId} comments={data.comments} csrfToken={csrfToken} words={words} /> : null}
        {data.canCorrect && data.articleId ? (
          <Corrections
            data={{ articleId: data.articleId, corrections: data.corrections, values: data.values, errors: data.errors }}
            csrfToken={csrfToken}
            words={words}
          />
        ) : null}
        {data.articleId && data.trash?.canTrash && !data.trash.trashed ? <TrashButton articleId={data.articleId} csrfToken={csrfToken} words={words} /> : null}
      </div>
    </AdminDocument>,
  );
}
