import assert from 'node:assert/strict';
import { test } from 'node:test';
import { highlightEnd as end, highlightStart as start, splitHighlights } from './highlight.ts';

test('marked text splits into plain and highlighted runs', () => {
  assert.deepEqual(splitHighlights(`The ${start}harbour${end} reopens`), [
    { text: 'The ', highlighted: false },
    { text: 'harbour', highlighted: true },
    { text: ' reopens', highlighted: false },
  ]);
});

test('unbalanced, repeated and empty markers never show and never break the text', () => {
  assert.deepEqual(splitHighlights(`${start}${start}a${end}${end}b${start}`), [
    { text: 'a', highlighted: true },
    { text: 'b', highlighted: false },
  ]);
  assert.deepEqual(splitHighlights(`x${end}y`), [{ text: 'xy', highlighted: false }]);
  assert.deepEqual(splitHighlights(''), []);
});
