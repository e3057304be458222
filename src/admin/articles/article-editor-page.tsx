import { type ArticleKind, type ChecklistItem, type Correction, articleKindNames, languageChoices } from '../../articles/index.ts';
import { CsrfField, FormOutcome, ErrorSummary, Field, Select, type SelectOption, TextArea } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { PinSwitch } from './article-pin.tsx';
import { TrashButton, TrashedNotice } from './article-trash-controls.tsx';
import { DraftNotices, type EditorDraftState, PendingChangeNotice, type PendingChangeNoticeData } from './editor-notices.tsx';
import { type RichEditorSetup, richEditorFormAttributes } from '../rich-editor-form.ts';

function CommentsSwitch({ articleId, comments, csrfToken }: { articleId: number; comments: NonNullable<EditorPageData['comments']>; csrfToken: string }) {
  return (
    <section class="checklist" aria-labelledby="comments-switch-heading">
      <h2 id="comments-switch-heading">Comments</h2>
      <p>
        {comments.open ? 'Readers can comment on this article' : 'Comments are closed on this article'} ({comments.count} approved).{' '}
        <a href="/admin/comments">Moderation queue</a>
      </p>
      <form method="post" action={`/admin/comments/article/${articleId}`}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="comments" value={comments.open ? 'closed' : 'open'} />
        <button type="submit" class="button">
          {comments.open ? 'Close comments' : 'Open comments'}
        </button>
      </form>
    </section>
  );
}

export interface EditorPageData {
  /** Absent for a new article. */
  readonly articleId?: number;
  readonly statusLabel: string;
  /** When a live article went or goes live, shown after its status: "Scheduled for …", "Published …". */
  readonly statusTime?: { readonly iso: string; readonly label: string; readonly preposition?: string };
  /** The pre-publish checks of the saved version. */
  readonly checklist: readonly ChecklistItem[];
  readonly corrections: readonly Correction[];
  /** Published articles take corrections; drafts are simply edited. */
  readonly canCorrect: boolean;
  readonly publicUrl?: string;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly message?: string;
  readonly notice?: string;
  readonly sections: readonly SelectOption[];
  readonly authors: readonly SelectOption[];
  readonly images: readonly SelectOption[];
  readonly canPublish: boolean;
  /** Whether this person may create tags by typing new names; otherwise they choose existing ones. */
  readonly mayCreateTags: boolean;
  /** Saved articles, for editors: whether it is pinned as the home page's lead. */
  readonly pin?: { readonly pinned: boolean };
  /** Saved articles only: what this person may do with the trash. */
  readonly trash?: { readonly trashed: boolean; readonly canTrash: boolean; readonly canDelete: boolean };
  readonly isLive: boolean;
  /** Due to go live by itself: it can still be published now, moved to another time, or unscheduled. */
  readonly isScheduled?: boolean;
  /** This person's saves of the live article wait for an editor's review. */
  readonly editsAreHeld: boolean;
  /** A change to the live article waiting for review, when this person wrote it or may decide on it. */
  readonly pendingChange?: PendingChangeNoticeData;
  /** Saved articles, for those who moderate: this article's own comments switch. */
  readonly comments?: { readonly open: boolean; readonly count: number };
  readonly timeZone: string;
  readonly richEditor?: RichEditorSetup;
  readonly drafts?: EditorDraftState;
}

export const editorLabels: Record<string, string> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  slug: 'Slug',
  sectionId: 'Section',
  byline1: 'First byline',
  byline2: 'Second byline',
  byline3: 'Third byline',
  tags: 'Tags',
  dateline: 'Dateline',
  featuredMediaId: 'Featured photo',
  socialImageId: 'Social image',
  bodyHtml: 'Body',
  seoTitle: 'Search title',
  seoDescription: 'Search description',
  publishAt: 'Publish at',
  kind: 'Type of work',
  language: 'Language',
  correctionKind: 'Correction or update',
  correctionText: 'Note',
};

const kindOptions = (Object.keys(articleKindNames) as ArticleKind[]).map((kind) => ({ value: kind, label: articleKindNames[kind] }));

const none = { value: '', label: '— None —' };
const sameAsFeatured = { value: '', label: '— The featured photo —' };

function Bylines({ data }: { data: EditorPageData }) {
  return (
    <fieldset class="field-group">
      <legend>Bylines, in order</legend>
      {(['byline1', 'byline2', 'byline3'] as const).map((name) => (
        <Select name={name} label={editorLabels[name]!} options={[none, ...data.authors]} value={data.values[name]} error={data.errors[name]} />
      ))}
    </fieldset>
  );
}

function Checklist({ items }: { items: readonly ChecklistItem[] }) {
  if (items.length === 0) return null;
  const failing = items.filter((item) => !item.passed);
  return (
    <section class="checklist" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">Before publishing</h2>
      {failing.length === 0 ? (
        <p class="checklist__ok">Every check passes.</p>
      ) : (
        <ul>
          {failing.map((item) => (
            <li class={item.blocking ? 'checklist__item checklist__item--blocking' : 'checklist__item'}>
              <strong>{item.blocking ? 'Must fix: ' : 'Check: '}</strong>
              {item.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Corrections({ data, csrfToken }: { data: EditorPageData; csrfToken: string }) {
  return (
    <section class="checklist" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">Corrections and updates</h2>
      {data.corrections.length > 0 ? (
        <ol>
          {data.corrections.map((note) => (
            <li>
              <strong>
                {note.kind === 'correction' ? 'Correction' : 'Update'}, {note.createdAt.toISOString().slice(0, 10)}:
              </strong>{' '}
              {note.text}
            </li>
          ))}
        </ol>
      ) : (
        <p>None yet. A note added here appears, dated, at the end of the article; corrections are also listed on the public corrections page.</p>
      )}
      <form method="post" action={`/admin/articles/${data.articleId}/corrections`} class="admin-form" novalidate>
        <CsrfField token={csrfToken} />
        <Select
          name="correctionKind"
          label={editorLabels.correctionKind!}
          options={[
            { value: 'correction', label: 'Correction: a fact was wrong' },
            { value: 'update', label: 'Update: there is news' },
          ]}
          value={data.values.correctionKind}
          error={data.errors.correctionKind}
        />
        <TextArea
          name="correctionText"
          label={editorLabels.correctionText!}
          value={data.values.correctionText}
          error={data.errors.correctionText}
          rows={3}
          maxlength={2000}
        />
        <button type="submit" class="button">
          Add to the article
        </button>
      </form>
    </section>
  );
}

/**
 * Save and publish, in a bar that sticks to the bottom of the screen (admin.css), so saving is one tap
 * away however long the article; the time field and Unpublish sit after it, the destructive action apart.
 */
function Actions({ data }: { data: EditorPageData }) {
  const canPublishNow = data.canPublish && (!data.isLive || data.isScheduled);
  return (
    <>
      <div class="editor-actions editor-bar">
        <div class="editor-bar__state">
          <div class="editor-bar__status" data-save-status>
            <p>
              Status: <strong>{data.statusLabel}</strong>
            </p>
          </div>
          {canPublishNow ? (
            <a class="editor-bar__link" href="#schedule">
              {data.isScheduled ? 'Change time…' : 'Schedule…'}
            </a>
          ) : null}
        </div>
        <button type="submit" name="intent" value="save" class="button">
          {data.editsAreHeld ? 'Send changes for review' : data.isLive ? 'Save changes' : 'Save draft'}
        </button>
        {!data.isLive && !data.canPublish ? (
          <button type="submit" name="intent" value="review" class="button">
            Submit for review
          </button>
        ) : null}
        {canPublishNow ? (
          <button type="submit" name="intent" value="publish" class="button button--primary">
            Publish now
          </button>
        ) : null}
      </div>
      {canPublishNow ? (
        <div class="schedule" id="schedule">
          <Field
            name="publishAt"
            label={`${editorLabels.publishAt} (${data.timeZone})`}
            value={data.values.publishAt}
            error={data.errors.publishAt}
            hint="Day and time, e.g. 2026-12-01T07:30"
          />
          <button type="submit" name="intent" value="schedule" class="button">
            {data.isScheduled ? 'Change time' : 'Schedule'}
          </button>
        </div>
      ) : null}
      {data.canPublish && data.isLive ? (
        <div class="editor-danger">
          <button type="submit" name="intent" value="unpublish" class="button button--danger">
            {data.isScheduled ? 'Unschedule' : 'Unpublish'}
          </button>
        </div>
      ) : null}
    </>
  );
}

export function renderEditorPage(chrome: AdminChrome, data: EditorPageData): string {
  const action = data.articleId ? `/admin/articles/${data.articleId}` : '/admin/articles/new';
  const title = data.articleId ? `Edit: ${data.values.headline || 'untitled'}` : 'New article';
  return renderDocument(
    <AdminDocument chrome={chrome} title={title} scripts={data.richEditor ? [data.richEditor.scriptUrl] : []}>
      <h1>{data.articleId ? 'Edit article' : 'New article'}</h1>
      <p class="admin-lede">
        Status: <strong>{data.statusLabel}</strong>
        {data.statusTime ? (
          <>
            {data.statusTime.preposition ? ` ${data.statusTime.preposition} ` : ' '}
            <time datetime={data.statusTime.iso}>{data.statusTime.label}</time>
          </>
        ) : null}
        {data.publicUrl ? (
          <>
            {' · '}
            <a href={data.publicUrl}>View on the site</a>
          </>
        ) : null}
        {data.articleId ? (
          <>
            {' · '}
            <a href={`/admin/articles/${data.articleId}/preview`}>Preview</a>
            {' · '}
            <a href={`/admin/articles/${data.articleId}/revisions`}>Revisions</a>
          </>
        ) : null}
      </p>
      <FormOutcome notice={data.notice} problem={data.message} />
      {data.articleId && data.trash?.trashed ? (
        <TrashedNotice articleId={data.articleId} canRestore={data.trash.canTrash} canDelete={data.trash.canDelete} csrfToken={chrome.csrfToken} />
      ) : null}
      {data.pendingChange ? <PendingChangeNotice change={data.pendingChange} csrfToken={chrome.csrfToken} /> : null}
      {data.drafts ? <DraftNotices drafts={data.drafts} csrfToken={chrome.csrfToken} /> : null}
      <ErrorSummary errors={data.errors} labels={editorLabels} />
      <form method="post" action={action} class="admin-form editor" novalidate {...richEditorFormAttributes(data.richEditor)}>
        <CsrfField token={chrome.csrfToken} />
        <input type="hidden" name="loadedVersion" value={data.values.loadedVersion ?? ''} />
        <Field name="headline" label={editorLabels.headline!} value={data.values.headline} error={data.errors.headline} required maxlength={200} />
        <TextArea name="standfirst" label={editorLabels.standfirst!} value={data.values.standfirst} error={data.errors.standfirst} rows={2} maxlength={600} />
        <div class="editor-columns">
          <Select
            name="kind"
            label={editorLabels.kind!}
            options={kindOptions}
            value={data.values.kind || 'news'}
            error={data.errors.kind}
            hint="Readers see every type but news labelled."
          />
          <Select
            name="sectionId"
            label={editorLabels.sectionId!}
            options={[none, ...data.sections]}
            value={data.values.sectionId}
            error={data.errors.sectionId}
          />
          <Field
            name="dateline"
            label={editorLabels.dateline!}
            value={data.values.dateline}
            error={data.errors.dateline}
            hint="Place only, e.g. SEOUL"
            maxlength={60}
          />
        </div>
        <Select
          name="language"
          label={editorLabels.language!}
          options={languageChoices(chrome.language, data.values.language ?? '')}
          value={data.values.language}
          error={data.errors.language}
          hint="What the article is written in. Arabic, Hebrew, Persian and Urdu are shown right to left."
        />
        <Bylines data={data} />
        <Field
          name="tags"
          label={editorLabels.tags!}
          value={data.values.tags}
          error={data.errors.tags}
          hint={
            data.mayCreateTags ? 'Separated by commas; new tags are created.' : 'Separated by commas; choose existing tags (only editors can create new ones).'
          }
          maxlength={600}
        />
        <Select
          name="featuredMediaId"
          label={editorLabels.featuredMediaId!}
          options={[none, ...data.images]}
          value={data.values.featuredMediaId}
          error={data.errors.featuredMediaId}
          hint="Upload photos in the media library."
        />
        <Select
          name="socialImageId"
          label={editorLabels.socialImageId!}
          options={[sameAsFeatured, ...data.images]}
          value={data.values.socialImageId}
          error={data.errors.socialImageId}
          hint="What social networks show when the article is shared, if not the featured photo."
        />
        <TextArea
          name="bodyHtml"
          label={editorLabels.bodyHtml!}
          value={data.values.bodyHtml}
          error={data.errors.bodyHtml}
          rows={18}
          hint="Paragraphs, headings, lists, quotes, links, library photos and embeds; anything else is removed when saved."
        />
        {/* Opened when one of its fields is refused, so the message and the field are in view. */}
        <details class="field-group" open={data.errors.slug || data.errors.seoTitle || data.errors.seoDescription ? true : undefined}>
          <summary>Address and search engines</summary>
          <Field
            name="slug"
            label={editorLabels.slug!}
            value={data.values.slug}
            error={data.errors.slug}
            hint="Leave empty to make one from the headline. Old addresses keep working."
            maxlength={120}
          />
          <Field name="seoTitle" label={editorLabels.seoTitle!} value={data.values.seoTitle} error={data.errors.seoTitle} maxlength={120} />
          <TextArea
            name="seoDescription"
            label={editorLabels.seoDescription!}
            value={data.values.seoDescription}
            error={data.errors.seoDescription}
            rows={2}
            maxlength={320}
          />
        </details>
        {data.trash?.trashed ? null : <Actions data={data} />}
      </form>
      {data.articleId && data.trash?.canTrash && !data.trash.trashed ? <TrashButton articleId={data.articleId} csrfToken={chrome.csrfToken} /> : null}
      <Checklist items={data.checklist} />
      {data.articleId && data.pin ? <PinSwitch articleId={data.articleId} pinned={data.pin.pinned} csrfToken={chrome.csrfToken} /> : null}
      {data.articleId && data.comments ? <CommentsSwitch articleId={data.articleId} comments={data.comments} csrfToken={chrome.csrfToken} /> : null}
      {data.canCorrect && data.articleId ? <Corrections data={data} csrfToken={chrome.csrfToken} /> : null}
    </AdminDocument>,
  );
}
