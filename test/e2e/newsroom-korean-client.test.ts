import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FormClient } from '../helpers/form-client.ts';
import { signInTestStaff } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// The rich editor's words travel in the page as JSON (admin/messages-island.tsx), in the newsroom's language.

let gazette: TestGazette;
let owner: FormClient;

before(async () => {
  // An empty newsroom is enough: the words do not depend on its articles.
  gazette = await buildTestApp({ seed: false });
  owner = await (await signInTestStaff(gazette, [], { namePrefix: 'Test' })).browserAs('owner');
});
after(() => gazette.close());

function islandOf(html: string): { locale: string | undefined; messages: Record<string, string> } {
  const found = /<script type="application\/json" id="newsroom-messages"([^>]*)>([\s\S]*?)<\/script>/.exec(html);
  assert.ok(found, 'the page carries the editor’s words');
  return { locale: /data-locale="([^"]*)"/.exec(found[1]!)?.[1], messages: JSON.parse(found[2]!) };
}

test('on a Korean site the article and page editors hand the rich editor its words in Korean', async () => {
  await gazette.settings.update({ language: 'ko', timeZone: 'Asia/Seoul' });
  try {
    for (const path of ['/admin/articles/new', '/admin/pages/new']) {
      const page = await owner.get(path);
      assert.equal(page.statusCode, 200, path);
      assert.match(page.body, /<html lang="ko/, path);
      const island = islandOf(page.body);
      assert.equal(island.locale, 'ko', path);
      assert.equal(island.messages['client.toolbar'], '서식', path);
      assert.equal(island.messages['client.photoCount'], '{count, plural, other {사진 #장}}', 'sent as ICU, for the browser to format');
      assert.ok(
        Object.keys(island.messages).every((key) => key.startsWith('client.')),
        'none of the server’s own words',
      );
      assert.doesNotMatch(JSON.stringify(island.messages), /Formatting|Insert photo|Autosave failed/, path);
    }
  } finally {
    await gazette.settings.update({ language: 'en', timeZone: 'UTC' });
  }
});

test('on an English site the words are the English the editor has always shown', async () => {
  const island = islandOf((await owner.get('/admin/articles/new')).body);
  assert.equal(island.locale, 'en');
  assert.equal(island.messages['client.toolbar'], 'Formatting');
  assert.equal(island.messages['client.insertPhoto'], 'Insert photo');
});
