import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse, shapeOf } from '../catalog-shape.test-support.ts';
import { newsroomTranslator } from '../translator.ts';
import { newsroomCatalogs, type NewsroomKey } from './index.ts';

const keys = Object.keys(newsroomCatalogs.en).sort() as NewsroomKey[];

test('the Korean newsroom catalog has exactly English’s keys, each with a message', () => {
  assert.deepEqual(Object.keys(newsroomCatalogs.ko).sort(), keys);
  for (const key of keys) assert.ok(newsroomCatalogs.ko[key].trim() !== '', `ko: ${key} is empty`);
});

test('every newsroom message parses and takes the same values and tags as the English one', () => {
  for (const key of keys) {
    const english = shapeOf(parse(newsroomCatalogs.en[key], 'en'));
    const korean = shapeOf(parse(newsroomCatalogs.ko[key], 'ko'));
    assert.deepEqual([...korean.values].sort(), [...english.values].sort(), `ko: ${key} takes other values than English`);
    assert.deepEqual([...korean.tags].sort(), [...english.tags].sort(), `ko: ${key} has other tags than English`);
    // Korean has one plural form; exact matches (=0) are fine.
    for (const forms of korean.plurals)
      assert.deepEqual(
        forms.filter((form) => !/^=\d+$/.test(form)),
        ['other'],
        `ko: ${key}`,
      );
  }
});

test('no newsroom message has a lone straight apostrophe, which ICU reads as quoting what follows it', () => {
  for (const [language, catalog] of Object.entries(newsroomCatalogs)) {
    // Two straight apostrophes are ICU's escape for one, kept where the English has always printed one.
    for (const key of keys) assert.doesNotMatch((catalog as Record<NewsroomKey, string>)[key].replaceAll("''", ''), /'/, `${language}: ${key}`);
  }
});

test('the newsroom speaks Korean on a Korean site and English on a site in a language it is not written in', () => {
  assert.equal(newsroomTranslator('ko-KR', 'Asia/Seoul').text('nav.articles'), '기사');
  assert.equal(newsroomTranslator('ko-KR', 'Asia/Seoul').language, 'ko-KR');
  const arabic = newsroomTranslator('ar', 'Asia/Dubai');
  assert.equal(arabic.text('nav.articles'), 'Articles');
  assert.equal(arabic.language, 'en', 'English words are marked English, not Arabic');
});
