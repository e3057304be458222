import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  arabicCodePoints,
  arabicSpellings,
  arabicStem,
  cjkBigrams,
  cjkCodePoints,
  foldForMatching,
  needsSubstringSearch,
  normalizeArabic,
  scriptSegments,
} from './search-scripts.ts';

test('the migration indexes the same scripts as queries look for', () => {
  const migration = readFileSync(new URL('../db/migrations/2026-12-06T1200-search-languages.ts', import.meta.url), 'utf8');
  const rangesIn = (name: string) => {
    const list = migration.slice(migration.indexOf(`const ${name}`), migration.indexOf('];', migration.indexOf(`const ${name}`)));
    return [...list.matchAll(/\[0x([0-9a-f]+), 0x([0-9a-f]+)\]/g)].map((match) => [parseInt(match[1]!, 16), parseInt(match[2]!, 16)]);
  };
  assert.deepEqual(rangesIn('cjkRanges'), cjkCodePoints);
  assert.deepEqual(rangesIn('arabicRanges'), arabicCodePoints);
  const indexed = rangesIn('trigramIndexedRanges');
  for (const [first, last] of [...cjkCodePoints, ...arabicCodePoints]) {
    assert.ok(
      indexed.some(([from, to]) => from! <= first && last <= to!),
      `SQLite's trigram table holds the rows with U+${first.toString(16)}–U+${last.toString(16)}`,
    );
  }
});

test('Chinese, Japanese, Korean and Arabic words are looked for inside longer forms; others are words', () => {
  for (const term of ['소방당국', '中国', '東京都', 'ひらがな', 'カタカナ', 'ميناء', 'فارسی', 'g7정상회의', '𠀀']) assert.ok(needsSubstringSearch(term), term);
  for (const term of ['harbour', 'são', 'москва', 'αθήνα', 'שלום', '2026']) assert.ok(!needsSubstringSearch(term), term);
  assert.deepEqual(scriptSegments('g7정상회의'), [
    { text: 'g7', cjk: false },
    { text: '정상회의', cjk: true },
  ]);
  assert.equal(cjkBigrams('소방당국'), '소방 방당 당국');
  assert.equal(cjkBigrams('中'), '');
});

test('Arabic words lose one prefix and take one spelling; their spellings in text are listed', () => {
  assert.equal(arabicStem('الميناء'), 'ميناء');
  assert.equal(arabicStem('بالميناء'), 'ميناء');
  assert.equal(arabicStem('للميناء'), 'ميناء');
  assert.equal(arabicStem('وميناء'), 'ميناء');
  assert.equal(arabicStem('ميناء'), 'ميناء');
  assert.equal(arabicStem('الله'), 'الله', 'a remainder of two letters is too short to mean anything');
  assert.equal(arabicStem('بلد'), 'بلد', 'a single ب stays on');
  assert.equal(normalizeArabic('الْمِينَاءُ'), 'الميناء', 'short vowels are optional');
  assert.equal(normalizeArabic('أمن إسرائيل مستشفى مدرسة'), 'امن اسرائيل مستشفي مدرسه');
  assert.deepEqual(arabicSpellings('امن'), ['امن', 'أمن', 'إمن', 'آمن']);
  assert.deepEqual(arabicSpellings('مدرسه'), ['مدرسه', 'مدرسة']);
  assert.deepEqual(arabicSpellings('مستشفي'), ['مستشفي', 'مستشفى']);
});

test('matching folds case, Latin diacritics and Arabic spellings, never kana or Hangul', () => {
  assert.equal(foldForMatching('Á'), 'a');
  assert.equal(foldForMatching('أ'), 'ا');
  assert.equal(foldForMatching('\u064E'), '', 'a fatha');
  assert.equal(foldForMatching('が'), 'が');
  assert.equal(foldForMatching('각'), '각');
  assert.equal(foldForMatching('Ｈ'), 'h');
});
