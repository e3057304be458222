import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import { ar } from './catalog-ar.ts';
import { type Catalog, en, type MessageKey } from './catalog-en.ts';
import { es } from './catalog-es.ts';
import { fr } from './catalog-fr.ts';
import { ko } from './catalog-ko.ts';

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

/** The parser's element types (@formatjs/icu-messageformat-parser's TYPE). */
const elementType = { argument: 1, number: 2, date: 3, time: 4, select: 5, plural: 6, tag: 8 } as const;

interface Element {
  readonly type: number;
  readonly value?: string;
  readonly options?: Readonly<Record<string, { readonly value: readonly Element[] }>>;
  readonly children?: readonly Element[];
}

/** What a message needs from its caller: its values ("count"), its tags ("<hidden>"), and the forms of each of its plurals. */
function shapeOf(elements: readonly Element[], shape = { values: new Set<string>(), tags: new Set<string>(), plurals: [] as string[][] }) {
  for (const element of elements) {
    if (element.type === elementType.tag) shape.tags.add(element.value!);
    else if (Object.values(elementType).includes(element.type as 1)) shape.values.add(element.value!);
    if (element.type === elementType.plural && element.options) shape.plurals.push(Object.keys(element.options));
    if (element.options) {
      for (const option of Object.values(element.options)) shapeOf(option.value, shape);
    }
    if (element.children) shapeOf(element.children, shape);
  }
  return shape;
}

function parse(message: string, locale: string): readonly Element[] {
  return new IntlMessageFormat(message, locale).getAst() as readonly Element[];
}

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
  // Arabic, the language with every form, uses all six for counted comments.
  const arabicForms = shapeOf(parse(ar['story.commentCount'], 'ar')).plurals[0]!;
  assert.deepEqual(arabicForms.sort(), ['few', 'many', 'one', 'other', 'two', 'zero']);
});

test('no message has a straight apostrophe, which ICU reads as quoting what follows it', () => {
  for (const [language, catalog] of Object.entries(catalogs)) {
    for (const key of keys) assert.doesNotMatch(catalog[key], /'/, `${language}: ${key} — use ’`);
  }
});
