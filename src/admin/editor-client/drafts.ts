import type { Editor } from '@tiptap/core';
import { button, el } from './dom.ts';
import { differs, formatTime, readFields, watchChanges, writeFields } from './form-fields.ts';
import { messages } from './messages.ts';

interface LocalDraft {
  readonly savedAt: string;
  readonly fields: Record<string, string>;
}

const prefix = 'gazette-draft:';
/** Which draft the last submitted form came from, so a successful save can forget it. */
const submittedKey = 'gazette-draft-submitted';
const writeDelayMs = 400;

function read(key: string): LocalDraft | undefined {
  try {
    const draft = JSON.parse(localStorage.getItem(prefix + key) ?? 'null') as LocalDraft | null;
    return draft && typeof draft.savedAt === 'string' && draft.fields && typeof draft.fields === 'object' ? draft : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, draft: LocalDraft): void {
  try {
    localStorage.setItem(prefix + key, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the server's autosave, where there is one, still keeps the text.
  }
}

function forget(key: string): void {
  try {
    localStorage.removeItem(prefix + key);
  } catch {
    // Nothing to do: the draft was never kept either.
  }
}

/**
 * Keeps a copy of the form in this browser after every change, so text typed before the first
 * server save (and for a new article, before any) survives a closed tab or a crash. Coming back,
 * the person is asked to restore or discard it; it is never put back silently.
 */
export function keepLocalDrafts(options: { form: HTMLFormElement; editor: Editor; key: string; fieldNames: readonly string[]; notices: HTMLElement }): void {
  const { form, editor, key, fieldNames, notices } = options;
  // The page after a successful save (?done=…) means the draft that was submitted is now stored.
  const submitted = sessionStorage.getItem(submittedKey);
  if (submitted && new URLSearchParams(location.search).has('done')) {
    forget(submitted);
    sessionStorage.removeItem(submittedKey);
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = () => {
    clearTimeout(timer);
    write(key, { savedAt: new Date().toISOString(), fields: readFields(form, fieldNames, editor) });
  };
  const pending = read(key);
  if (pending && differs(pending.fields, readFields(form, fieldNames, editor))) offerRestore(pending);

  watchChanges(form, editor, () => {
    clearTimeout(timer);
    timer = setTimeout(saveNow, writeDelayMs);
  });
  // The last keystrokes before the tab closes are not left waiting for the timer.
  addEventListener('pagehide', () => {
    if (timer !== undefined) saveNow();
  });
  form.addEventListener('submit', () => {
    saveNow();
    sessionStorage.setItem(submittedKey, key);
  });

  function offerRestore(draft: LocalDraft): void {
    const message = el('p', {}, [messages.restoreLocal(formatTime(draft.savedAt))]);
    const restore = button(messages.restore, { class: 'button button--primary' });
    const discard = button(messages.discard);
    const notice = el('section', { class: 'editor-notice', 'aria-label': messages.unsavedTitle }, [
      message,
      el('p', { class: 'editor-notice__actions' }, [restore, discard]),
    ]);
    const settle = (text: string) => {
      notice.replaceChildren(el('p', { role: 'status' }, [text]));
      setTimeout(() => notice.remove(), 8000);
    };
    restore.addEventListener('click', () => {
      writeFields(form, draft.fields, editor);
      saveNow();
      settle(messages.restored);
      editor.commands.focus('end');
    });
    discard.addEventListener('click', () => {
      forget(key);
      settle(messages.discarded);
      editor.commands.focus();
    });
    notices.append(notice);
  }
}
