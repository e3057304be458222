import type { Editor } from '@tiptap/core';
import { recognizeEmbedUrl } from '../../render/embed-urls.ts';
import { button, createDialog, onEnter, textField } from './dom.ts';
import { messages } from './messages.ts';
import { insertBlock } from './nodes.ts';

/** Asks for the address of a video or post and inserts it when its provider is on the allow-list. */
export function createEmbedDialog(editor: Editor): { open(): void } {
  const dialog = createDialog(messages.embedDialogTitle, () => editor.commands.focus());
  const address = textField({ label: messages.embedAddress, hint: messages.embedHint, type: 'url' });
  const insert = button(messages.insertEmbed, { class: 'button button--primary' });
  const cancel = button(messages.cancel);
  dialog.body.append(address.wrapper);
  dialog.actions.append(insert, cancel);

  const submit = () => {
    const embed = recognizeEmbedUrl(address.input.value);
    if (!embed) {
      address.showError(messages.embedInvalid);
      address.input.focus();
      return;
    }
    dialog.close();
    insertBlock(editor, { type: 'embed', attrs: { provider: embed.provider, url: embed.url } });
  };
  insert.addEventListener('click', submit);
  onEnter(address.input, submit);
  cancel.addEventListener('click', () => dialog.close());

  return {
    open() {
      address.showError(null);
      address.input.value = '';
      dialog.open(address.input);
    },
  };
}
