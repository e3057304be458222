import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathOfLink, wordPressPostKey } from './disqus-threads.ts';

test('a thread’s link gives its path and query, whatever host and scheme it names', () => {
  assert.equal(pathOfLink('http://news.example.org/2025/03/seoul-night-markets/'), '/2025/03/seoul-night-markets/');
  assert.equal(pathOfLink('https://www.news.example.org/?p=10&utm_source=x#comments'), '/?p=10&utm_source=x');
  assert.equal(pathOfLink('http://staging.example:8080/world/seoul'), '/world/seoul');
  assert.equal(pathOfLink('/world/seoul'), '/world/seoul');
  for (const none of ['', 'not a link', 'javascript:alert(1)', 'file:///etc/passwd', '//evil.example/x']) assert.equal(pathOfLink(none), undefined, none);
});

test('the WordPress plugin’s identifier gives the ?p= address; any other identifier gives nothing', () => {
  assert.equal(wordPressPostKey('10 http://news.example.org/?p=10'), '/?p=10');
  assert.equal(wordPressPostKey(' 8   https://example.org/?p=8 '), '/?p=8');
  for (const none of ['', 'wp_id=11', 'seoul-night-markets', '10', '10 a b', '-1 http://x/?p=-1']) assert.equal(wordPressPostKey(none), undefined, none);
});
