import type { Editor } from '@tiptap/core';
import { dateStyle } from './messages.ts';
import { editorHtml } from './rich-editor.ts';

/** The article form's fields by name, as a draft keeps them; the body comes from the rich editor. */
export function readFields(form: HTMLFormElement, names: readonly string[], editor: Editor): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of names) {
    if (name === 'bodyHtml') fields[name] = editorHtml(editor);
    else {
      const control = form.elements.namedItem(name);
      if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement) fields[name] = control.value;
    }
  }
  return fields;
}

/** Puts a draft's values back into the form, leaving fields the draft does not have as they are. */
export function writeFields(form: HTMLFormElement, fields: Readonly<Record<string, string>>, editor: Editor): void {
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'bodyHtml') {
      editor.commands.setContent(value, { emitUpdate: true });
      continue;
    }
    const control = form.elements.namedItem(name);
    if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement) control.value = value;
  }
}

export function differs(fields: Readonly<Record<string, string>>, current: Readonly<Record<string, string>>): boolean {
  return Object.entries(fields).some(([name, value]) => name in current && current[name] !== value);
}

/** Calls `onChange` after any edit to the form or the rich editor. */
export function watchChanges(form: HTMLFormElement, editor: Editor, onChange: () => void): void {
  form.addEventListener('input', onChange);
  form.addEventListener('change', onChange);
  editor.on('update', onChange);
}

/** "27 Nov 2026, 13:05" in the newsroom's language (the person's own variant of it) and the person's time zone. */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(dateStyle.locales, { dateStyle: 'medium', timeStyle: 'short', hourCycle: dateStyle.hourCycle }).format(new Date(iso));
}
