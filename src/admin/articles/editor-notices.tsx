import { CsrfField } from '../../render/form.tsx';

const messages = {
  unsavedTitle: 'Unsaved changes',
  unsaved: (time: string) => `You have unsaved changes from ${time}.`,
  savedMeanwhile: 'Someone has saved the article since: restoring brings your version back into the form, and saving it will first ask you to compare.',
  restore: 'Restore',
  discard: 'Discard',
  restored: (time: string) => `Your unsaved changes from ${time} are back in the form below. Save to keep them.`,
  otherEditors: (names: string) => `Also editing this article now: ${names}.`,
  pendingTitle: 'Changes waiting for review',
  yoursPending: (time: string) =>
    `Your changes are waiting for an editor's review; readers still see the published version. The form shows your changes from ${time}; saving again replaces them.`,
  othersPending: (name: string, time: string) => `${name} proposed a change on ${time}. Readers still see the published version until it is accepted.`,
  compare: 'Compare with the published version',
  review: 'Review the change',
  withdraw: 'Withdraw my changes',
};

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

export function PendingChangeNotice({ change, csrfToken }: { change: PendingChangeNoticeData; csrfToken: string }) {
  return (
    <section class="editor-notice" aria-labelledby="pending-change-heading">
      <h2 id="pending-change-heading" class="editor-notice__title">
        {messages.pendingTitle}
      </h2>
      <p>{change.mine ? messages.yoursPending(change.atLabel) : messages.othersPending(change.byName, change.atLabel)}</p>
      {change.withdrawAction ? (
        <form method="post" action={change.withdrawAction} class="editor-notice__actions">
          <CsrfField token={csrfToken} />
          <a class="button" href={change.reviewUrl}>
            {change.canDecide ? messages.review : messages.compare}
          </a>
          <button type="submit" class="button">
            {messages.withdraw}
          </button>
        </form>
      ) : (
        <p class="editor-notice__actions">
          <a class="button button--primary" href={change.reviewUrl}>
            {change.canDecide ? messages.review : messages.compare}
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
export function DraftNotices({ drafts, csrfToken }: { drafts: EditorDraftState; csrfToken: string }) {
  const names = drafts.otherEditors.map((editor) => `${editor.name} (${editor.atLabel})`).join(', ');
  return (
    <>
      {drafts.unsaved ? (
        <section class="editor-notice" aria-labelledby="unsaved-heading">
          <h2 id="unsaved-heading" class="editor-notice__title">
            {messages.unsavedTitle}
          </h2>
          <p>
            {messages.unsaved(drafts.unsaved.savedAtLabel)}
            {drafts.unsaved.savedMeanwhile ? ` ${messages.savedMeanwhile}` : null}
          </p>
          <form method="post" action={drafts.unsaved.discardAction} class="editor-notice__actions">
            <CsrfField token={csrfToken} />
            <a class="button button--primary" href={drafts.unsaved.restoreUrl}>
              {messages.restore}
            </a>
            <button type="submit" class="button">
              {messages.discard}
            </button>
          </form>
        </section>
      ) : null}
      {drafts.restoredFrom ? (
        <p class="form-message form-message--ok" role="status">
          {messages.restored(drafts.restoredFrom)}
        </p>
      ) : null}
      <p class="editor-notice editor-notice--info" role="status" data-other-editors hidden={names === ''}>
        {names ? messages.otherEditors(names) : ''}
      </p>
    </>
  );
}
