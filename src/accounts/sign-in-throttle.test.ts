import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newsroomTranslator } from '../i18n/index.ts';
import { roundedWait, throttledError, throttlePolicies, waitAfter, type WaitPhrases } from './sign-in-throttle.ts';

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

const signInWaits: WaitPhrases = { seconds: 'refusal.accounts.signInThrottledSeconds', minutes: 'refusal.accounts.signInThrottledMinutes' };
const waitsMs = [1, 999, 1_000, 1_001, 59_000, 60_000, 61_000, 900_000];

test('waits are rounded up, to whole seconds under a minute and whole minutes after', () => {
  assert.deepEqual(waitsMs.map(roundedWait), [
    { seconds: 1 },
    { seconds: 1 },
    { seconds: 1 },
    { seconds: 2 },
    { seconds: 59 },
    { minutes: 1 },
    { minutes: 2 },
    { minutes: 15 },
  ]);
});

test('waits are told in words, rounded up, with the Retry-After in seconds', () => {
  const refusals = waitsMs.map((waitMs) => throttledError(signInWaits, waitMs));
  assert.deepEqual(
    refusals.map((refusal) => refusal.message),
    ['1 second', '1 second', '1 second', '2 seconds', '59 seconds', '1 minute', '2 minutes', '15 minutes'].map(
      (wait) => `Too many failed attempts. Wait ${wait} before trying again.`,
    ),
  );
  assert.deepEqual(
    refusals.map((refusal) => refusal.retryAfterSeconds),
    [1, 1, 1, 2, 59, 60, 61, 900],
  );
});

test('the wait is told in the newsroom’s language, its plural included', () => {
  const korean = newsroomTranslator('ko', 'Asia/Seoul');
  const arabic = newsroomTranslator('ar', 'Asia/Dubai');
  assert.equal(throttledError(signInWaits, 20_000).textIn(korean), '로그인에 너무 여러 번 실패했습니다. 20초 뒤에 다시 시도하세요.');
  assert.equal(throttledError(signInWaits, 900_000).textIn(korean), '로그인에 너무 여러 번 실패했습니다. 15분 뒤에 다시 시도하세요.');
  assert.deepEqual(
    [1_000, 2_000, 3_000, 11_000].map((waitMs) => throttledError(signInWaits, waitMs).textIn(arabic)),
    ['ثانية واحدة', 'ثانيتين', '3 ثوانٍ', '11 ثانية'].map((wait) => `محاولات فاشلة كثيرة جدًا. انتظر ${wait} قبل أن تحاول مجددًا.`),
  );
  assert.match(throttledError(signInWaits, 120_000).textIn(arabic), /انتظر دقيقتين قبل/);
});
