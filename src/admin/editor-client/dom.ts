/** Small DOM builders, so the editor's markup reads like the server's forms and shares their classes. */

type Attributes = Record<string, string | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, children: (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) node.setAttribute(name, '');
    else if (typeof value === 'string') node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

let counter = 0;
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

export interface TextField {
  readonly wrapper: HTMLDivElement;
  readonly input: HTMLInputElement | HTMLTextAreaElement;
  /** Shows a message under the label and marks the input invalid; null clears it. */
  showError(message: string | null): void;
}

/** A labelled input with an optional hint, like src/render/form.tsx's Field. */
export function textField(options: { label: string; hint?: string; type?: string; autocomplete?: string; rows?: number }): TextField {
  const id = uniqueId('editor-field');
  const hint = options.hint ? el('p', { class: 'field__hint', id: `${id}-hint` }, [options.hint]) : null;
  const error = el('p', { class: 'field__error', id: `${id}-error`, hidden: true });
  const described = { id, 'aria-describedby': hint ? hint.id : undefined };
  const input = options.rows
    ? el('textarea', { ...described, rows: String(options.rows) })
    : el('input', { ...described, type: options.type ?? 'text', autocomplete: options.autocomplete ?? 'off' });
  const wrapper = el('div', { class: 'field' }, [el('label', { for: id }, [options.label]), ...(hint ? [hint] : []), error, input]);
  return {
    wrapper,
    input,
    showError(message) {
      error.textContent = message ?? '';
      error.hidden = message === null;
      wrapper.classList.toggle('field--invalid', message !== null);
      if (message === null) input.removeAttribute('aria-invalid');
      else input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', [hint?.id, message === null ? undefined : error.id].filter(Boolean).join(' '));
    },
  };
}

export interface EditorDialog {
  readonly dialog: HTMLDialogElement;
  readonly body: HTMLDivElement;
  readonly actions: HTMLDivElement;
  open(focus?: HTMLElement): void;
  close(): void;
}

/**
 * A modal <dialog> (focus stays inside, Escape closes it) appended to <body>, outside the article's
 * form, so its own buttons never submit the article. Focus returns to `returnFocus` on close.
 */
export function createDialog(title: string, returnFocus: () => void): EditorDialog {
  const titleId = uniqueId('editor-dialog-title');
  const body = el('div', { class: 'editor-dialog__body' });
  const actions = el('div', { class: 'editor-dialog__actions' });
  const dialog = el('dialog', { class: 'editor-dialog', 'aria-labelledby': titleId }, [
    el('h2', { id: titleId, class: 'editor-dialog__title' }, [title]),
    body,
    actions,
  ]);
  dialog.addEventListener('close', returnFocus);
  document.body.append(dialog);
  return {
    dialog,
    body,
    actions,
    open(focus) {
      dialog.showModal();
      focus?.focus();
    },
    close: () => dialog.close(),
  };
}

/** Enter in a dialog's text field does the dialog's main action instead of nothing. */
export function onEnter(input: HTMLElement, action: () => void): void {
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    action();
  });
}

export function button(label: string, attributes: Attributes = {}): HTMLButtonElement {
  return el('button', { type: 'button', class: 'button', ...attributes }, [label]);
}
