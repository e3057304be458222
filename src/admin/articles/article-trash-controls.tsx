import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { CsrfField } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';

type Words = Translator<NewsroomKey>;

/** What a permanent deletion takes with it, as the confirmation lists it. */
const goesWithIt = ['editor.deletesRevisions', 'editor.deletesCorrections', 'editor.deletesBylines', 'editor.deletesAddresses'] as const;

/** Below the editor's form: moving to the trash is its own form, so it can never ride along with a save. */
export function TrashButton({ articleId, csrfToken, words }: { articleId: number; csrfToken: string; words: Words }) {
  return (
    <form method="post" action={`/admin/articles/${articleId}/trash`} class="editor-actions trash-form">
      <CsrfField token={csrfToken} />
      <button type="submit" class="button button--danger" aria-describedby="trash-hint">
        {words.text('editor.moveToTrash')}
      </button>
      <p id="trash-hint" class="field__hint">
        {words.text('editor.trashHint')}
      </p>
    </form>
  );
}

/** Above the editor's form of a trashed article: restore it, or (editors) go on to delete it for good. */
export function TrashedNotice(props: { articleId: number; canRestore: boolean; canDelete: boolean; csrfToken: string; words: Words }) {
  const { words } = props;
  return (
    <section class="editor-notice editor-notice--trashed" aria-labelledby="trashed-heading">
      <h2 id="trashed-heading" class="editor-notice__title">
        {words.text('editor.trashedTitle')}
      </h2>
      <p>{words.text('editor.trashed')}</p>
      {props.canRestore || props.canDelete ? (
        <form method="post" action={`/admin/articles/${props.articleId}/restore`} class="editor-notice__actions">
          <CsrfField token={props.csrfToken} />
          {props.canRestore ? (
            <button type="submit" class="button button--primary">
              {words.text('editor.restoreAsDraft')}
            </button>
          ) : null}
          {props.canDelete ? (
            <a class="button button--danger" href={`/admin/articles/${props.articleId}/delete`}>
              {words.text('editor.deleteForever')}
            </a>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}

/** The confirmation step before a permanent deletion; without it, one stray click would lose an article. */
export function renderDeleteArticlePage(chrome: AdminChrome, data: { articleId: number; headline: string }): string {
  const words = chrome.words;
  const title = words.text('editor.confirmDeleteTitle');
  return renderDocument(
    <AdminDocument chrome={chrome} title={title}>
      <h1>{title}</h1>
      <p class="admin-lede">{words.text('editor.confirmDeleteLede', { headline: data.headline })}</p>
      <ul>
        {goesWithIt.map((item) => (
          <li>{words.text(item)}</li>
        ))}
      </ul>
      <p>
        <strong>{words.text('editor.cannotUndo')}</strong>
      </p>
      <form method="post" action={`/admin/articles/${data.articleId}/delete`} class="editor-actions">
        <CsrfField token={chrome.csrfToken} />
        <button type="submit" class="button button--danger">
          {words.text('editor.confirmDelete')}
        </button>
        <a class="button" href="/admin?view=trash">
          {words.text('editor.keepInTrash')}
        </a>
      </form>
    </AdminDocument>,
  );
}
