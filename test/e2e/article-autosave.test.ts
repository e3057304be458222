import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { newArticleChoices } from '../helpers/article-form.ts';
import { FormClient } from '../helpers/form-client.ts';
import { signInTestStaff, type TestStaff } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

let gazette: TestGazette;
let staff: TestStaff;
let worldId: string;

/** Opens the editor the way the script does, and returns what its autosave needs. */
async function openEditor(browser: FormClient, id: number): Promise<{ token: string; version: number }> {
  const page = (await browser.get(`/admin/articles/${id}`)).body;
  return { token: /name="_csrf" value="([^"]+)"/.exec(page)![1]!, version: Number(/name="loadedVersion" value="(\d+)"/.exec(page)![1]) };
}

function autosave(browser: FormClient, id: number, body: unknown, token?: string) {
  return gazette.app.inject({
    method: 'POST',
    url: `/admin/articles/${id}/autosave`,
    remoteAddress: browser.remoteAddress,
    headers: { cookie: browser.cookieHeader, accept: 'application/json', 'content-type': 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    payload: JSON.stringify(body),
  });
}

async function createArticle(browser: FormClient, headline: string, intent = 'save'): Promise<number> {
  await browser.get('/admin/articles/new');
  const created = await browser.post('/admin/articles/new', { headline, sectionId: worldId, bodyHtml: `<p>${'Saved text. '.repeat(30)}</p>`, intent });
  return Number(/\/admin\/articles\/(\d+)/.exec(String(created.headers.location))![1]);
}

before(async () => {
  gazette = await buildTestApp();
  staff = await signInTestStaff(gazette, ['editor', 'contributor'], { namePrefix: 'Test' });
  ({ worldId } = await newArticleChoices(await staff.browserAs('owner')));
});
after(() => gazette.close());

test('an autosave needs a session, the CSRF header, the right to edit and only known fields', async () => {
  const editor = await staff.browserAs('editor');
  const id = await createArticle(editor, 'Autosave gatekeeping');
  const { token, version } = await openEditor(editor, id);
  const stranger = new FormClient(gazette.app);
  assert.equal((await autosave(stranger, id, { baseVersion: version, fields: { headline: 'x' } }, token)).statusCode, 401);
  assert.equal((await autosave(editor, id, { baseVersion: version, fields: { headline: 'x' } })).statusCode, 403, 'no CSRF token');
  assert.equal((await autosave(editor, id, { baseVersion: version, fields: { headline: 'x' } }, 'forged')).statusCode, 403, 'wrong CSRF token');
  const contributor = await staff.browserAs('contributor');
  const contributorToken = (await openEditor(contributor, await createArticle(contributor, 'Contributor draft'))).token;
  assert.equal((await autosave(contributor, id, { baseVersion: version, fields: { headline: 'x' } }, contributorToken)).statusCode, 403, 'not their article');
  // Fields that are not typed text (which button, which version) are dropped by the schema, never stored.
  assert.equal(
    (await autosave(editor, id, { baseVersion: version, fields: { headline: 'y', intent: 'publish', loadedVersion: '99' } }, token)).statusCode,
    200,
  );
  const row = await gazette.database.db.selectFrom('article_autosaves').select('fields').where('article_id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(JSON.parse(row.fields), { headline: 'y' });
  assert.equal((await autosave(editor, id, { baseVersion: version, fields: { headline: { nested: 'object' } } }, token)).statusCode, 400);
  assert.equal((await autosave(editor, id, { baseVersion: 'x', fields: {} }, token)).statusCode, 400);
  assert.equal((await autosave(editor, 999_999, { baseVersion: 1, fields: {} }, token)).statusCode, 404);
});

test('an autosave keeps a cleaned draft copy and never changes the article, its revisions or the public page', async () => {
  const editor = await staff.browserAs('editor');
  const id = await createArticle(editor, 'Harbour night shift', 'publish');
  const publicBefore = (await gazette.app.inject({ url: '/world/harbour-night-shift' })).body;
  const revisionsBefore = (await editor.get(`/admin/articles/${id}/revisions`)).body.match(/<tr>/g)!.length;
  const { token, version } = await openEditor(editor, id);
  const answer = await autosave(
    editor,
    id,
    { baseVersion: version, fields: { headline: 'Harbour night shift, typed', bodyHtml: '<p>Typed</p><script>alert(1)</script>' } },
    token,
  );
  assert.equal(answer.statusCode, 200);
  assert.deepEqual(Object.keys(answer.json()).sort(), ['otherEditors', 'savedAt', 'savedAtLabel', 'savedMeanwhile']);
  assert.equal(answer.json().savedMeanwhile, null);
  assert.equal((await gazette.app.inject({ url: '/world/harbour-night-shift' })).body, publicBefore, 'the published article is untouched');
  assert.equal((await editor.get(`/admin/articles/${id}/revisions`)).body.match(/<tr>/g)!.length, revisionsBefore, 'no revision');
  const row = await gazette.database.db
    .selectFrom('article_autosaves')
    .select(['fields', 'base_version'])
    .where('article_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(JSON.parse(row.fields).bodyHtml, '<p>Typed</p>', 'the body went through the allow-list');
  assert.equal(row.base_version, version);

  const page = (await editor.get(`/admin/articles/${id}`)).body;
  assert.match(page, /You have unsaved changes from /);
  assert.match(page, /value="Harbour night shift"/, 'the form still shows the article until asked');
  const restored = (await editor.get(`/admin/articles/${id}?restore=autosave`)).body;
  assert.match(restored, /are back in the form below/);
  assert.match(restored, /value="Harbour night shift, typed"/);
  assert.match(restored, /&lt;p&gt;Typed&lt;\/p&gt;<\/textarea>/);
  assert.match(restored, new RegExp(`name="loadedVersion" value="${version}"`));

  await editor.get(`/admin/articles/${id}`);
  const discarded = await editor.post(`/admin/articles/${id}/autosave/discard`, {});
  assert.equal(discarded.statusCode, 303);
  const after = (await editor.get(String(discarded.headers.location))).body;
  assert.match(after, /Your unsaved changes were discarded/);
  assert.doesNotMatch(after, /You have unsaved changes from/);
});

test('saving the article for real deletes the autosave; one identical to the article is never offered', async () => {
  const editor = await staff.browserAs('editor');
  const id = await createArticle(editor, 'Ferry timetable');
  let { token, version } = await openEditor(editor, id);
  await autosave(editor, id, { baseVersion: version, fields: { headline: 'Ferry timetable changes' } }, token);
  await editor.post(`/admin/articles/${id}`, { headline: 'Ferry timetable changes', sectionId: worldId, loadedVersion: String(version), intent: 'save' });
  assert.equal(await gazette.database.db.selectFrom('article_autosaves').select('user_id').where('article_id', '=', id).executeTakeFirst(), undefined);
  ({ token, version } = await openEditor(editor, id));
  // An autosave that arrives just after the save it raced holds what was saved: nothing to offer.
  await autosave(editor, id, { baseVersion: version, fields: { headline: 'Ferry timetable changes' } }, token);
  assert.doesNotMatch((await editor.get(`/admin/articles/${id}`)).body, /You have unsaved changes/);
});

test('two editors: the second learns who is typing, then who saved meanwhile, and their Save gets the conflict', async () => {
  const first = await staff.browserAs('editor');
  const second = await staff.browserAs('owner');
  const id = await createArticle(first, 'Two desks, one story');
  const a = await openEditor(first, id);
  const b = await openEditor(second, id);
  await autosave(first, id, { baseVersion: a.version, fields: { headline: 'Two desks, first draft' } }, a.token);
  const seen = (await autosave(second, id, { baseVersion: b.version, fields: { headline: 'Two desks, second draft' } }, b.token)).json();
  assert.deepEqual(
    seen.otherEditors.map((editor: { name: string }) => editor.name),
    ['Test editor'],
  );
  assert.match((await second.get(`/admin/articles/${id}`)).body, /Also editing this article now: Test editor/);

  await first.get(`/admin/articles/${id}`);
  assert.equal(
    (await first.post(`/admin/articles/${id}`, { headline: 'Two desks, first save', sectionId: worldId, loadedVersion: String(a.version), intent: 'save' }))
      .statusCode,
    303,
  );
  const warned = (await autosave(second, id, { baseVersion: b.version, fields: { headline: 'Two desks, still typing' } }, b.token)).json();
  assert.equal(warned.savedMeanwhile.name, 'Test editor');
  assert.match(warned.savedMeanwhile.atLabel, /2026/);
  await second.get(`/admin/articles/${id}?restore=autosave`);
  const conflict = await second.post(`/admin/articles/${id}`, {
    headline: 'Two desks, still typing',
    sectionId: worldId,
    loadedVersion: String(b.version),
    intent: 'save',
  });
  assert.equal(conflict.statusCode, 409);
  assert.match(conflict.body, /Someone else saved this article/);
  const page = (await second.get(`/admin/articles/${id}`)).body;
  assert.match(page, /You have unsaved changes from [^<]+ Someone has saved the article since/, 'the refused text is still kept');
});
