import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// An error page shows the service's own sentence in the site's language when the service said it as a
// phrase of the newsroom's catalogs (a spent setup link, here); on a site in a language those catalogs
// do not speak, the status's message in the site's words comes first and the English sentence follows.
// JSON answers under /admin (the newsroom's scripts) say it in the newsroom's language too.

describe('the sentence on an error page', () => {
  let gazette: TestGazette;
  before(async () => {
    gazette = await buildTestApp();
  });
  after(() => gazette.close());

  const spentSetupLink = () => gazette.app.inject({ url: '/admin/setup?token=not-a-token', headers: { accept: 'text/html' } });

  test('in English on an English site', async () => {
    const page = await spentSetupLink();
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /This setup link is not valid any more\. Restart Gazette to print a new one\./);
  });

  test('in Korean on a Korean site, with no English left', async () => {
    await gazette.settings.update({ language: 'ko', timeZone: 'Asia/Seoul' });
    const page = await spentSetupLink();
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /<html lang="ko"/);
    assert.match(page.body, /이 설정 링크는 더 이상 쓸 수 없습니다\./);
    assert.doesNotMatch(page.body, /This setup link/);
    const json = await gazette.app.inject({ url: '/admin/setup?token=not-a-token', headers: { accept: 'application/json' } });
    assert.equal(json.json().code, 'NOT_FOUND', 'the code stays the same in every language');
    assert.match(json.json().message, /^이 설정 링크는/, 'a newsroom script shows the sentence in the newsroom’s language');
  });

  test('in Arabic on an Arabic site', async () => {
    await gazette.settings.update({ language: 'ar', timeZone: 'Asia/Riyadh' });
    const page = await spentSetupLink();
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /رابط الإعداد هذا لم يعد صالحًا/);
    assert.doesNotMatch(page.body, /This setup link/);
  });

  test('on a Spanish site, whose newsroom words are English: the Spanish status message, then the English sentence marked as such', async () => {
    await gazette.settings.update({ language: 'es', timeZone: 'Europe/Madrid' });
    const page = await spentSetupLink();
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /<p lang="en">This setup link is not valid any more\./);
  });

  test('as JSON, the English sentence and its stable code', async () => {
    const answer = await gazette.app.inject({ url: '/admin/setup?token=not-a-token', headers: { accept: 'application/json' } });
    assert.equal(answer.statusCode, 404);
    assert.equal(answer.json().code, 'NOT_FOUND');
    assert.match(answer.json().message, /^This setup link is not valid any more/);
  });
});
