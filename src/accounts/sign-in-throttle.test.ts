import assert from 'node:assert/strict';
import { test } from 'node:test';
import { throttlePolicies, waitAfter, waitInWords } from './sign-in-throttle.ts';

const t0 = new Date('2026-12-01T09:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const { password } = throttlePolicies;

test('no wait before the free failures are used up', () => {
  for (let failures = 0; failures < password.freeFailures; failures++) assert.equal(waitAfter(password, failures, t0, t0), 0);
});

test('then 1 s, doubling with each failure, up to 15 minutes', () => {
  const waits = [5, 6, 7, 8, 14, 15, 40].map((failures) => waitAfter(password, failures, t0, t0));
  assert.deepEqual(waits, [1_000, 2_000, 4_000, 8_000, 512_000, 900_000, 900_000]);
});

test('the wait counts down from the last failure, and a quiet day forgets the run', () => {
  assert.equal(waitAfter(password, 7, t0, at(1_500)), 2_500);
  assert.equal(waitAfter(password, 7, t0, at(4_000)), 0);
  assert.equal(waitAfter(password, 40, t0, at(24 * 60 * 60_000)), 0);
});

test('waits are told in words, rounded up', () => {
  assert.deepEqual([1, 999, 1_000, 1_001, 59_000, 60_000, 61_000, 900_000].map(waitInWords), [
    '1 second',
    '1 second',
    '1 second',
    '2 seconds',
    '59 seconds',
    '1 minute',
    '2 minutes',
    '15 minutes',
  ]);
});
