import type { Editor } from '@tiptap/core';
import { type MarkupTree, readableText, readingStats } from '../../render/text-measures.ts';
import { messages } from './messages.ts';
import { editorHtml } from './rich-editor.ts';

/** Counting waits for a pause this long, so a fast typist's keystrokes do not each re-read the body. */
const countAfterMs = 300;

/** The DOM as text-measures reads it: the same rules the server applies to the parsed body (reading-time.ts). */
const domTree: MarkupTree<Node> = {
  text: (node) => (node.nodeType === Node.TEXT_NODE ? (node.nodeValue ?? '') : undefined),
  tagName: (node) => (node.nodeType === Node.ELEMENT_NODE ? (node as Element).localName : undefined),
  attribute: (node, name) => (node.nodeType === Node.ELEMENT_NODE ? ((node as Element).getAttribute(name) ?? undefined) : undefined),
  children: (node) => node.childNodes,
};

/** The body's words as the server counts them, from the HTML the form would post. */
function countBody(editor: Editor, language: string): string {
  // An inert document: nothing in it runs or loads.
  const body = new DOMParser().parseFromString(editorHtml(editor), 'text/html').body;
  return messages.bodyStats(readingStats(readableText<Node>(body, domTree), language));
}

/** Keeps `element` (the server's BodyStats, #body-stats) showing the body's word count and reading time. */
export function mountBodyStats(editor: Editor, element: HTMLElement, language: () => string): void {
  let timer: number | undefined;
  editor.on('update', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const text = countBody(editor, language());
      // Unchanged text is not written again, so the polite live region says nothing new.
      if (element.textContent !== text) element.textContent = text;
    }, countAfterMs);
  });
  editor.on('destroy', () => window.clearTimeout(timer));
}
