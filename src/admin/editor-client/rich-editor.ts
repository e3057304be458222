import { Editor, Extension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { createCaretRoom, keepCaretClearOf } from './caret-room.ts';
import { el } from './dom.ts';
import { createEmbedDialog } from './embed-dialog.ts';
import { createLinkDialog } from './link-dialog.ts';
import { Embed, InlinePhoto, PullQuote } from './nodes.ts';
import { createPhotoDialog } from './photo-dialog.ts';
import { createToolbar } from './toolbar.ts';

const editorId = 'rich-editor-body';

/** Only what the server's allow-list keeps: no code, strike-through or underline. */
function extensions(openLink: () => void) {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      link: {
        openOnClick: false,
        // Links come from the link control only; an autolink would also grow as one types after it.
        autolink: false,
        protocols: ['mailto'],
        // The server adds rel="noopener" itself and keeps no target or class.
        HTMLAttributes: { target: null, rel: null, class: null },
        isAllowedUri: (url) => /^(https?:|mailto:)/i.test(url),
      },
    }),
    PullQuote,
    InlinePhoto,
    Embed,
    Extension.create({
      name: 'linkShortcut',
      addKeyboardShortcuts: () => ({
        'Mod-k': () => {
          openLink();
          return true;
        },
      }),
    }),
  ];
}

/** What the form posts: '' for an empty editor, and without the empty paragraph kept at the end for the cursor. */
export function editorHtml(editor: Editor): string {
  return editor.isEmpty ? '' : editor.getHTML().replace(/(<p><\/p>)+$/, '');
}

/**
 * Replaces the body's <textarea> with a rich editor and toolbar. The textarea stays in the form,
 * hidden and kept in step after every change, so the ordinary POST still carries `bodyHtml`.
 * `actionBar` is the form's bar of buttons stuck to the bottom of the screen, if it has one.
 */
export function mountRichEditor(textarea: HTMLTextAreaElement, options: { libraryUrl: string; actionBar?: HTMLElement | null }): Editor {
  const field = textarea.closest('.field') ?? textarea.parentElement!;
  const label = field.querySelector<HTMLLabelElement>(`label[for="${textarea.id}"]`);
  const labelId = `${textarea.id}-label`;
  const host = el('div', { class: 'rich-editor__surface' });
  const wrapper = el('div', { class: 'rich-editor' });
  textarea.before(wrapper);
  textarea.hidden = true;
  if (label) {
    // A label can only point at a form control; the editor is named by aria-labelledby instead.
    label.id = labelId;
    label.removeAttribute('for');
    label.addEventListener('click', () => editor.commands.focus());
  }
  const dialogs: { link?: { open(): void } } = {};
  const caretRoom = createCaretRoom();
  const editor = new Editor({
    element: host,
    extensions: extensions(() => dialogs.link?.open()),
    content: textarea.value,
    // The CSP allows no <style> element; the few rules TipTap would inject live in admin.css.
    injectCSS: false,
    editorProps: {
      scrollThreshold: caretRoom,
      scrollMargin: caretRoom,
      attributes: {
        id: editorId,
        class: 'rich-editor__content',
        role: 'textbox',
        'aria-multiline': 'true',
        // The article may be in another language than the newsroom (an English story in an Arabic newsroom).
        dir: 'auto',
        ...(label ? { 'aria-labelledby': labelId } : {}),
        ...(textarea.getAttribute('aria-describedby') ? { 'aria-describedby': textarea.getAttribute('aria-describedby')! } : {}),
        ...(textarea.getAttribute('aria-invalid') ? { 'aria-invalid': 'true' } : {}),
      },
    },
    onUpdate: ({ editor: updated }) => {
      textarea.value = editorHtml(updated);
    },
  });
  dialogs.link = createLinkDialog(editor);
  const toolbar = createToolbar(
    editor,
    { openLink: () => dialogs.link?.open(), openPhoto: createPhotoDialog(editor, options.libraryUrl).open, openEmbed: createEmbedDialog(editor).open },
    editorId,
  );
  wrapper.append(toolbar, host);
  keepCaretClearOf(caretRoom, { top: toolbar, bottom: options.actionBar });
  return editor;
}
