import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { CsrfField } from '../../render/form.tsx';

type Words = Translator<NewsroomKey>;

/** A change to the live article held for review, as the editor page tells its writer or a reviewer. */
export interface PendingChangeNoticeData {
  /** This person proposed it. */
  readonly mine: boolean;
  /** This person may accept or reject it. */
  readonly canDecide: boolean;
  readonly byName: string;
  readonly atLabel: string;
  /** The comparison with the published version, where it is decided. */
  readonly reviewUrl: string;
  readonly withdrawAction?: string;
}

export function PendingChangeNotice({ change, csrfToken, words }: { change: PendingChangeNoticeData; csrfToken: string; words: Words }) {
  const decideLabel = words.text(change.canDecide ? 'editor.reviewChange' : 'editor.compare');
  return (
    <section class="editor-notice" aria-labelledby="pending-change-heading">
      <h2 id="pending-change-heading" class="editor-notice__title">
        {words.text('editor.pendingTitle')}
      </h2>
      <p>
        {change.mine
          ? words.text('editor.yoursPending', { time: change.atLabel })
          : words.text('editor.othersPending', { name: change.byName, time: change.atLabel })}
      </p>
      {change.withdrawAction ? (
        <form method="post" action={change.withdrawAction} class="editor-notice__actions">
          <CsrfField token={csrfToken} />
          <a class="button" href={change.reviewUrl}>
            {decideLabel}
          </a>
          <button type="submit" class="button">
            {words.text('editor.withdraw')}
          </button>
        </form>
      ) : (
        <p class="editor-notice__actions">
          <a class="button button--primary" href={change.reviewUrl}>
            {decideLabel}
          </a>
        </p>
      )}
    </section>
  );
}

/** Unsaved work around the article editor, as the server knows it from autosaves. */
export interface EditorDraftState {
  /** Others who typed into this article in the last minutes. */
  readonly otherEditors: readonly { readonly name: string; readonly atLabel: string }[];
  /** This person's autosave, offered back. */
  readonly unsaved?: {
    readonly savedAtLabel: string;
    /** The article was saved by someone after the autosave's starting version. */
    readonly savedMeanwhile: boolean;
    readonly restoreUrl: string;
    readonly discardAction: string;
  };
  /** The form shows the autosave from this time, at the person's request. */
  readonly restoredFrom?: string;
}

/** Works without JavaScript: Restore is a link that fills the form, Discard a form of its own. */
export function DraftNotices({ drafts, csrfToken, words }: { drafts: EditorDraftState; csrfToken: string; words: Words }) {
  const names = drafts.otherEditors.map((editor) => `${editor.name} (${editor.atLabel})`).join(', ');
  return (
    <>
      {drafts.unsaved ? (
        <section class="editor-notice" aria-labelledby="unsaved-heading">
          <h2 id="unsaved-heading" class="editor-notice__title">
            {words.text('editor.unsavedTitle')}
          </h2>
          <p>
            {words.text('editor.unsaved', { time: drafts.unsaved.savedAtLabel })}
            {drafts.unsaved.savedMeanwhile ? ` ${words.text('editor.savedMeanwhile')}` : null}
          </p>
          <form method="post" action={drafts.unsaved.discardAction} class="editor-notice__actions">
            <CsrfField token={csrfToken} />
            <a class="button button--primary" href={drafts.unsaved.restoreUrl}>
              {words.text('editor.restore')}
            </a>
            <button type="submit" class="button">
              {words.text('editor.discard')}
            </button>
          </form>
        </section>
      ) : null}
      {drafts.restoredFrom ? (
        <p class="form-message form-message--ok" role="status">
          {words.text('editor.restored', { time: drafts.restoredFrom })}
        </p>
      ) : null}
      <p class="editor-notice editor-notice--info" role="status" data-other-editors hidden={names === ''}>
        {names ? words.text('editor.otherEditors', { names }) : ''}
      </p>
    </>
  );
}
