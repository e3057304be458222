import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countCharacters, graphemesOf, readingStats } from './text-measures.ts';

test('characters are what a person sees: emoji sequences, Hangul, Arabic and combining accents count once', () => {
  assert.equal(countCharacters('👩‍👩‍👧'), 1, 'a family emoji is one character, though seven code units');
  assert.equal(countCharacters('🇰🇷'), 1, 'a flag is one character');
  assert.equal(countCharacters('부산항'), 3);
  assert.equal(countCharacters('한'.normalize('NFD')), 1, 'a syllable typed as separate jamo is still one');
  assert.equal(countCharacters('cafe\u0301'), 4, 'e and its combining accent are one');
  assert.equal(countCharacters('القاهرة'), 7);
  assert.equal(countCharacters(''), 0);
  assert.deepEqual(graphemesOf('a👍🏽b'), ['a', '👍🏽', 'b']);
});

test('reading stats of plain text: numbers are words, punctuation and symbols are not', () => {
  assert.deepEqual(readingStats('Crews arrived at 3.15 am — 30 of them.', 'en'), { words: 8, minutes: 1 });
  assert.deepEqual(readingStats('… — !?', 'en'), { words: 0, minutes: 0 });
});
