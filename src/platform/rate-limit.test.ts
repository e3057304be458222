import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../config.ts';
import { chooseRateLimitStore } from './rate-limit.ts';

test('GAZETTE_RATE_LIMIT_STORE is auto unless set to database or memory; anything else stops the start', () => {
  assert.equal(loadConfig({}).rateLimitStore, 'auto');
  assert.equal(loadConfig({ GAZETTE_RATE_LIMIT_STORE: 'database' }).rateLimitStore, 'database');
  assert.equal(loadConfig({ GAZETTE_RATE_LIMIT_STORE: 'memory' }).rateLimitStore, 'memory');
  for (const value of ['redis', 'Database', 'postgres', ' memory']) {
    assert.throws(() => loadConfig({ GAZETTE_RATE_LIMIT_STORE: value }), /GAZETTE_RATE_LIMIT_STORE must be "database", "memory" or "auto"/, value);
  }
});

test('auto shares counters on PostgreSQL and counts in memory on SQLite; either can be chosen', () => {
  const cases = [
    { setting: 'auto', dialect: 'postgres', expected: 'database' },
    { setting: 'auto', dialect: 'sqlite', expected: 'memory' },
    { setting: 'memory', dialect: 'postgres', expected: 'memory' },
    { setting: 'database', dialect: 'sqlite', expected: 'database' },
  ] as const;
  for (const { setting, dialect, expected } of cases) {
    assert.equal(chooseRateLimitStore(setting, dialect), expected, `${setting} on ${dialect}`);
  }
});
