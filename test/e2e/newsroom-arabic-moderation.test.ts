import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { commentOn, postedCommentId } from '../helpers/comment-forms.ts';
import { FormClient } from '../helpers/form-client.ts';
import { createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// Comment moderation on an Arabic site: the queue and its tabs, right to left, a bulk action's notice
// counting comments in the dual, the block list, and the refusals of a moderator's edit, reply and block.
// Why a comment was held or marked spam (the spam checks' stored phrases) is said in Arabic too, on the
// queue and in the moderators' email.

function notice(html: string): string {
  return /<p class="form-message form-message--ok" role="status">([^<]*)<\/p>/.exec(html)?.[1] ?? '';
}

function assertNoEnglish(html: string, words: readonly string[], page: string): void {
  for (const english of words) assert.ok(!html.includes(english), `no “${english}” on the Arabic ${page}`);
}

describe('comment moderation on an Arabic site', () => {
  let gazette: TestGazette;
  let owner: FormClient;
  const ids: number[] = [];

  before(async () => {
    gazette = await buildTestApp();
    await gazette.settings.update({ language: 'ar', timeZone: 'Asia/Dubai' });
    const home = await gazette.app.inject({ url: '/' });
    const articlePath = /<main[\s\S]*?href="(\/[a-z-]+\/[a-z0-9-]+)"/.exec(home.body)![1]!;
    // Each is a commenter's first comment, so the policy holds it; each from an address of its own (the rate limit is per address).
    for (const [index, name] of ['Ada', 'Bea', 'Cy'].entries()) {
      const fields = { name, email: `${name.toLowerCase()}@example.com`, comment: `A note from ${name}.` };
      ids.push(postedCommentId(await commentOn(gazette, articlePath, fields, { json: true, remoteAddress: `198.51.100.${index + 1}` })));
    }
    const { sessionToken } = await createTestOwner(gazette);
    owner = new FormClient(gazette.app);
    owner.setCookie('gazette_session', sessionToken);
  });
  after(() => gazette.close());

  test('the pending queue speaks Arabic, right to left, with a count on each tab', async () => {
    const queue = await owner.get('/admin/comments');
    assert.equal(queue.statusCode, 200);
    const html = queue.body;
    assert.match(html, /<html lang="ar" dir="rtl">/);
    assert.match(html, /<title>التعليقات \| /);
    assert.match(html, /<h1>التعليقات<\/h1>/);
    assert.match(html, /<nav aria-label="حالة التعليقات">/);
    assert.match(html, /بانتظار المراجعة <span class="count">\(3\)<\/span>/);
    assert.match(html, /الموافق عليها <span class="count">\(0\)<\/span>/);
    assert.match(html, /الرسائل المزعجة <span class="count">\(0\)<\/span>/);
    assert.match(html, /سلة المهملات <span class="count">\(0\)<\/span>/);
    assert.match(html, /<label for="bulk-action">الإجراء على التعليقات المحددة<\/label>/);
    assert.match(html, /<option value="spam">وسم كرسالة مزعجة<\/option>/);
    assert.match(html, /موافقة<span class="visually-hidden"> على تعليق Ada<\/span><\/button>/);
    assert.match(html, /نقل<span class="visually-hidden"> تعليق Bea<\/span> إلى سلة المهملات<\/button>/);
    assert.match(html, /· الحالة: بانتظار المراجعة<\/p>/);
    assert.match(html, /سبب الاحتجاز: أول تعليق من هذا البريد الإلكتروني<\/p>/, 'the spam checks’ reason, in Arabic');
    assertNoEnglish(
      html,
      [
        'First comment from this email',
        'Pending',
        'Approved',
        'With the selected comments',
        'Mark as spam',
        'comment by',
        'Edit or reply',
        'status pending',
        'Block list',
      ],
      'queue',
    );
  });

  test('approving two comments at once says so with the dual, and the tabs count them', async () => {
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await owner.get('/admin/comments')).body)![1]!;
    const body = new URLSearchParams({ _csrf: csrf, action: 'approve', return_to: '/admin/comments' });
    for (const id of ids.slice(0, 2)) body.append('ids', String(id));
    const approved = await gazette.app.inject({
      method: 'POST',
      url: '/admin/comments/bulk',
      remoteAddress: owner.remoteAddress,
      headers: { cookie: owner.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    assert.equal(approved.statusCode, 303);
    const queue = (await owner.get(String(approved.headers.location))).body;
    assert.equal(notice(queue), 'تمت الموافقة على تعليقين.');
    assert.match(queue, /بانتظار المراجعة <span class="count">\(1\)<\/span>/);
    assert.match(queue, /الموافق عليها <span class="count">\(2\)<\/span>/);
    assertNoEnglish(queue, ['approved.', 'comments approved'], 'notice');
  });

  test('the block list: its form, a word added, and the table that lists it', async () => {
    const empty = (await owner.get('/admin/comments/blocks')).body;
    assert.match(empty, /<html lang="ar" dir="rtl">/);
    assert.match(empty, /<title>قائمة حظر التعليقات \| /);
    assert.match(empty, /<h1>قائمة الحظر<\/h1>/);
    assert.match(empty, /<p>لم يُحظر شيء بعد\.<\/p>/);
    assert.match(empty, /<option value="ip">عنوان IP أو نطاق عناوين \(CIDR\)<\/option>/);
    assert.match(empty, /مثل: casino أو spam@example\.com أو 203\.0\.113\.0\/24/);
    assert.match(empty, /إضافة إلى قائمة الحظر<\/button>/);
    assertNoEnglish(empty, ['Nothing is blocked', 'Add to the block list', 'Word or phrase', 'Comments</a>'], 'block list');

    const added = await owner.post('/admin/comments/blocks', { kind: 'word', pattern: 'casino' });
    assert.equal(added.statusCode, 303);
    const listed = (await owner.get(String(added.headers.location))).body;
    assert.equal(notice(listed), 'تمت الإضافة إلى قائمة الحظر.');
    for (const heading of ['النوع', 'المحظور', 'تاريخ الإضافة', 'إزالة']) assert.match(listed, new RegExp(`<th scope="col">${heading}</th>`));
    assert.match(listed, /<td>كلمة<\/td>/);
    assert.match(listed, /إزالة<span class="visually-hidden"> casino<\/span><\/button>/);
    assertNoEnglish(listed, ['Added to the block list', '<td>word</td>', 'Remove<'], 'block list');

    const refused = await owner.post('/admin/comments/blocks', { kind: 'ip', pattern: 'not an address' });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /اكتب كلمة، أو عنوان بريد إلكتروني، أو عنوان IP أو نطاقًا مثل 203\.0\.113\.0\/24\./);
    assertNoEnglish(refused.body, ['Enter a word, an email address'], 'refused block');
  });

  test('a moderator’s edit and reply are checked in Arabic', async () => {
    await owner.get(`/admin/comments/${ids[2]}/edit`);
    const edited = await owner.post(`/admin/comments/${ids[2]}/edit`, { name: '', website: 'not a link', comment: 'A note from Cy.' });
    assert.equal(edited.statusCode, 422);
    assert.match(edited.body, /اكتب اسمك\./);
    assert.match(edited.body, /اكتب عنوان موقع يبدأ بـ http:\/\/ أو https:\/\/، أو اترك الحقل فارغًا\./);
    assertNoEnglish(edited.body, ['Enter your name.', 'Enter a website address'], 'refused edit');
    const replied = await owner.post(`/admin/comments/${ids[2]}/reply`, { reply: '   ' });
    assert.equal(replied.statusCode, 422);
    assert.match(replied.body, /اكتب تعليقك\./);
    assertNoEnglish(replied.body, ['Write your comment.'], 'refused reply');
  });
});

test('why a comment was held or marked spam is said in Arabic, on the queue and in the moderators’ email', async (t) => {
  const gazette = await buildTestApp();
  t.after(() => gazette.close());
  await gazette.settings.update({ language: 'ar', timeZone: 'Asia/Dubai' });
  const home = await gazette.app.inject({ url: '/' });
  const articlePath = /<main[\s\S]*?href="(\/[a-z-]+\/[a-z0-9-]+)"/.exec(home.body)![1]!;
  const { sessionToken } = await createTestOwner(gazette);
  const owner = new FormClient(gazette.app);
  owner.setCookie('gazette_session', sessionToken);
  await owner.get('/admin/comments');
  assert.equal((await owner.post('/admin/comments/notifications', { notify: 'on' })).statusCode, 303);
  await owner.get('/admin/comments/blocks');
  assert.equal((await owner.post('/admin/comments/blocks', { kind: 'ip', pattern: '203.0.113.0/24' })).statusCode, 303);
  const post = async (name: string, text: string, remoteAddress: string) =>
    postedCommentId(await commentOn(gazette, articlePath, { name, email: `${name.toLowerCase()}@example.com`, comment: text }, { json: true, remoteAddress }));
  const linked = await post('Gil', 'See https://a.example/ https://b.example/ https://c.example/', '198.51.100.21');
  const blocked = await post('Hana', 'Hello from a blocked range', '203.0.113.77');
  await new Promise((resolve) => setTimeout(resolve, 200));

  const card = (html: string, id: number) => new RegExp(`<li id="moderation-comment-${id}"[\\s\\S]*?</li>`).exec(html)?.[0] ?? '';
  const held = card((await owner.get('/admin/comments')).body, linked);
  assert.match(held, /<p class="moderation-item__score">سبب الاحتجاز: 3 روابط، والحد المسموح به 2; أول تعليق من هذا البريد الإلكتروني<\/p>/);
  const spam = card((await owner.get('/admin/comments?status=spam')).body, blocked);
  assert.match(spam, /<p class="moderation-item__score">سبب الاحتجاز: عنوان محظور: 203\.0\.113\.0\/24<\/p>/);
  assertNoEnglish(held + spam, ['links; the limit is', 'First comment from this email', 'Blocked address'], 'queue');

  const toModerators = gazette.sentMail.filter((mail) => mail.text.includes('كتب Gil:'));
  assert.equal(toModerators.length, 1, 'the owner was told of the held comment');
  assert.match(toModerators[0]!.text, /^سبب حجزه للمراجعة: 3 روابط، والحد المسموح به 2; أول تعليق من هذا البريد الإلكتروني$/m);
  assertNoEnglish(toModerators[0]!.text, ['links; the limit is', 'First comment from this email'], 'email');
});
