import type { Editor } from '@tiptap/core';
import { el } from './dom.ts';
import { readFields, watchChanges } from './form-fields.ts';
import { messages } from './messages.ts';

/** What POST /admin/articles/:id/autosave answers. */
interface AutosaveAnswer {
  readonly savedAtLabel: string;
  readonly savedMeanwhile: { readonly name: string | null; readonly atLabel: string } | null;
  readonly otherEditors: readonly { readonly name: string; readonly atLabel: string }[];
}

const intervalMs = 10_000;

/**
 * Saves a draft copy of an existing article to the server about every ten seconds after a change,
 * and when the tab is hidden or closed. The article itself is untouched. Each answer says whether
 * someone else saved the article meanwhile (a warning that stays on screen) and who else is typing.
 */
export function autosaveToServer(options: { form: HTMLFormElement; editor: Editor; url: string; fieldNames: readonly string[]; notices: HTMLElement }): void {
  const { form, editor, url, fieldNames, notices } = options;
  const token = (form.elements.namedItem('_csrf') as HTMLInputElement | null)?.value ?? '';
  const baseVersion = Number((form.elements.namedItem('loadedVersion') as HTMLInputElement | null)?.value) || 0;
  const status = el('p', { class: 'editor-autosave' });
  // The page already names those typing when it was opened; answers keep that line current.
  const others =
    document.querySelector<HTMLElement>('[data-other-editors]') ?? el('p', { class: 'editor-notice editor-notice--info', role: 'status', hidden: true });
  const warning = el('div', { class: 'editor-warning', role: 'alert' });
  // Beside the article's status in the action bar, which stays on screen while one types.
  (form.querySelector('[data-save-status]') ?? form.querySelector('.editor-actions'))?.append(status);
  notices.append(warning);
  if (!others.isConnected) notices.append(others);

  let changes = 0;
  let savedChanges = 0;
  let inFlight = false;
  let submitting = false;

  const send = async (keepalive: boolean) => {
    if (submitting || inFlight || changes === savedChanges) return;
    inFlight = true;
    const sending = changes;
    try {
      const response = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        keepalive,
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': token },
        body: JSON.stringify({ baseVersion, fields: readFields(form, fieldNames, editor) }),
      });
      if (!response.ok) throw new Error(`autosave answered ${response.status}`);
      const answer = (await response.json()) as AutosaveAnswer;
      savedChanges = sending;
      status.textContent = messages.autosaved(answer.savedAtLabel);
      show(answer);
    } catch {
      status.textContent = messages.autosaveFailed;
    } finally {
      inFlight = false;
    }
  };

  const show = (answer: AutosaveAnswer) => {
    const meanwhile = answer.savedMeanwhile ? messages.savedMeanwhile(answer.savedMeanwhile.name ?? messages.someone, answer.savedMeanwhile.atLabel) : '';
    // Rewritten only when it changes, so screen readers announce it once.
    if (warning.textContent !== meanwhile) warning.textContent = meanwhile;
    warning.classList.toggle('editor-warning--shown', meanwhile !== '');
    const names = answer.otherEditors.map((editing) => `${editing.name} (${editing.atLabel})`).join(', ');
    others.hidden = names === '';
    if (names && others.textContent !== messages.otherEditors(names)) others.textContent = messages.otherEditors(names);
  };

  watchChanges(form, editor, () => {
    changes += 1;
  });
  setInterval(() => void send(false), intervalMs);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void send(true);
  });
  addEventListener('pagehide', () => void send(true));
  // A real save is on its way: an autosave arriving after it would bring back what it just replaced.
  form.addEventListener('submit', () => {
    submitting = true;
  });
}
