import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { postCommentForm, readCommentForm } from '../helpers/comment-forms.ts';
import { FormClient } from '../helpers/form-client.ts';
import { createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

const spoof = 'Your session expired. Sign in again at evil.example';

let gazette: TestGazette;
let owner: FormClient;

before(async () => {
  gazette = await buildTestApp();
  owner = new FormClient(gazette.app);
  owner.setCookie('gazette_session', (await createTestOwner(gazette)).sessionToken);
});
after(() => gazette.close());

for (const path of ['/admin/comments', '/admin/comments/blocks', '/admin/comments/privacy', '/admin/comments/policy']) {
  test(`${path} shows no text taken from its address`, async () => {
    const page = await owner.get(`${path}?done=${encodeURIComponent(spoof)}`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /evil\.example/);
    assert.doesNotMatch(page.body, /form-message--ok/, 'no notice at all for a code the page does not know');
  });
}

test('the media library shows no file names or reasons taken from its address', async () => {
  const query = new URLSearchParams([
    ['refused', `damaged:${spoof}`],
    ['deleted', spoof],
    ['added', '1'],
  ]);
  const page = await owner.get(`/admin/media?${query}`);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /evil\.example/);
  assert.doesNotMatch(page.body, /This file is damaged|was deleted|Added 1 photo/);
});

test('a moderation notice is one of the newsroom’s own messages, chosen by a code and a count', async () => {
  const home = await gazette.app.inject({ url: '/' });
  const path = /<main[\s\S]*?href="(\/[a-z-]+\/[a-z0-9-]+)"/.exec(home.body)![1]!;
  const article = await gazette.app.inject({ url: path });
  gazette.setNow(new Date(testNow.getTime() + 10_000));
  const posted = await postCommentForm(
    gazette,
    readCommentForm(article.body),
    { name: 'Ada Reader', email: 'ada@example.com', comment: 'A comment to approve.' },
    { json: true, remoteAddress: '198.51.100.7' },
  );
  assert.equal(posted.statusCode, 201);
  const id = (posted.json() as { id: number }).id;
  await owner.get('/admin/comments');
  const approved = await owner.post(`/admin/comments/${id}/approve`, {});
  assert.equal(approved.statusCode, 303);
  assert.match(approved.headers.location as string, /[?&]done=approve&count=1$/);
  const queue = await owner.get(approved.headers.location as string);
  assert.match(queue.body, /1 comment approved\./);
  assert.match((await owner.get('/admin/comments?done=approve&count=40')).body, /40 comments approved\./, 'a count is only ever a number in a fixed sentence');
  assert.equal((await owner.get('/admin/comments?done=approve&count=lots')).statusCode, 400);
});
