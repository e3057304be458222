import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentTags } from './content-changes.ts';
import {
  anyChangeKey,
  defaultSharedCacheOptions,
  everythingKey,
  keySeparatorFor,
  maxKeyHeaderBytes,
  purgeKeyLists,
  SharedCachePolicy,
  surrogateKeyOf,
  surrogateKeysOf,
} from './shared-caching.ts';

const now = new Date('2026-11-27T12:00:00Z');
const clock = { now: () => now };

test('shared answers: browsers revalidate every time, shared caches keep them for s-maxage with stale allowances', () => {
  const policy = new SharedCachePolicy({ ...defaultSharedCacheOptions, maxAgeSeconds: 3600, staleWhileRevalidateSeconds: 30, staleIfErrorSeconds: 600 }, clock);
  assert.equal(policy.sharedCacheControl(), 'public, max-age=0, must-revalidate, s-maxage=3600, stale-while-revalidate=30, stale-if-error=600');
});

test('the defaults: a day in the shared cache, a minute stale while fetching again, a day stale while Gazette is down', () => {
  const policy = new SharedCachePolicy(defaultSharedCacheOptions, clock);
  assert.equal(policy.sharedCacheControl(), 'public, max-age=0, must-revalidate, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400');
  assert.equal(policy.surrogateKeyHeader, 'xkey');
});

test('a page that expires is kept by a shared cache no longer than it lasts', () => {
  const policy = new SharedCachePolicy({ ...defaultSharedCacheOptions, maxAgeSeconds: 3600 }, clock);
  const inTenMinutes = new Date(now.getTime() + 600_500);
  assert.match(policy.sharedCacheControl(inTenMinutes), /, s-maxage=600,/);
  assert.match(policy.sharedCacheControl(new Date(now.getTime() + 7200_000)), /, s-maxage=3600,/, 'never longer than s-maxage');
  assert.match(policy.sharedCacheControl(new Date(now.getTime() - 1000)), /, s-maxage=0,/, 'already expired');
});

test('a request is personal when it carries any of the personal cookies, wherever in the header', () => {
  const policy = new SharedCachePolicy({ ...defaultSharedCacheOptions, personalCookies: ['gazette_session', 'gazette_comments'] }, clock);
  assert.equal(policy.isPersonal(undefined), false);
  assert.equal(policy.isPersonal(''), false);
  assert.equal(policy.isPersonal('theme=dark; _ga=GA1.2.3'), false);
  assert.equal(policy.isPersonal('gazette_comments=12.sig'), true);
  assert.equal(policy.isPersonal('theme=dark; gazette_session=abc'), true);
  assert.equal(policy.isPersonal('a=1;gazette_comments='), true, 'even empty, it may be a forgery: not shared');
  assert.equal(new SharedCachePolicy(defaultSharedCacheOptions, clock).isPersonal('gazette_comments=1.x'), false, 'names come from the app');
});

test('content tags become header-safe surrogate keys, and two tags never share a key', () => {
  assert.equal(surrogateKeyOf('article:12'), 'article:12');
  assert.equal(surrogateKeyOf('scope:section:3'), 'scope:section:3');
  assert.equal(surrogateKeyOf('list:corrections'), 'list:corrections');
  assert.equal(surrogateKeyOf('a b,c\r\nd'), 'a%20b%2Cc%0D%0Ad');
  assert.equal(surrogateKeyOf('마감'), '%EB%A7%88%EA%B0%90');
  assert.notEqual(surrogateKeyOf('a%20b'), surrogateKeyOf('a b'), 'a percent sign is encoded too');
});

test("an answer's keys: its tags once each and `all`; too many for a header line, `all any-change` instead", () => {
  assert.equal(surrogateKeysOf([contentTags.article(12), contentTags.settings, contentTags.article(12)]), `${everythingKey} article:12 settings`);
  const many = Array.from({ length: 2000 }, (_, i) => contentTags.article(i));
  assert.equal(surrogateKeysOf(many), `${everythingKey} ${anyChangeKey}`);
  const fitting = Array.from({ length: 400 }, (_, i) => contentTags.article(i));
  assert.ok(surrogateKeysOf(fitting).length <= maxKeyHeaderBytes);
  assert.ok(surrogateKeysOf(fitting).includes('article:399'));
  assert.equal(surrogateKeysOf(many, ','), `${everythingKey},${anyChangeKey}`);
});

test('keys are separated by commas in Cache-Tag (Cloudflare), by spaces in any other header', () => {
  assert.equal(keySeparatorFor('Cache-Tag'), ',');
  assert.equal(keySeparatorFor('cache-tag'), ',');
  assert.equal(keySeparatorFor('xkey'), ' ');
  assert.equal(keySeparatorFor('Surrogate-Key'), ' ');
  assert.equal(surrogateKeysOf([contentTags.article(1), contentTags.tag(2)], ','), `${everythingKey},article:1,tag:2`);
});

test('a purge names the changed tags and `any-change`, split over header lines that each fit', () => {
  assert.deepEqual(purgeKeyLists([contentTags.article(1), contentTags.scope({ kind: 'all' })]), [`article:1 scope:all ${anyChangeKey}`]);
  assert.deepEqual(purgeKeyLists([]), []);
  const many = Array.from({ length: 3000 }, (_, i) => contentTags.article(i));
  const lists = purgeKeyLists(many);
  assert.ok(lists.length > 1);
  for (const list of lists) assert.ok(list.length <= maxKeyHeaderBytes);
  assert.deepEqual(lists.flatMap((list) => list.split(' ')).sort(), [...many, anyChangeKey].sort(), 'every key exactly once');
});

test('"everything" purges the key every answer carries, and nothing else is needed', () => {
  assert.deepEqual(purgeKeyLists([contentTags.article(1), contentTags.everything]), [everythingKey]);
});
