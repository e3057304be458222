import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newsroomTranslator } from '../i18n/index.ts';
import * as client from '../i18n/newsroom/client.ts';
import { renderDocument, renderFragment } from '../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from './admin-document.tsx';
import { appearanceMessages, bodyStatsText, characterCountText } from './articles/editor-live-text.ts';
import { MessagesIsland } from './messages-island.tsx';
import { testChromeIn } from './admin-chrome.test-support.ts';

function chromeIn(language: string): AdminChrome {
  return testChromeIn(language, '/admin/articles/new');
}

/** The island's attributes and parsed JSON, or undefined when the page has none. */
function islandOf(html: string): { attributes: string; json: string; messages: Record<string, string> } | undefined {
  const found = /<script type="application\/json" id="newsroom-messages"([^>]*)>([\s\S]*?)<\/script>/.exec(html);
  return found ? { attributes: found[1]!, json: found[2]!, messages: JSON.parse(found[2]!) } : undefined;
}

test('a message cannot close the island early: "<" is escaped and the JSON still reads back the same', () => {
  const hostile = { 'client.cancel': '</script><script>alert(1)</script><!--' };
  const html = String(renderFragment(<MessagesIsland locale="en" messages={hostile} />));
  const island = islandOf(html)!;
  assert.doesNotMatch(island.json, /</);
  assert.match(island.json, /\\u003c\/script>/);
  assert.deepEqual(island.messages, hostile);
  assert.equal(html.match(/<script/g)?.length, 1, 'one script element, a JSON one');
});

test('a newsroom page with scripts carries the client’s words in its language, and only those', () => {
  const korean = islandOf(renderDocument(<AdminDocument chrome={chromeIn('ko')} title="새 기사" scripts={['/assets/admin-editor.js']} />))!;
  assert.deepEqual(korean.messages, client.ko);
  assert.ok(Object.keys(korean.messages).every((key) => key.startsWith('client.')));
  assert.equal(korean.messages['client.toolbar'], '서식');
  assert.match(korean.attributes, /data-locale="ko"/);
  assert.match(korean.attributes, /data-hour-cycle="h23"/, 'Korean newsrooms write times on the 24-hour clock');

  const english = islandOf(renderDocument(<AdminDocument chrome={chromeIn('en-GB')} title="New article" scripts={['/assets/admin-editor.js']} />))!;
  assert.deepEqual(english.messages, client.en);
  assert.match(english.attributes, /data-locale="en-GB"/);
  assert.doesNotMatch(english.attributes, /data-hour-cycle/);
  // A language the newsroom is not written in yet: English words, the tag's own plural rules and numbers.
  assert.deepEqual(islandOf(renderDocument(<AdminDocument chrome={chromeIn('pt-BR')} title="x" scripts={['/x.js']} />))!.messages, client.en);
});

test('a page without scripts has no island', () => {
  assert.equal(islandOf(renderDocument(<AdminDocument chrome={chromeIn('ko')} title="설정" />)), undefined);
});

test('the editor’s English, formatted from its catalog, is what it always said and what the server first draws', () => {
  const words = newsroomTranslator('en');
  assert.equal(words.text('client.photoCount', { count: 1 }), '1 photo');
  assert.equal(words.text('client.photoCount', { count: 12 }), '12 photos');
  assert.equal(words.text('client.tagSuggestionCount', { count: 1 }), '1 existing tag matches; use the up and down arrows to choose, Enter to add.');
  assert.equal(words.text('client.tagSuggestionCount', { count: 3 }), '3 existing tags match; use the up and down arrows to choose, Enter to add.');
  assert.equal(words.text('client.toolHeadingLabel', { level: 2 }), 'H2 heading');
  assert.equal(words.text('client.savedMeanwhile', { name: 'Ana', time: '13:05' }).slice(0, 47), 'Ana saved this article at 13:05, after you open');
  for (const stats of [
    { words: 0, minutes: 0 },
    { words: 1, minutes: 1 },
    { words: 12345, minutes: 54 },
  ])
    assert.equal(words.text('client.bodyStats', stats), bodyStatsText(stats));
  assert.equal(words.text('client.characterCount', { count: 1038, recommended: 1060 }), characterCountText(1038, 1060));
  assert.equal(words.text('client.characterCountOver', { count: 1065, recommended: 60, over: 1005 }), characterCountText(1065, 60));
  assert.equal(words.text('client.previewNoTitle'), appearanceMessages.noTitle);
  assert.equal(words.text('client.previewNoDescription'), appearanceMessages.noDescription);
});
