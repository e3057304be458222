import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('the page cache is on with a 64 MiB budget unless told otherwise', () => {
  const config = loadConfig({});
  assert.equal(config.pageCache, true);
  assert.equal(config.pageCacheBytes, 64 * 1024 * 1024);
});

test('GAZETTE_PAGE_CACHE=off turns the page cache off; GAZETTE_PAGE_CACHE_BYTES takes bytes or K/M/G', () => {
  assert.equal(loadConfig({ GAZETTE_PAGE_CACHE: 'off' }).pageCache, false);
  assert.equal(loadConfig({ GAZETTE_PAGE_CACHE: 'on' }).pageCache, true);
  assert.equal(loadConfig({ GAZETTE_PAGE_CACHE_BYTES: '16777216' }).pageCacheBytes, 16 * 1024 * 1024);
  assert.equal(loadConfig({ GAZETTE_PAGE_CACHE_BYTES: '32M' }).pageCacheBytes, 32 * 1024 * 1024);
  assert.equal(loadConfig({ GAZETTE_PAGE_CACHE_BYTES: '1g' }).pageCacheBytes, 1024 ** 3);
  assert.equal(loadConfig({ GAZETTE_PAGE_CACHE_BYTES: '2048K' }).pageCacheBytes, 2 * 1024 * 1024);
});

test('a page cache setting that cannot be read stops the start with a message naming it', () => {
  assert.throws(
    () => loadConfig({ GAZETTE_PAGE_CACHE: 'no' }),
    (error) => error instanceof ConfigError && /GAZETTE_PAGE_CACHE must be "on" or "off"/.test(error.message),
  );
  for (const value of ['lots', '-5M', '1.5M', '100K', '0']) {
    assert.throws(() => loadConfig({ GAZETTE_PAGE_CACHE_BYTES: value }), /GAZETTE_PAGE_CACHE_BYTES must be a size of at least 1M/, value);
  }
});

test('GAZETTE_WORKERS: one process outside production, one a CPU (up to four) in production, or as set', () => {
  assert.equal(loadConfig({}).workers, 1);
  assert.equal(loadConfig({ NODE_ENV: 'production' }).workers, Math.min(availableParallelism(), 4));
  assert.equal(loadConfig({ NODE_ENV: 'production', GAZETTE_WORKERS: '1' }).workers, 1);
  assert.equal(loadConfig({ GAZETTE_WORKERS: '3' }).workers, 3);
  assert.equal(loadConfig({ GAZETTE_WORKERS: 'auto' }).workers, availableParallelism());
  for (const value of ['0', '65', 'two', '1.5', '-1', ' 2']) {
    assert.throws(() => loadConfig({ GAZETTE_WORKERS: value }), /GAZETTE_WORKERS must be a whole number from 1 to 64, or "auto"/, value);
  }
});

test('GAZETTE_CONTENT_API_PER_MINUTE: 600 Content API requests a minute per IP address unless set', () => {
  assert.equal(loadConfig({}).contentApiPerMinute, 600);
  assert.equal(loadConfig({ GAZETTE_CONTENT_API_PER_MINUTE: '30' }).contentApiPerMinute, 30);
  for (const value of ['0', 'many', '1.5', '-1', ' 60', '2000000']) {
    assert.throws(
      () => loadConfig({ GAZETTE_CONTENT_API_PER_MINUTE: value }),
      /GAZETTE_CONTENT_API_PER_MINUTE must be a whole number from 1 to 1000000/,
      value,
    );
  }
});

test('GAZETTE_WEBHOOKS_ALLOW_PRIVATE: private webhook addresses are refused unless it is 1', () => {
  assert.equal(loadConfig({}).webhooksAllowPrivate, false);
  assert.equal(loadConfig({ GAZETTE_WEBHOOKS_ALLOW_PRIVATE: '0' }).webhooksAllowPrivate, false);
  assert.equal(loadConfig({ GAZETTE_WEBHOOKS_ALLOW_PRIVATE: '1' }).webhooksAllowPrivate, true);
  for (const value of ['yes', 'true', 'on', ' 1']) {
    assert.throws(() => loadConfig({ GAZETTE_WEBHOOKS_ALLOW_PRIVATE: value }), /GAZETTE_WEBHOOKS_ALLOW_PRIVATE must be "1"/, value);
  }
});
