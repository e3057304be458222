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

test('GAZETTE_PG_PREPARED_STATEMENTS is on unless turned off, and refuses anything else by name', () => {
  assert.equal(loadConfig({}).pgPreparedStatements, true);
  assert.equal(loadConfig({ GAZETTE_PG_PREPARED_STATEMENTS: 'off' }).pgPreparedStatements, false);
  assert.throws(() => loadConfig({ GAZETTE_PG_PREPARED_STATEMENTS: 'false' }), /GAZETTE_PG_PREPARED_STATEMENTS must be "on" or "off", got "false"/);
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

test('shared caches: a day of s-maxage, a minute stale while revalidating, a day stale on error, keys in xkey; no purging', () => {
  const config = loadConfig({});
  assert.deepEqual(config.sharedCache, { maxAgeSeconds: 86_400, staleWhileRevalidateSeconds: 60, staleIfErrorSeconds: 86_400, surrogateKeyHeader: 'xkey' });
  assert.deepEqual(config.purge, { urls: [], secret: undefined });
});

test('shared cache and purge settings are read, and refused with a message naming them', () => {
  const config = loadConfig({
    GAZETTE_SHARED_CACHE_MAX_AGE: '3600',
    GAZETTE_SHARED_CACHE_STALE_WHILE_REVALIDATE: '0',
    GAZETTE_SHARED_CACHE_STALE_IF_ERROR: '600',
    GAZETTE_SURROGATE_KEY_HEADER: 'Surrogate-Key',
    GAZETTE_PURGE_URLS: 'http://127.0.0.1:6081, https://cache-2.internal:8443/purge',
    GAZETTE_PURGE_SECRET: 'correct-horse-battery-staple',
  });
  assert.deepEqual(config.sharedCache, { maxAgeSeconds: 3600, staleWhileRevalidateSeconds: 0, staleIfErrorSeconds: 600, surrogateKeyHeader: 'Surrogate-Key' });
  assert.deepEqual(config.purge, { urls: ['http://127.0.0.1:6081/', 'https://cache-2.internal:8443/purge'], secret: 'correct-horse-battery-staple' });
  assert.equal(loadConfig({ GAZETTE_SURROGATE_KEY_HEADER: 'off' }).sharedCache.surrogateKeyHeader, undefined);

  for (const value of ['-1', '1.5', 'a day', '31536001']) {
    assert.throws(() => loadConfig({ GAZETTE_SHARED_CACHE_MAX_AGE: value }), /GAZETTE_SHARED_CACHE_MAX_AGE must be a whole number of seconds/, value);
  }
  assert.throws(() => loadConfig({ GAZETTE_SURROGATE_KEY_HEADER: 'x key' }), /GAZETTE_SURROGATE_KEY_HEADER must be a header name/);
  assert.throws(() => loadConfig({ GAZETTE_SURROGATE_KEY_HEADER: 'xkey\r\nx-evil' }), /GAZETTE_SURROGATE_KEY_HEADER must be a header name/);
  const secret = 'correct-horse-battery-staple';
  assert.throws(() => loadConfig({ GAZETTE_PURGE_URLS: 'http://127.0.0.1:6081' }), /GAZETTE_PURGE_SECRET must be set when GAZETTE_PURGE_URLS is/);
  assert.throws(() => loadConfig({ GAZETTE_PURGE_URLS: 'http://127.0.0.1:6081', GAZETTE_PURGE_SECRET: 'short' }), /GAZETTE_PURGE_SECRET must be 16 to 256/);
  assert.throws(
    () => loadConfig({ GAZETTE_PURGE_URLS: 'http://127.0.0.1:6081', GAZETTE_PURGE_SECRET: 'has a space in it ok' }),
    /GAZETTE_PURGE_SECRET must be 16 to 256/,
  );
  for (const value of ['127.0.0.1:6081', 'ftp://cache', 'http://127.0.0.1:6081,,http://b']) {
    assert.throws(() => loadConfig({ GAZETTE_PURGE_URLS: value, GAZETTE_PURGE_SECRET: secret }), /GAZETTE_PURGE_URLS must list http\(s\) URLs/, value);
  }
  assert.throws(() => loadConfig({ GAZETTE_PURGE_URLS: 'http://user:pw@cache', GAZETTE_PURGE_SECRET: secret }), /must not hold a user name or password/);
});

test('GAZETTE_MEDIA_STORE: originals in the data dir unless a bucket is chosen, with its settings checked at start', () => {
  assert.deepEqual(loadConfig({}).mediaStore, { kind: 'local' });
  assert.deepEqual(loadConfig({ GAZETTE_MEDIA_STORE: 'local' }).mediaStore, { kind: 'local' });
  assert.deepEqual(loadConfig({ GAZETTE_MEDIA_STORE: 's3', GAZETTE_S3_BUCKET: 'news-media', AWS_REGION: 'eu-west-1' }).mediaStore, {
    kind: 's3',
    bucket: 'news-media',
    prefix: '',
    endpoint: undefined,
    region: 'eu-west-1',
    forcePathStyle: false,
  });
  const compatible = {
    GAZETTE_MEDIA_STORE: 's3',
    GAZETTE_S3_BUCKET: 'news-media',
    GAZETTE_S3_PREFIX: '/gazette/originals/',
    GAZETTE_S3_ENDPOINT: 'https://minio.internal:9000/',
    GAZETTE_S3_REGION: 'auto',
  };
  assert.deepEqual(loadConfig(compatible).mediaStore, {
    kind: 's3',
    bucket: 'news-media',
    prefix: 'gazette/originals/',
    endpoint: 'https://minio.internal:9000',
    region: 'auto',
    forcePathStyle: true,
  });
  assert.equal((loadConfig({ ...compatible, GAZETTE_S3_FORCE_PATH_STYLE: 'off' }).mediaStore as { forcePathStyle: boolean }).forcePathStyle, false);

  const refused: [Record<string, string>, RegExp][] = [
    [{ GAZETTE_MEDIA_STORE: 'disk' }, /GAZETTE_MEDIA_STORE must be "local" or "s3", got "disk"/],
    [{ GAZETTE_S3_BUCKET: 'news-media' }, /GAZETTE_S3_BUCKET is set, but GAZETTE_MEDIA_STORE is not "s3"/],
    [{ GAZETTE_MEDIA_STORE: 's3' }, /GAZETTE_S3_BUCKET must be set when GAZETTE_MEDIA_STORE is "s3"/],
    [{ GAZETTE_MEDIA_STORE: 's3', GAZETTE_S3_BUCKET: 'News_Media' }, /GAZETTE_S3_BUCKET must be a bucket name/],
    [{ GAZETTE_MEDIA_STORE: 's3', GAZETTE_S3_BUCKET: 'ab' }, /GAZETTE_S3_BUCKET must be a bucket name/],
    [{ ...compatible, GAZETTE_S3_PREFIX: 'a/../b' }, /GAZETTE_S3_PREFIX must be up to 200 characters of folders/],
    [{ ...compatible, GAZETTE_S3_PREFIX: 'a//b' }, /GAZETTE_S3_PREFIX must be/],
    [{ ...compatible, GAZETTE_S3_PREFIX: 'photos?x' }, /GAZETTE_S3_PREFIX must be/],
    [{ ...compatible, GAZETTE_S3_ENDPOINT: 'minio:9000' }, /GAZETTE_S3_ENDPOINT must (be an http\(s\) URL|start with http)/],
    [{ ...compatible, GAZETTE_S3_ENDPOINT: 'ftp://minio' }, /GAZETTE_S3_ENDPOINT must start with http:\/\/ or https:\/\//],
    [{ ...compatible, GAZETTE_S3_ENDPOINT: 'https://key:secret@minio' }, /GAZETTE_S3_ENDPOINT must not hold a user name or password/],
    [{ ...compatible, GAZETTE_S3_ENDPOINT: 'https://minio/bucket' }, /GAZETTE_S3_ENDPOINT must be an origin without a path/],
    [{ ...compatible, GAZETTE_S3_REGION: 'EU West' }, /GAZETTE_S3_REGION \(or AWS_REGION\) must be a region name/],
    [{ ...compatible, GAZETTE_S3_FORCE_PATH_STYLE: 'yes' }, /GAZETTE_S3_FORCE_PATH_STYLE must be "on" or "off"/],
  ];
  for (const [env, message] of refused)
    assert.throws(
      () => loadConfig(env),
      (error) => error instanceof ConfigError && message.test(error.message),
      JSON.stringify(env),
    );
});
