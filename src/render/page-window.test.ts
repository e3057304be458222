import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageGap, pageWindow } from './page-window.ts';

const printed = (current: number, count: number) =>
  pageWindow(current, count)
    .map((page) => (page === pageGap ? '…' : String(page)))
    .join(' ');

test('few pages are all linked', () => {
  assert.equal(printed(1, 1), '1');
  assert.equal(printed(2, 3), '1 2 3');
  assert.equal(printed(4, 7), '1 2 3 4 5 6 7');
});

test('many pages link the first, the last and two either side of the current one, with gaps for the rest', () => {
  assert.equal(printed(1, 755), '1 2 3 … 755');
  assert.equal(printed(6, 755), '1 … 4 5 6 7 8 … 755');
  assert.equal(printed(755, 755), '1 … 753 754 755');
  assert.equal(printed(5, 20), '1 2 3 4 5 6 7 … 20', 'a gap of one page links that page');
  assert.equal(printed(16, 20), '1 … 14 15 16 17 18 19 20');
});

test('every page is reachable: each step from the current page links its neighbours', () => {
  for (const count of [1, 2, 8, 9, 40]) {
    for (let current = 1; current <= count; current++) {
      const shown = pageWindow(current, count).filter((page) => page !== pageGap);
      for (const wanted of [1, current - 1, current, current + 1, count].filter((page) => page >= 1 && page <= count)) {
        assert.ok(shown.includes(wanted), `page ${wanted} from ${current} of ${count}`);
      }
      assert.deepEqual(
        [...shown].sort((a, b) => a - b),
        shown,
        'in order, once each',
      );
      assert.equal(new Set(shown).size, shown.length);
    }
  }
});
