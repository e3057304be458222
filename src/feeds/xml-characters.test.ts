import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withoutForbiddenXmlCharacters } from './xml-characters.ts';

test('only characters XML forbids are removed; tabs, line breaks, accents and emoji stay', () => {
  assert.equal(withoutForbiddenXmlCharacters('a\u0000b\u0008c\u000bd\u001fe\uFFFEf\uD800g'), 'abcdefg');
  assert.equal(withoutForbiddenXmlCharacters('Tab\there\nand\r\nLucía 🙂 \uE000'), 'Tab\there\nand\r\nLucía 🙂 \uE000');
});
