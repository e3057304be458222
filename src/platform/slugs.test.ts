import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asciiSlugFrom, isValidSlug, slugFrom } from './slugs.ts';

test('Latin script is transliterated, as before', () => {
  assert.equal(slugFrom('São Paulo'), 'sao-paulo');
  assert.equal(slugFrom('Élections'), 'elections');
  assert.equal(slugFrom('Arts & Culture'), 'arts-and-culture');
  assert.equal(slugFrom('e\u0301te\u0301'), 'ete');
});

test('other scripts are kept as written, lower-cased where they have case', () => {
  assert.equal(slugFrom('부산항 화물 터미널에서 화재…'), '부산항-화물-터미널에서-화재');
  assert.equal(slugFrom('حريق في مستودع'), 'حريق-في-مستودع');
  assert.equal(slugFrom('Москва Сегодня'), 'москва-сегодня');
  assert.equal(slugFrom('K-pop 콘서트 2026'), 'k-pop-콘서트-2026');
  assert.notEqual(slugFrom('화재'), slugFrom('부산'), 'two Korean names never share a slug');
});

test('what cannot make a slug gives "untitled"; long ones are cut at a whole character', () => {
  assert.equal(slugFrom(''), 'untitled');
  assert.equal(slugFrom('!!! 🙂'), 'untitled');
  const long = slugFrom('한'.repeat(200));
  assert.equal(Array.from(long).length, 80);
  assert.ok(isValidSlug(long));
});

test('valid slugs: lower-case letters of any script, marks and digits, single hyphens', () => {
  for (const slug of ['harbour-reopens', '부산항-화재', 'القاهرة', 'москва', '2026']) assert.ok(isValidSlug(slug), slug);
  for (const slug of ['Harbour', 'a--b', '-a', 'a-', 'a b', 'a/b', 'a.b', '🙂', 'a%20b', 'Москва', '']) assert.ok(!isValidSlug(slug), slug);
});

test('file-name slugs stay ASCII', () => {
  assert.equal(asciiSlugFrom('부산 harbour'), 'harbour');
  assert.equal(asciiSlugFrom('한국'), 'untitled');
});
