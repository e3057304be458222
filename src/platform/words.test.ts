import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldDiacritics } from './words.ts';

test('foldDiacritics takes the marks off letters and leaves ASCII as it is', () => {
  assert.equal(foldDiacritics('Tomás'), 'Tomas');
  assert.equal(foldDiacritics('São Paulo'), 'Sao Paulo');
  assert.equal(foldDiacritics('Cafe\u0301'), 'Cafe', 'a combining mark typed apart');
  assert.equal(foldDiacritics('Zürich-Øst'), 'Zurich-Øst', 'a letter of its own, not a letter with a mark, stays');
  assert.equal(foldDiacritics('Ελληνικά'), 'Ελληνικα');
  for (const ascii of ['harbour', 'A-Z 0-9 ~!', '', '\u0000\u007f']) assert.equal(foldDiacritics(ascii), ascii);
});
