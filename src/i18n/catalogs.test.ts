import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ar } from './catalog-ar.ts';
import { type Catalog, en, type MessageKey } from './catalog-en.ts';
import { es } from './catalog-es.ts';
import { fr } from './catalog-fr.ts';
import { ko } from './catalog-ko.ts';
import { parse, shapeOf } from './catalog-shape.test-support.ts';

const catalogs: Readonly<Record<string, Catalog>> = { en, ko, ar, es, fr };
const keys = Object.keys(en).sort() as MessageKey[];

// Checked by `tsc`, not at run time: a catalog missing a key, or with one English lacks, is not a Catalog.
const { 'commentForm.title': _left, ...missingOne } = en;
// @ts-expect-error a catalog without "commentForm.title" is refused
const incomplete: Catalog = missingOne;
// @ts-expect-error a key English does not have (a typo) is refused
const misspelt: Catalog = { ...en, 'commentForm.titel': 'Leave a comment' };

test('the type refuses a catalog missing a key or adding one (the lines above fail tsc otherwise)', () => {
  assert.equal(Object.keys(incomplete).length, keys.length - 1);
  assert.equal(Object.keys(misspelt).length, keys.length + 1);
});

test('every catalog has exactly English’s keys, each with a message', () => {
  for (const [language, catalog] of Object.entries(catalogs)) {
    assert.deepEqual(Object.keys(catalog).sort(), keys, language);
    for (const key of keys) assert.ok(catalog[key].trim() !== '', `${language}: ${key} is empty`);
  }
});

test('every message parses and takes the same values and tags as the English one', () => {
  for (const key of keys) {
    const english = shapeOf(parse(en[key], 'en'));
    for (const [language, catalog] of Object.entries(catalogs)) {
      const shape = shapeOf(parse(catalog[key], language));
      assert.deepEqual([...shape.values].sort(), [...english.values].sort(), `${language}: ${key} takes other values than English`);
      assert.deepEqual([...shape.tags].sort(), [...english.tags].sort(), `${language}: ${key} has other tags than English`);
    }
  }
});

test('each plural names only forms its language has, and always "other"', () => {
  for (const [language, catalog] of Object.entries(catalogs)) {
    const categories = new Set<string>(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
    for (const key of keys) {
      for (const forms of shapeOf(parse(catalog[key], language)).plurals) {
        assert.ok(forms.includes('other'), `${language}: ${key} has no "other" form`);
        for (const form of forms) assert.ok(/^=\d+$/.test(form) || categories.has(form), `${language}: ${key} has a "${form}" form, which ${language} lacks`);
      }
    }
  }
  // Arabic, the language with every form, uses all six for counted comments and found articles.
  for (const key of ['story.commentCount', 'search.found', 'search.more'] as const) {
    const arabicForms = shapeOf(parse(ar[key], 'ar')).plurals[0]!;
    assert.deepEqual(arabicForms.sort(), ['few', 'many', 'one', 'other', 'two', 'zero'], key);
  }
});

test('no message has a straight apostrophe, which ICU reads as quoting what follows it', () => {
  for (const [language, catalog] of Object.entries(catalogs)) {
    for (const key of keys) assert.doesNotMatch(catalog[key], /'/, `${language}: ${key} — use ’`);
  }
});
