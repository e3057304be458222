import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDateTime, formatDay, formatTime } from './dates.ts';

const instant = new Date('2026-07-01T23:30:00.000Z');

test('a date shown again is shown the same, and each style, zone and language keeps its own', () => {
  const london = { locale: 'en-GB', timeZone: 'Europe/London' };
  const seoul = { locale: 'ko', timeZone: 'Asia/Seoul', hourCycle: 'h23' } as const;
  assert.equal(formatDateTime(instant, london), '2 July 2026 at 00:30 BST');
  assert.equal(formatDateTime(instant, london), '2 July 2026 at 00:30 BST', 'again, as kept');
  assert.equal(formatDay(instant, london), '2 July 2026');
  assert.equal(formatTime(instant, london), '00:30 BST');
  assert.equal(formatTime(instant, { locale: 'en-GB', timeZone: 'UTC' }), '23:30 UTC');
  assert.match(formatDateTime(instant, seoul), /2026년 7월 2일.*08:30/);
  assert.equal(formatDateTime(new Date('2026-12-01T23:30:00.000Z'), london), '1 December 2026 at 23:30 GMT', 'the zone name follows the instant');
});
