import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventLoopTurns } from './event-loop-turns.ts';

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {}
}

test('a timer gets its turn during a loop that would otherwise hold the event loop', async () => {
  const turn = eventLoopTurns(5);
  let timerRanAfterItem = -1;
  let item = 0;
  setTimeout(() => {
    timerRanAfterItem = item;
  }, 0);
  for (item = 1; item <= 20; item++) {
    busyFor(2);
    await turn();
  }
  assert.ok(timerRanAfterItem > 0 && timerRanAfterItem < 20, `the timer ran during the loop (after item ${timerRanAfterItem})`);
});
