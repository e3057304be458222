import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signInTestStaff, type TestStaff } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

let gazette: TestGazette;
let staff: TestStaff;
before(async () => {
  gazette = await buildTestApp();
  staff = await signInTestStaff(gazette, ['editor', 'author'], { namePrefix: 'Pin', firstPage: '/admin' });
});
after(() => gazette.close());

const leadHeadline = async () => /class="lead-story[^"]*"[\s\S]*?<h2[^>]*>\s*<a[^>]*>([^<]+)<\/a>/.exec((await gazette.app.inject({ url: '/' })).body)?.[1];

async function olderArticle(): Promise<{ id: number; headline: string }> {
  return gazette.database.db
    .selectFrom('articles')
    .select(['id', 'headline'])
    .where('status', '=', 'published')
    .orderBy('published_at', 'asc')
    .executeTakeFirstOrThrow();
}

test('an editor pins an older article: it leads the home page until unpinned, and both steps are audited', async () => {
  const newest = await leadHeadline();
  const older = await olderArticle();
  assert.notEqual(newest, older.headline);
  const editor = await staff.browserAs('editor');
  const page = await editor.get(`/admin/articles/${older.id}`);
  assert.match(page.body, /Pin as the home page’s lead/);
  const pinned = await editor.post(`/admin/articles/${older.id}/pin`, { pinned: 'on' });
  assert.equal(pinned.statusCode, 303);
  assert.equal(pinned.headers.location, `/admin/articles/${older.id}?done=pinned`);
  assert.equal(await leadHeadline(), older.headline, 'the cached home page was dropped and rebuilt');
  assert.match((await editor.get(`/admin/articles/${older.id}?done=pinned`)).body, /Unpin from the home page/);
  await editor.post(`/admin/articles/${older.id}/pin`, { pinned: 'off' });
  assert.equal(await leadHeadline(), newest);
  const audit = await gazette.database.db.selectFrom('audit_log').select('action').where('action', 'in', ['article.pinned', 'article.unpinned']).execute();
  assert.deepEqual(audit.map((row) => row.action).sort(), ['article.pinned', 'article.unpinned']);
});

test('an author cannot pin, and pinning needs the form’s CSRF token', async () => {
  const older = await olderArticle();
  const author = await staff.browserAs('author');
  assert.equal((await author.post(`/admin/articles/${older.id}/pin`, { pinned: 'on' })).statusCode, 403);
  const editor = await staff.browserAs('editor');
  assert.equal((await editor.post(`/admin/articles/${older.id}/pin`, { pinned: 'on', _csrf: 'forged' })).statusCode, 403);
  assert.notEqual(await leadHeadline(), older.headline);
});
