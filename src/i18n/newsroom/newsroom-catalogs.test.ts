import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse, shapeOf } from '../catalog-shape.test-support.ts';
import { newsroomTranslator } from '../translator.ts';
import { newsroomCatalogs, type NewsroomKey } from './index.ts';

const keys = Object.keys(newsroomCatalogs.en).sort() as NewsroomKey[];
const translations = Object.entries(newsroomCatalogs).filter(([language]) => language !== 'en') as [string, Readonly<Record<NewsroomKey, string>>][];

test('every newsroom catalog has exactly English’s keys, each with a message', () => {
  for (const [language, catalog] of translations) {
    assert.deepEqual(Object.keys(catalog).sort(), keys, language);
    for (const key of keys) assert.ok(catalog[key].trim() !== '', `${language}: ${key} is empty`);
  }
});

test('every newsroom message parses and takes the same values and tags as the English one', () => {
  for (const key of keys) {
    const english = shapeOf(parse(newsroomCatalogs.en[key], 'en'));
    for (const [language, catalog] of translations) {
      const shape = shapeOf(parse(catalog[key], language));
      assert.deepEqual([...shape.values].sort(), [...english.values].sort(), `${language}: ${key} takes other values than English`);
      assert.deepEqual([...shape.tags].sort(), [...english.tags].sort(), `${language}: ${key} has other tags than English`);
    }
  }
});

test('each plural names only forms its language has, and always "other"', () => {
  for (const [language, catalog] of translations) {
    const categories = new Set<string>(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
    for (const key of keys) {
      for (const forms of shapeOf(parse(catalog[key], language)).plurals) {
        assert.ok(forms.includes('other'), `${language}: ${key} has no "other" form`);
        for (const form of forms) assert.ok(/^=\d+$/.test(form) || categories.has(form), `${language}: ${key} has a "${form}" form, which ${language} lacks`);
      }
    }
  }
});

test('no newsroom message has a lone straight apostrophe, which ICU reads as quoting what follows it', () => {
  for (const [language, catalog] of Object.entries(newsroomCatalogs)) {
    // Two straight apostrophes are ICU's escape for one, kept where the English has always printed one.
    for (const key of keys) assert.doesNotMatch((catalog as Record<NewsroomKey, string>)[key].replaceAll("''", ''), /'/, `${language}: ${key}`);
  }
});

test('the newsroom speaks Korean and Arabic on such sites, and English on a site in a language it is not written in', () => {
  assert.equal(newsroomTranslator('ko-KR', 'Asia/Seoul').text('nav.articles'), '기사');
  assert.equal(newsroomTranslator('ko-KR', 'Asia/Seoul').language, 'ko-KR');
  assert.equal(newsroomTranslator('ar', 'Asia/Dubai').language, 'ar');
  assert.notEqual(newsroomTranslator('ar', 'Asia/Dubai').text('nav.articles'), 'Articles');
  const spanish = newsroomTranslator('es', 'Europe/Madrid');
  assert.equal(spanish.text('nav.articles'), 'Articles');
  assert.equal(spanish.language, 'en', 'English words are marked English, not Spanish');
});
