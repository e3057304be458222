import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderFragment } from '../../render/safe-html.ts';
import { BodyStats } from './editor-body-stats.tsx';
import { bodyStatsText, urlBaseOf } from './editor-live-text.ts';

test('the body stats line: counted from the body, numbers grouped, not a live region (it would speak at every pause in typing)', () => {
  const html = String(renderFragment(<BodyStats bodyHtml={'<p>Fire at the harbour.</p>'.repeat(300)} language="en" />));
  assert.equal(html, '<p class="editor-stats" id="body-stats">1,200 words · 5 min read</p>');
  assert.match(String(renderFragment(<BodyStats bodyHtml="" language="ko" />)), />0 words · 0 min read</);
});

test('one word and one minute are singular', () => {
  assert.equal(bodyStatsText({ words: 1, minutes: 1 }), '1 word · 1 min read');
  assert.equal(bodyStatsText({ words: 2, minutes: 1 }), '2 words · 1 min read');
  assert.equal(bodyStatsText({ words: 12345, minutes: 54 }), '12,345 words · 54 min read');
});

test('the address a slug is appended to is the article’s address up to its last slash, on the public site', () => {
  assert.equal(urlBaseOf('/world/harbour-fire', 'https://news.example'), 'https://news.example/world/');
  assert.equal(urlBaseOf('/world/harbour-fire', 'https://news.example/'), 'https://news.example/world/');
  assert.equal(urlBaseOf('https://news.example/%EB%B6%80%EC%82%B0/x', 'https://news.example'), 'https://news.example/%EB%B6%80%EC%82%B0/');
  assert.equal(urlBaseOf('/news/x', 'not a url'), 'not a url/', 'an unusable site address is kept rather than failing the page');
});
