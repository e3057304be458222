import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageAddress } from './page-address.ts';

test('parameters come in declared order, absent ones left out, values encoded', () => {
  assert.equal(pageAddress('/world/harbour', []), '/world/harbour');
  assert.equal(
    pageAddress('/world/harbour', [
      ['comments', undefined],
      ['comments-page', undefined],
    ]),
    '/world/harbour',
  );
  assert.equal(
    pageAddress('/world/harbour', [
      ['comments', 'newest'],
      ['comments-page', '2'],
      ['replyto', '7'],
    ]),
    '/world/harbour?comments=newest&comments-page=2&replyto=7',
  );
  assert.equal(pageAddress('', [['q', 'a&b c']]), '?q=a%26b+c');
});
