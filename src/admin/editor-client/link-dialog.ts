import type { Editor } from '@tiptap/core';
import { button, createDialog, onEnter, textField } from './dom.ts';
import { messages } from './messages.ts';

/** The same schemes the server's allow-list keeps on links. */
const allowedLink = /^(https?:\/\/\S+|mailto:\S+)$/i;

/** The toolbar's link control: add, change or remove the link on the selected text. */
export function createLinkDialog(editor: Editor): { open(): void } {
  const dialog = createDialog(messages.linkDialogTitle, () => editor.commands.focus());
  const address = textField({ label: messages.linkAddress, hint: messages.linkHint, type: 'url' });
  const apply = button(messages.applyLink, { class: 'button button--primary' });
  const remove = button(messages.removeLink);
  const cancel = button(messages.cancel);
  dialog.body.append(address.wrapper);
  dialog.actions.append(apply, remove, cancel);

  const submit = () => {
    const href = address.input.value.trim();
    if (!allowedLink.test(href)) {
      address.showError(messages.linkInvalid);
      address.input.focus();
      return;
    }
    dialog.close();
    // With nothing selected the address itself becomes the linked text.
    if (editor.state.selection.empty && !editor.isActive('link')) {
      editor
        .chain()
        .focus()
        .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
        .run();
    } else {
      // The cursor ends up after the link, ready to go on writing.
      editor
        .chain()
        .focus()
        .extendMarkRange('link')
        .setLink({ href })
        .command(({ tr, commands }) => commands.setTextSelection(tr.selection.to))
        .run();
    }
  };
  apply.addEventListener('click', submit);
  onEnter(address.input, submit);
  remove.addEventListener('click', () => {
    dialog.close();
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
  });
  cancel.addEventListener('click', () => dialog.close());

  return {
    open() {
      address.showError(null);
      address.input.value = String(editor.getAttributes('link').href ?? '');
      remove.hidden = !editor.isActive('link');
      dialog.open(address.input);
    },
  };
}
