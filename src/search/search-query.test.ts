import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ftsMatchExpression } from './search-index.sqlite.ts';
import { maxQueryLength, maxTerms, parseSearchQuery } from './search-query.ts';

test('a query becomes lower-case words without stop words or repeats', () => {
  assert.deepEqual(parseSearchQuery('  The Harbour and the STORM, harbour!  '), {
    text: 'The Harbour and the STORM, harbour!',
    terms: ['harbour', 'storm'],
    shortened: false,
  });
});

test('search syntax of either database is just punctuation between words', () => {
  const cases: [string, string[]][] = [
    ['"harbour" NEAR/2 (storm*)', ['harbour', 'near', '2', 'storm']],
    ['headline:harbour -storm ^ship', ['headline', 'harbour', 'storm', 'ship']],
    ["'; drop table articles; --", ['drop', 'table', 'articles']],
    ['harbour & !storm | ship <-> sea', ['harbour', 'storm', 'ship', 'sea']],
    ['AND OR NOT', []],
    ['%_\\{}', []],
  ];
  for (const [raw, terms] of cases) assert.deepEqual(parseSearchQuery(raw).terms, terms, raw);
});

test('invisible characters are removed, not echoed; control characters separate words', () => {
  const parsed = parseSearchQuery('har\u202Ebour\u0000storm\u200B\uE000ship\u0007sea\uFEFF');
  assert.equal(parsed.text, 'harbour stormship sea');
  assert.deepEqual(parsed.terms, ['harbour', 'stormship', 'sea']);
  assert.equal(parseSearchQuery('\u0000\u0001\u001b').text, '');
});

test('letters of any script count as words; emoji and symbols do not', () => {
  assert.deepEqual(parseSearchQuery('Tomás São 서울 😀 ＦＵＬＬ').terms, ['tomás', 'são', '서울', 'full']);
  assert.deepEqual(parseSearchQuery('😀 ✓ → ☂').terms, []);
});

test('a long query is cut to the limit, and so is the number of words', () => {
  const long = parseSearchQuery('a'.repeat(10_000));
  assert.equal(long.shortened, true);
  assert.equal(long.text.length, maxQueryLength);
  const emoji = parseSearchQuery('😀'.repeat(300));
  assert.equal(Array.from(emoji.text).length, maxQueryLength, 'cut by characters, never inside a surrogate pair');
  assert.equal(parseSearchQuery(Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ')).terms.length, maxTerms);
});

test('every word is a quoted FTS5 string, joined by AND or OR', () => {
  assert.equal(ftsMatchExpression(['harbour', 'near'], 'all'), '"harbour" AND "near"');
  assert.equal(ftsMatchExpression(['harbour', 'storm'], 'any'), '"harbour" OR "storm"');
  assert.equal(ftsMatchExpression(['a"b'], 'all'), '"a""b"', 'a quote could never close the string early');
});
