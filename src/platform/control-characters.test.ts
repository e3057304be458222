import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasControlCharacters, replaceControlCharacters } from './control-characters.ts';

const c0 = ['\u0000', '\u0007', '\u001B', '\u001F'];
const c1 = ['\u0080', '\u0085', '\u009B', '\u009F'];

test('C0 controls, DEL and C1 controls count in both shapes of field', () => {
  for (const control of [...c0, '\u007F', ...c1]) {
    assert.equal(hasControlCharacters(`a${control}b`, 'line'), true, JSON.stringify(control));
    assert.equal(hasControlCharacters(`a${control}b`, 'lines'), true, JSON.stringify(control));
  }
});

test('tab and line breaks are typing in a field of several lines, controls in a one-line field', () => {
  for (const whitespace of ['\t', '\n', '\r']) {
    assert.equal(hasControlCharacters(`a${whitespace}b`, 'lines'), false, JSON.stringify(whitespace));
    assert.equal(hasControlCharacters(`a${whitespace}b`, 'line'), true, JSON.stringify(whitespace));
  }
  assert.equal(hasControlCharacters('a\u000Bb\u000Cc', 'lines'), true, 'vertical tab and form feed are not line breaks here');
});

test('printable text, including what lies just past the control ranges, passes', () => {
  assert.equal(hasControlCharacters('Ça va? ~ \u00A0non-breaking, \u00FF, “quotes” – 漢字 🙂', 'line'), false);
});

test('every control character is replaced, and only those', () => {
  assert.equal(replaceControlCharacters('a\u0000b\u0085c\td\ne', 'lines', ''), 'abc\td\ne');
  assert.equal(replaceControlCharacters('a\u0000b\u0085c\td\ne', 'line', '�'), 'a�b�c�d�e');
});
