import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalLanguageTag, languageAttributes, textDirectionOf } from './language-tags.ts';

test('language tags are canonicalised; what is not a BCP 47 tag is refused', () => {
  assert.equal(canonicalLanguageTag('ko'), 'ko');
  assert.equal(canonicalLanguageTag(' AR-eg '), 'ar-EG');
  assert.equal(canonicalLanguageTag('zh-hant-tw'), 'zh-Hant-TW');
  assert.equal(canonicalLanguageTag('iw'), 'he');
  for (const refused of ['', '   ', 'en_GB', 'en-', 'Arabic', '123', 'x-private', `en-${'a'.repeat(70)}`]) {
    assert.equal(canonicalLanguageTag(refused), undefined, refused);
  }
});

test('right-to-left scripts are found from the language, and a script subtag wins over it', () => {
  for (const tag of ['ar', 'ar-EG', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb', 'syr', 'ms-Arab', 'az-Arab']) {
    assert.equal(textDirectionOf(tag), 'rtl', tag);
  }
  for (const tag of ['en', 'en-GB', 'ko', 'ja', 'zh-Hant', 'ru', 'tr', 'ar-Latn', 'tlh', 'not a tag']) {
    assert.equal(textDirectionOf(tag), 'ltr', tag);
  }
});

test('content says its language only where it differs from the page, and its direction only where that differs too', () => {
  assert.deepEqual(languageAttributes(null, 'en-GB'), {});
  assert.deepEqual(languageAttributes('', 'en-GB'), {});
  assert.deepEqual(languageAttributes('en-gb', 'en-GB'), {});
  assert.deepEqual(languageAttributes('ar', 'en-GB'), { lang: 'ar', dir: 'rtl' });
  assert.deepEqual(languageAttributes('ko', 'en-GB'), { lang: 'ko' });
  assert.deepEqual(languageAttributes('en', 'en-GB'), { lang: 'en' });
  assert.deepEqual(languageAttributes('fa', 'ar'), { lang: 'fa' });
  assert.deepEqual(languageAttributes('en', 'he'), { lang: 'en', dir: 'ltr' });
});
