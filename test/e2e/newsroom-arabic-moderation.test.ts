import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { commentOn, postedCommentId } from '../helpers/comment-forms.ts';
import { FormClient } from '../helpers/form-client.ts';
import { createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// Comment moderation on an Arabic site: the queue and its tabs, right to left, a bulk action's notice
// counting comments in the dual, and the block list. Why a comment was held stays English (it comes from
// the comment capability).

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
    assert.match(html, /سبب الاحتجاز: First comment from this email/, 'the reasons stay the comment capability’s English');
    assertNoEnglish(
      html,
      ['Pending', 'Approved', 'With the selected comments', 'Mark as spam', 'comment by', 'Edit or reply', 'status pending', 'Block list'],
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
  });
});
