import type { Editor } from '@tiptap/core';
import { createLibraryPicker } from './library-picker.ts';
import { messages } from './messages.ts';
import { insertBlock } from './nodes.ts';

/**
 * The toolbar's Photo control: search the media library, choose a photo, adjust its alt text,
 * caption and credit for this article, and insert it.
 */
export function createPhotoDialog(editor: Editor, libraryUrl: string): { open(): void } {
  return createLibraryPicker({
    title: messages.photoDialogTitle,
    actionLabel: messages.insertPhoto,
    libraryUrl,
    returnFocus: () => editor.commands.focus(),
    onChoose: (photo, words) =>
      insertBlock(editor, {
        type: 'inlinePhoto',
        attrs: { storageKey: photo.storageKey, src: photo.imageUrl, width: photo.width, height: photo.height, ...words },
      }),
  });
}
