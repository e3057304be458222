import { CsrfField } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';

const messages = {
  moveToTrash: 'Move to trash',
  trashHint: 'Takes it off the site at once (page, lists, search, feeds). It can be restored from the trash.',
  trashedTitle: 'In the trash',
  trashed: 'Readers cannot see this article. Restore it to edit or publish it again; it comes back as a draft.',
  restore: 'Restore as a draft',
  deleteForever: 'Delete permanently…',
  confirmTitle: 'Delete this article permanently?',
  confirmLede: (headline: string) => `“${headline}” will be deleted for good, with everything that belongs to it:`,
  goesWithIt: [
    'every revision and unsaved autosave',
    'its corrections and updates',
    'its bylines and tags (the authors and tags themselves stay)',
    'its old addresses, which will then answer “not found”',
  ],
  cannotUndo: 'This cannot be undone. Photos it used stay in the media library.',
  confirm: 'Delete permanently',
  cancel: 'Keep it in the trash',
};

/** Below the editor's form: moving to the trash is its own form, so it can never ride along with a save. */
export function TrashButton({ articleId, csrfToken }: { articleId: number; csrfToken: string }) {
  return (
    <form method="post" action={`/admin/articles/${articleId}/trash`} class="editor-actions trash-form">
      <CsrfField token={csrfToken} />
      <button type="submit" class="button button--danger" aria-describedby="trash-hint">
        {messages.moveToTrash}
      </button>
      <p id="trash-hint" class="field__hint">
        {messages.trashHint}
      </p>
    </form>
  );
}

/** Above the editor's form of a trashed article: restore it, or (editors) go on to delete it for good. */
export function TrashedNotice(props: { articleId: number; canRestore: boolean; canDelete: boolean; csrfToken: string }) {
  return (
    <section class="editor-notice editor-notice--trashed" aria-labelledby="trashed-heading">
      <h2 id="trashed-heading" class="editor-notice__title">
        {messages.trashedTitle}
      </h2>
      <p>{messages.trashed}</p>
      {props.canRestore || props.canDelete ? (
        <form method="post" action={`/admin/articles/${props.articleId}/restore`} class="editor-notice__actions">
          <CsrfField token={props.csrfToken} />
          {props.canRestore ? (
            <button type="submit" class="button button--primary">
              {messages.restore}
            </button>
          ) : null}
          {props.canDelete ? (
            <a class="button button--danger" href={`/admin/articles/${props.articleId}/delete`}>
              {messages.deleteForever}
            </a>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}

/** The confirmation step before a permanent deletion; without it, one stray click would lose an article. */
export function renderDeleteArticlePage(chrome: AdminChrome, data: { articleId: number; headline: string }): string {
  return renderDocument(
    <AdminDocument chrome={chrome} title={messages.confirmTitle}>
      <h1>{messages.confirmTitle}</h1>
      <p class="admin-lede">{messages.confirmLede(data.headline)}</p>
      <ul>
        {messages.goesWithIt.map((item) => (
          <li>{item}</li>
        ))}
      </ul>
      <p>
        <strong>{messages.cannotUndo}</strong>
      </p>
      <form method="post" action={`/admin/articles/${data.articleId}/delete`} class="editor-actions">
        <CsrfField token={chrome.csrfToken} />
        <button type="submit" class="button button--danger">
          {messages.confirm}
        </button>
        <a class="button" href="/admin?view=trash">
          {messages.cancel}
        </a>
      </form>
    </AdminDocument>,
  );
}
