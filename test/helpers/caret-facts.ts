import assert from 'node:assert/strict';

// Where the editor's caret is drawn against the sticky toolbar above and the save bar below, for the
// browser tests that move it through a long article.

export interface CaretFacts {
  readonly caretTop: number;
  readonly caretBottom: number;
  readonly toolbarBottom: number;
  readonly barTop: number;
  readonly scrollY: number;
  /** The caret's container and offset, to tell what was measured when an assertion fails. */
  readonly caretAt: string;
}

/** Evaluated in the page: the caret's box, the toolbar's bottom and the save bar's top where it covers the caret's column. */
export const caretFacts = `(() => {
  const range = getSelection().getRangeAt(0);
  let caret = range.getBoundingClientRect();
  // A collapsed range at an element's edge (in an empty paragraph, before a <br>) has no box of its own in
  // Chromium, though the caret is drawn on that element's line: measure the element then.
  if (caret.height === 0 && range.startContainer.nodeType === 1) {
    const at = range.startContainer.childNodes[range.startOffset];
    const line = at && at.nodeType === 1 ? at : range.startContainer;
    caret = line.getBoundingClientRect();
  }
  const bar = document.querySelector('.editor-bar')?.getBoundingClientRect();
  // On a wide screen the bar sits in the side column, beside the writing: only a bar over the caret's column can cover it.
  const barOverCaret = bar && bar.left < caret.right && bar.right > caret.left;
  return {
    caretTop: caret.top,
    caretBottom: caret.bottom,
    toolbarBottom: document.querySelector('[role=toolbar]').getBoundingClientRect().bottom,
    barTop: barOverCaret ? bar.top : innerHeight,
    scrollY,
    caretAt: range.startContainer.nodeName + ':' + range.startOffset,
  };
})()`;

export function assertCaretInClear(facts: CaretFacts, when: string): void {
  assert.ok(facts.caretBottom > facts.caretTop, `${when}: the caret has no box (${JSON.stringify(facts)})`);
  assert.ok(facts.caretTop >= facts.toolbarBottom, `${when}: the caret (top ${facts.caretTop}px) is under the toolbar (bottom ${facts.toolbarBottom}px)`);
  assert.ok(facts.caretBottom <= facts.barTop, `${when}: the caret (bottom ${facts.caretBottom}px) is under the save bar (top ${facts.barTop}px)`);
}
