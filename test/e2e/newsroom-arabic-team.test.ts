import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { User } from '../../src/accounts/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { addTestMember, createTestOwner, testOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// On an Arabic site the newsroom's sign-in, team and account pages speak Arabic, right to left.
// Messages from the accounts service (a wrong password, say) stay English for now.

describe('an Arabic newsroom', () => {
  let gazette: TestGazette;
  let owner: { user: User; sessionToken: string };

  before(async () => {
    gazette = await buildTestApp();
    await gazette.settings.update({ language: 'ar', timeZone: 'Asia/Dubai' });
    owner = await createTestOwner(gazette);
    await addTestMember(gazette, owner.user, 'editor', 'Test editor');
  });
  after(() => gazette.close());

  async function ownerBrowser(firstPage: string): Promise<FormClient> {
    const browser = new FormClient(gazette.app);
    browser.setCookie('gazette_session', owner.sessionToken);
    await browser.get(firstPage);
    return browser;
  }

  test('the sign-in page, and a wrong password refused on it', async () => {
    const browser = new FormClient(gazette.app);
    const page = await browser.get('/admin/login');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="ar" dir="rtl">/);
    assert.match(page.body, /<title>تسجيل الدخول \| /);
    assert.match(page.body, /<h1>تسجيل الدخول إلى غرفة الأخبار<\/h1>/);
    assert.match(page.body, /<label for="field-email">عنوان البريد الإلكتروني/);
    assert.match(page.body, /<label for="field-password">كلمة المرور/);
    assert.match(page.body, /<a href="\/admin\/reset">نسيت كلمة المرور؟<\/a>/);
    assert.doesNotMatch(page.body, /Sign in|Email address|Password|Forgot your password/);

    const refused = await browser.post('/admin/login', { email: testOwner.email, password: 'not the password at all' });
    assert.equal(refused.statusCode, 401);
    assert.match(refused.body, /<h1>تسجيل الدخول إلى غرفة الأخبار<\/h1>/);
    assert.match(refused.body, /role="alert">\s*The email address or password is not right\./, 'the service’s message, still English');
  });

  test('the team page: members, roles, invitations and what an action says', async () => {
    const browser = await ownerBrowser('/admin/team');
    const invited = await browser.post('/admin/team/invite', { email: 'new.reporter@example.org', role: 'author' });
    assert.equal(invited.statusCode, 200);
    const page = invited.body;
    assert.match(page, /<html lang="ar" dir="rtl">/);
    assert.match(page, /<title>الفريق \| /);
    assert.match(page, /<h1>الفريق<\/h1>/);
    assert.match(page, /role="status">\s*<p>أُرسلت إلى new\.reporter@example\.org\.<\/p>/);
    for (const heading of ['الاسم', 'البريد الإلكتروني', 'الدور', 'التوقيع', 'تاريخ الانضمام', 'بدعوة من', 'الرابط صالح حتى', 'الإجراء']) {
      assert.match(page, new RegExp(`<th scope="col">${heading}</th>`));
    }
    assert.match(page, /Mina Park<strong class="badge">أنت<\/strong>/);
    assert.match(page, /<td>المالك: كل الصلاحيات، بما فيها إدارة المالكين الآخرين<\/td>/, 'your own role, described');
    assert.match(page, /<label for="role-\d+" class="visually-hidden">دور Test editor<\/label>/);
    assert.match(page, /<option value="editor" selected="">المحرر: يحرّر أي مقال وينشره، ويشرف على التعليقات<\/option>/);
    assert.match(page, /<h2 id="invitations-heading">بانتظار الانضمام<\/h2>/);
    assert.match(page, /سحب<span class="visually-hidden"> الدعوة الموجّهة إلى new\.reporter@example\.org<\/span>/);
    assert.match(page, />\s*إنشاء رابط دعوة\s*</);
    assert.doesNotMatch(page, /Waiting to join|Invite someone|Change role|Send reset link|Withdraw|Owner: everything|Sent to|>Joined</);

    const nobody = await browser.post('/admin/team/reset-link', { email: 'nobody@example.org' });
    assert.equal(nobody.statusCode, 404);
    assert.match(nobody.body, /role="alert">\s*<p>لا يوجد في الفريق عضو بهذا البريد الإلكتروني\.<\/p>/);
  });

  test('the account page: facts, byline, two-step sign-in and sessions', async () => {
    const browser = await ownerBrowser('/admin/account');
    const page = (await browser.get('/admin/account')).body;
    assert.match(page, /<html lang="ar" dir="rtl">/);
    assert.match(page, /<title>حسابك \| /);
    assert.match(page, /<h1>حسابك<\/h1>/);
    assert.match(page, /<dt>الاسم<\/dt><dd>Mina Park<\/dd><dt>البريد الإلكتروني<\/dt><dd>mina@example\.org<\/dd><dt>الدور<\/dt>/);
    assert.match(page, /<h2 id="byline-heading">توقيعك<\/h2>/);
    assert.match(page, /<label for="field-author">ملف الكاتب<\/label>/);
    assert.match(page, /<option value="" selected="">— لا شيء —<\/option>/);
    assert.match(page, />\s*إنشاء توقيع من اسمي \(Mina Park\)\s*</);
    assert.match(page, /<p>غير مفعّل\. <a href="\/admin\/account\/two-step">فعّل تسجيل الدخول بخطوتين<\/a> حتى لا تكفي كلمة مرور مسروقة للدخول\.<\/p>/);
    assert.match(page, /<td>متصفح غير معروف على نظام غير معروف<strong class="badge">هذا المتصفح<\/strong><\/td>/);
    assert.doesNotMatch(page, /Your account|Your byline|Author profile|None|Two-step sign-in|Where you are signed in|This browser|Unknown browser/);

    const created = await browser.post('/admin/account/byline/new', {});
    assert.match(created.body, /role="status">\s*أُنشئ توقيعك Mina Park\./);
  });
});
