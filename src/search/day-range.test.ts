import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startOfDay } from './day-range.ts';

test('a day starts at midnight in the newsroom time zone, summer time included', () => {
  assert.equal(startOfDay('2026-11-27', 'Europe/London')?.toISOString(), '2026-11-27T00:00:00.000Z');
  assert.equal(startOfDay('2026-07-01', 'Europe/London')?.toISOString(), '2026-06-30T23:00:00.000Z');
  assert.equal(startOfDay('2026-11-27', 'Asia/Tokyo')?.toISOString(), '2026-11-26T15:00:00.000Z');
  assert.equal(startOfDay('2026-11-27', 'America/New_York', 1)?.toISOString(), '2026-11-28T05:00:00.000Z');
});

test('text that is not a real day gives no date', () => {
  for (const day of ['2026-02-31', '2026-13-01', '0042-01-01', '2026-1-1', 'yesterday']) assert.equal(startOfDay(day, 'UTC'), undefined, day);
});
