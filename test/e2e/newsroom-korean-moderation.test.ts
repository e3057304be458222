import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { commentOn, postedCommentId } from '../helpers/comment-forms.ts';
import { FormClient } from '../helpers/form-client.ts';
import { createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// Comment moderation in the newsroom's language: the queue, a comment's edit and reply form, the block
// list, privacy requests and the comment policy, with the notices after each action and the refusals of a
// moderator's edit, reply and block. Why a comment was held is stored by the comment capability's spam
// checks as phrases, and said in Korean on the queue and in the moderators' email.

let ip = 1;
/** A reader's comment on the first article, from an address of its own (the rate limit is per address). */
async function comment(gazette: TestGazette, articlePath: string, name: string, email: string, text: string): Promise<number> {
  return postedCommentId(await commentOn(gazette, articlePath, { name, email, comment: text }, { json: true, remoteAddress: `198.51.100.${ip++}` }));
}

async function firstArticlePath(gazette: TestGazette): Promise<string> {
  const home = await gazette.app.inject({ url: '/' });
  return /<main[\s\S]*?href="(\/[a-z-]+\/[a-z0-9-]+)"/.exec(home.body)![1]!;
}

async function signedInOwner(gazette: TestGazette): Promise<FormClient> {
  const { sessionToken } = await createTestOwner(gazette);
  const client = new FormClient(gazette.app);
  client.setCookie('gazette_session', sessionToken);
  return client;
}

/** Follows a form's 303 and returns the page it lands on. */
async function landing(owner: FormClient, response: { statusCode: number; headers: Record<string, unknown> }): Promise<string> {
  assert.equal(response.statusCode, 303);
  return (await owner.get(String(response.headers.location))).body;
}

/** The queue's bulk form with several comments ticked, as a browser sends it (one `ids` per box). */
async function bulk(gazette: TestGazette, owner: FormClient, action: string, ids: readonly number[]) {
  const csrf = /name="_csrf" value="([^"]+)"/.exec((await owner.get('/admin/comments')).body)![1]!;
  const body = new URLSearchParams({ _csrf: csrf, action, return_to: '/admin/comments' });
  for (const id of ids) body.append('ids', String(id));
  return gazette.app.inject({
    method: 'POST',
    url: '/admin/comments/bulk',
    remoteAddress: owner.remoteAddress,
    headers: { cookie: owner.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

function notice(html: string): string {
  return /<p class="form-message form-message--ok" role="status">([^<]*)<\/p>/.exec(html)?.[1] ?? '';
}

function problems(html: string): string {
  return /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
}

describe('comment moderation on a Korean site', () => {
  let gazette: TestGazette;
  let owner: FormClient;
  let articlePath: string;
  const ids: number[] = [];

  before(async () => {
    gazette = await buildTestApp();
    await gazette.settings.update({ language: 'ko', timeZone: 'Asia/Seoul' });
    articlePath = await firstArticlePath(gazette);
    // Each is a commenter's first comment, so the policy holds it.
    ids.push(await comment(gazette, articlePath, 'Ada', 'ada@example.com', 'A first note on the harbour.'));
    ids.push(await comment(gazette, articlePath, 'Bea', 'bea@example.com', 'Is the ferry running?'));
    ids.push(await comment(gazette, articlePath, 'Cy', 'cy@example.com', 'Cheap pills casino bonus'));
    ids.push(await comment(gazette, articlePath, 'Di', 'di@example.com', 'A note for the trash.'));
    ids.push(await comment(gazette, articlePath, 'Eve', 'eve@example.com', 'A note approved with the one before.'));
    owner = await signedInOwner(gazette);
  });
  after(() => gazette.close());

  test('the pending queue speaks Korean, with its counts and actions', async () => {
    const queue = await owner.get('/admin/comments');
    assert.equal(queue.statusCode, 200);
    const html = queue.body;
    assert.match(html, /<html lang="ko/);
    assert.match(html, /<title>댓글 \| /);
    assert.match(html, /<h1>댓글<\/h1>/);
    assert.match(html, /대기 <span class="count">\(5\)<\/span>/);
    assert.match(html, /승인됨 <span class="count">\(0\)<\/span>/);
    assert.match(html, /<nav aria-label="댓글 상태">/);
    assert.match(html, /<label for="bulk-action">선택한 댓글을<\/label>/);
    assert.match(html, /<option value="spam">스팸으로 표시<\/option>/);
    assert.match(html, /<span class="visually-hidden">Ada 님의 댓글 <\/span>승인<\/button>/);
    assert.match(html, /<span class="visually-hidden">Bea 님의 댓글 <\/span>수정 또는 답글<\/a>/);
    assert.match(html, /· 상태: 대기<\/p>/);
    assert.match(html, /검토를 기다리는 댓글에 대한 이메일을 받지 않습니다\./);
    // The spam checks' reasons, in Korean after the newsroom's own label.
    assert.match(html, /보류 사유: 이 이메일로 쓴 첫 댓글<\/p>/);
    for (const english of [
      'First comment from this email',
      'Pending',
      'Approved',
      'With the selected comments',
      'Mark as spam',
      'comment by',
      'Edit or reply',
      'status pending',
      'Block list',
    ]) {
      assert.ok(!html.includes(english), `no “${english}” on the Korean queue`);
    }
  });

  test('approving, marking spam, trashing and restoring say so in Korean, counting comments', async () => {
    await owner.get('/admin/comments');
    assert.equal(notice(await landing(owner, await owner.post(`/admin/comments/${ids[0]}/approve`, {}))), '댓글 1개를 승인했습니다.');
    const spammed = await landing(owner, await owner.post(`/admin/comments/${ids[2]}/spam`, {}));
    assert.equal(notice(spammed), '댓글 1개를 스팸으로 표시했습니다. 스팸 필터가 이 판단을 학습합니다.');
    const trashed = await landing(owner, await owner.post(`/admin/comments/${ids[3]}/trash`, {}));
    assert.equal(notice(trashed), '댓글 1개를 휴지통으로 옮겼습니다.');
    const restored = await landing(owner, await owner.post(`/admin/comments/${ids[3]}/restore`, {}));
    assert.equal(notice(restored), '댓글 1개를 대기 상태로 되돌렸습니다.');
    assert.equal(notice(await landing(owner, await bulk(gazette, owner, 'approve', [ids[3]!, ids[4]!]))), '댓글 2개를 승인했습니다.');
    const nothing = await landing(owner, await owner.post('/admin/comments/bulk', { action: 'approve', return_to: '/admin/comments' }));
    assert.equal(notice(nothing), '먼저 댓글을 하나 이상 고르고 작업을 선택하세요.');

    const approved = (await owner.get('/admin/comments?status=approved')).body;
    assert.match(approved, /승인됨 <span class="count">\(3\)<\/span>/);
    assert.match(approved, /· 상태: 승인됨<\/p>/);
    assert.match(approved, /<span class="visually-hidden">Ada 님의 댓글 <\/span>휴지통<\/button>/);
    const spam = (await owner.get('/admin/comments?status=spam')).body;
    assert.match(spam, /스팸 <span class="count">\(1\)<\/span>/);
    assert.match(spam, /<span class="visually-hidden">Cy 님의 댓글 <\/span>스팸 아님: 승인<\/button>/);
    assert.doesNotMatch(spam, /Not spam|status spam/);
    const trash = (await owner.get('/admin/comments?status=trash')).body;
    assert.match(trash, /<p>댓글이 없습니다\.<\/p>/);
    assert.doesNotMatch(trash, /No comments here/);
  });

  test('one commenter’s comments, their standing and the email switch', async () => {
    const theirs = (await owner.get('/admin/comments?email=bea%40example.com')).body;
    assert.match(theirs, /<h1>bea@example\.com 님의 댓글<\/h1>/);
    assert.match(theirs, /<h2 id="commenter-heading">이 댓글 작성자<\/h2>/);
    assert.match(theirs, /아직 승인된 적이 없습니다\./);
    assert.match(theirs, /이 이메일 차단<\/button>/);
    assert.doesNotMatch(theirs, /Comments by|Ban this email|Not yet approved/);
    const banned = await landing(owner, await owner.post('/admin/comments/commenter', { email: 'bea@example.com', standing: 'ban' }));
    assert.equal(notice(banned), '차단했습니다. 이 사람의 댓글은 스팸으로 갑니다.');
    assert.match(banned, /차단됨: 이 사람이 쓰는 댓글은 모두 스팸으로 갑니다\./);
    assert.match(banned, /차단 해제<\/button>/);
    assert.equal(
      notice(await landing(owner, await owner.post('/admin/comments/commenter', { email: 'bea@example.com', standing: 'unban' }))),
      '차단을 해제했습니다.',
    );

    const on = await landing(owner, await owner.post('/admin/comments/notifications', { notify: 'on' }));
    assert.equal(notice(on), '검토를 기다리는 댓글마다 이메일을 보내 드립니다.');
    assert.match(on, /이메일 그만 받기<\/button>/);
  });

  test('the edit and reply form, and the notice after a reply', async () => {
    const edit = (await owner.get(`/admin/comments/${ids[1]}/edit`)).body;
    assert.match(edit, /<html lang="ko/);
    assert.match(edit, /<h1>댓글 수정<\/h1>/);
    assert.match(edit, /기사의 댓글, 상태: 대기\. 작성자의 이메일\(bea@example\.com\)은 바꿀 수 없습니다\./);
    assert.match(edit, /<h2>편집국 이름으로 답글 달기<\/h2>/);
    assert.match(edit, /답글 게시<\/button>/);
    assert.match(edit, /변경 사항 저장<\/button>/);
    for (const english of ['Edit comment', 'Reply as the newsroom', 'Publish reply', 'Save changes', 'Back to the queue']) {
      assert.ok(!edit.includes(english), `no “${english}” on the Korean edit page`);
    }
    const refused = await owner.post(`/admin/comments/${ids[1]}/edit`, { name: '', website: '', comment: 'Is the ferry running?' });
    assert.equal(refused.statusCode, 422);
    assert.match(problems(refused.body), /<h2 id="error-summary-title">문제가 있습니다<\/h2>/);
    assert.match(problems(refused.body), /이름을 입력하세요\./, 'the comment form’s own check, in Korean');
    assert.doesNotMatch(refused.body, /Enter your name\./);
    const empty = await owner.post(`/admin/comments/${ids[1]}/reply`, { reply: '' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /댓글 내용을 입력하세요\./);
    assert.doesNotMatch(empty.body, /Write your comment\./);

    await owner.get(`/admin/comments/${ids[1]}/edit`);
    const replied = await landing(owner, await owner.post(`/admin/comments/${ids[1]}/reply`, { reply: 'Yes, from Monday.' }));
    assert.equal(notice(replied), '답글이 편집국 배지를 달고 댓글 아래에 게시되었습니다.');
  });

  test('the block list, privacy requests and the policy, with their notices', async () => {
    const blocks = (await owner.get('/admin/comments/blocks')).body;
    assert.match(blocks, /<title>댓글 차단 목록 \| /);
    assert.match(blocks, /아직 차단한 항목이 없습니다\./);
    assert.match(blocks, /<option value="ip">IP 주소 또는 대역\(CIDR\)<\/option>/);
    assert.match(blocks, /차단 목록에 추가<\/button>/);
    const added = await landing(owner, await owner.post('/admin/comments/blocks', { kind: 'word', pattern: 'casino' }));
    assert.equal(notice(added), '차단 목록에 추가했습니다.');
    assert.match(added, /<th scope="col">종류<\/th>/);
    assert.match(added, /<td>단어<\/td>/);
    assert.match(added, /<span class="visually-hidden">casino <\/span>삭제<\/button>/);
    assert.doesNotMatch(added, /Nothing is blocked|Add to the block list|<td>word<\/td>/);
    const refusedBlock = await owner.post('/admin/comments/blocks', { kind: 'email', pattern: 'not an email' });
    assert.equal(refusedBlock.statusCode, 422);
    assert.match(problems(refusedBlock.body), /단어, 이메일 주소, 또는 203\.0\.113\.0\/24 같은 IP 주소나 대역을 입력하세요\./);
    assert.doesNotMatch(refusedBlock.body, /Enter a word, an email address/);

    const privacy = (await owner.get('/admin/comments/privacy?email=ada%40example.com')).body;
    assert.match(privacy, /<h1>개인정보 요청<\/h1>/);
    assert.match(privacy, /댓글 1개가 저장되어 있습니다\./);
    assert.match(privacy, /모두 JSON으로 내려받기/);
    assert.doesNotMatch(privacy, /is stored|Download everything/);
    const mismatch = await owner.post('/admin/comments/privacy/erase', { email: 'ada@example.com', confirm: 'someone@example.com' });
    assert.equal(mismatch.statusCode, 422);
    assert.match(mismatch.body, /삭제를 확인하려면 같은 이메일 주소를 한 번 더 입력하세요\./);
    const erased = await landing(owner, await owner.post('/admin/comments/privacy/erase', { email: 'ada@example.com', confirm: 'ada@example.com' }));
    assert.equal(notice(erased), '댓글 1개와 그 이메일에 관해 저장된 다른 정보를 모두 지웠습니다.');

    const policy = (await owner.get('/admin/comments/policy')).body;
    assert.match(policy, /<h1>댓글 정책<\/h1>/);
    assert.match(policy, /<option value="hold-first" selected="">작성자의 첫 댓글만 검토하고, 그 뒤로는 바로 게시<\/option>/);
    assert.match(policy, /발행 후 며칠 뒤에 닫을지 정합니다\. 0이면 계속 열어 둡니다 \(0–3650\)/);
    assert.doesNotMatch(policy, /Hold every comment|Save policy|Oldest first/);
    const fields = { moderation: 'publish', order: 'newest', closeAfterDays: 'ten', maxDepth: '3', perPage: '50', ipRetentionDays: '30', maxLinks: '2' };
    const bad = await owner.post('/admin/comments/policy', fields);
    assert.equal(bad.statusCode, 422);
    assert.match(problems(bad.body), /<a href="#field-closeAfterDays">0부터 3650까지의 정수를 입력하세요\.<\/a>/);
    await owner.get('/admin/comments/policy');
    const saved = await landing(owner, await owner.post('/admin/comments/policy', { ...fields, closeAfterDays: '7' }));
    assert.equal(notice(saved), '댓글 정책을 저장했습니다.');
  });
});

test('why a comment was held or marked spam is said in Korean, on the queue and in the moderators’ email', async (t) => {
  const gazette = await buildTestApp();
  t.after(() => gazette.close());
  await gazette.settings.update({ language: 'ko', timeZone: 'Asia/Seoul' });
  const articlePath = await firstArticlePath(gazette);
  const owner = await signedInOwner(gazette);
  await owner.get('/admin/comments');
  assert.equal((await owner.post('/admin/comments/notifications', { notify: 'on' })).statusCode, 303);
  await owner.get('/admin/comments/blocks');
  assert.equal((await owner.post('/admin/comments/blocks', { kind: 'word', pattern: 'jackpot' })).statusCode, 303);
  const linked = await comment(gazette, articlePath, 'Gil', 'gil@example.com', 'See https://a.example/ https://b.example/ https://c.example/');
  const blocked = await comment(gazette, articlePath, 'Hana', 'hana@example.com', 'Win the jackpot today');
  await new Promise((resolve) => setTimeout(resolve, 200));

  const card = (html: string, id: number) => new RegExp(`<li id="moderation-comment-${id}"[\\s\\S]*?</li>`).exec(html)?.[0] ?? '';
  const held = card((await owner.get('/admin/comments')).body, linked);
  assert.match(held, /<p class="moderation-item__score">보류 사유: 링크 3개, 허용 한도는 2개; 이 이메일로 쓴 첫 댓글<\/p>/);
  const spam = card((await owner.get('/admin/comments?status=spam')).body, blocked);
  assert.match(spam, /<p class="moderation-item__score">보류 사유: 차단 목록의 단어 “jackpot”<\/p>/);
  for (const english of ['links; the limit is', 'First comment from this email', 'Blocked word']) {
    assert.ok(!held.includes(english) && !spam.includes(english), `no “${english}” on the Korean queue`);
  }

  const toModerators = gazette.sentMail.filter((mail) => mail.text.includes('Gil 님의 댓글:'));
  assert.equal(toModerators.length, 1, 'the owner was told of the held comment');
  assert.match(toModerators[0]!.text, /^보류 사유: 링크 3개, 허용 한도는 2개; 이 이메일로 쓴 첫 댓글$/m);
  assert.doesNotMatch(toModerators[0]!.text, /links; the limit is|First comment from this email/);
  assert.ok(!gazette.sentMail.some((mail) => mail.text.includes('Hana')), 'a comment marked spam is nobody’s email');
});

test('on an English site the moderation pages and notices say what they always have', async (t) => {
  const gazette = await buildTestApp();
  t.after(() => gazette.close());
  const articlePath = await firstArticlePath(gazette);
  const first = await comment(gazette, articlePath, 'Eli', 'eli@example.com', 'One.');
  const second = await comment(gazette, articlePath, 'Flo', 'flo@example.com', 'Two.');
  const owner = await signedInOwner(gazette);

  const queue = (await owner.get('/admin/comments')).body;
  assert.match(queue, /<html lang="en/);
  assert.match(queue, /Pending <span class="count">\(2\)<\/span>/);
  assert.match(queue, /Approve<span class="visually-hidden"> comment by Eli<\/span>/);
  assert.match(queue, /Edit or reply<span class="visually-hidden"> to comment by Flo<\/span>/);
  assert.match(queue, /<\/time> · status pending<\/p>/);
  assert.match(queue, /You get no email about held comments\. <button type="submit">Email me about held comments<\/button>/);
  const one = await landing(owner, await owner.post(`/admin/comments/${first}/approve`, {}));
  assert.equal(notice(one), '1 comment approved.');
  const many = await owner.post('/admin/comments/bulk', { action: 'spam', ids: String(second), return_to: '/admin/comments' });
  assert.equal(notice(await landing(owner, many)), '1 marked as spam. The filter learns from this.');
  await owner.get('/admin/comments');
  assert.equal(
    notice(await landing(owner, await owner.post('/admin/comments/bulk', { action: 'approve', return_to: '/admin/comments' }))),
    'Choose at least one comment and an action first.',
  );
  assert.equal(notice(await landing(owner, await bulk(gazette, owner, 'trash', [first, second]))), '2 moved to the trash.');
  assert.equal(notice(await landing(owner, await bulk(gazette, owner, 'restore', [first, second]))), '2 restored to pending.');
  assert.equal(notice(await landing(owner, await bulk(gazette, owner, 'approve', [first, second]))), '2 comments approved.');

  const edit = (await owner.get(`/admin/comments/${first}/edit`)).body;
  assert.match(edit, /status approved\. The commenter’s email \(eli@example\.com\) cannot be changed\./);
  const privacy = (await owner.get('/admin/comments/privacy?email=eli%40example.com&done=erased&count=1')).body;
  assert.match(privacy, /<p>1 comment is stored\.<\/p>/);
  assert.equal(notice(privacy), 'Erased 1 comment and everything else stored about that email.');
  const policy = (await owner.get('/admin/comments/policy')).body;
  assert.match(policy, /<option value="hold-first" selected="">Hold a commenter(&#39;|')s first comment, then publish theirs straight away<\/option>/);
  assert.match(policy, /Days after publication; 0 keeps them open \(0–3650\)/);
  const bad = await owner.post('/admin/comments/policy', {
    moderation: 'publish',
    order: 'oldest',
    closeAfterDays: '7',
    maxDepth: '9',
    perPage: '50',
    ipRetentionDays: '30',
    maxLinks: '2',
  });
  assert.match(problems(bad.body), /There is a problem[\s\S]*<a href="#field-maxDepth">Enter a whole number from 1 to 6\.<\/a>/);
  const blocks = await landing(owner, await owner.post('/admin/comments/blocks', { kind: 'email', pattern: 'spam@example.com' }));
  assert.equal(notice(blocks), 'Added to the block list.');
  assert.match(blocks, /<td>email<\/td>/);
  assert.match(blocks, /Remove<span class="visually-hidden"> spam@example\.com<\/span>/);
});
