import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { User } from '../../src/accounts/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { addTestMember, createTestOwner, testOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';
import { codeAt, wrongCodesAt } from '../helpers/two-step.ts';

// On an Arabic site the newsroom's sign-in, team and account pages speak Arabic, right to left, the
// accounts service's own refusals (a wrong password, a wrong code, a role that may not act) included.

describe('an Arabic newsroom', () => {
  let gazette: TestGazette;
  let owner: { user: User; sessionToken: string };
  let editorSession: string;

  before(async () => {
    gazette = await buildTestApp();
    await gazette.settings.update({ language: 'ar', timeZone: 'Asia/Dubai' });
    owner = await createTestOwner(gazette);
    editorSession = (await addTestMember(gazette, owner.user, 'editor', 'Test editor')).sessionToken;
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
    assert.match(refused.body, /role="alert">\s*البريد الإلكتروني أو كلمة المرور غير صحيحة\./, 'the service’s refusal, in Arabic');
    assert.doesNotMatch(refused.body, /The email address or password is not right/);
  });

  test('too many wrong passwords: the wait is told in Arabic, its dual included', async () => {
    const browser = new FormClient(gazette.app);
    await browser.get('/admin/login');
    const wrong = (n: number) => browser.post('/admin/login', { email: 'stranger@example.org', password: `guess number ${n}` });
    for (let n = 0; n < 5; n++) assert.equal((await wrong(n)).statusCode, 401);
    const oneSecond = await wrong(5);
    assert.equal(oneSecond.statusCode, 429);
    assert.match(oneSecond.body, /role="alert">\s*محاولات فاشلة كثيرة جدًا\. انتظر ثانية واحدة قبل أن تحاول مجددًا\./);
    try {
      // A second later the sixth wrong password is looked at, and doubles the wait.
      gazette.setNow(new Date(testNow.getTime() + 1_000));
      assert.equal((await wrong(6)).statusCode, 401);
      const twoSeconds = await wrong(7);
      assert.equal(twoSeconds.statusCode, 429);
      assert.equal(twoSeconds.headers['retry-after'], '2');
      assert.match(twoSeconds.body, /role="alert">\s*محاولات فاشلة كثيرة جدًا\. انتظر ثانيتين قبل أن تحاول مجددًا\./);
      assert.doesNotMatch(oneSecond.body + twoSeconds.body, /Too many failed attempts|Wait \d/);
    } finally {
      gazette.setNow(testNow);
    }
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

  test('the team page’s refusals, from the accounts service, in Arabic', async () => {
    const browser = await ownerBrowser('/admin/team');
    const invalid = await browser.post('/admin/team/invite', { email: 'not an address', role: 'chief' });
    assert.equal(invalid.statusCode, 422);
    assert.match(invalid.body, /<p class="field__error" id="field-email-error">اكتب عنوان بريد إلكتروني مثل name@example\.org\.<\/p>/);
    assert.match(invalid.body, /<p class="field__error">اختر أحد الأدوار الموجودة في القائمة\.<\/p>/);
    assert.doesNotMatch(invalid.body, /Enter an email address|Choose one of the roles/);
    const ownLink = await browser.post('/admin/team/reset-link', { email: testOwner.email });
    assert.equal(ownLink.statusCode, 403);
    assert.match(ownLink.body, /role="alert">\s*<p>لا يمكنك إنشاء روابط إعادة التعيين إلا للأعضاء الذين أدوارهم أدنى من دورك\./);
    assert.doesNotMatch(ownLink.body, /reset links only/);

    const editorId = /action="\/admin\/team\/(\d+)\/role"/.exec(invalid.body)![1]!;
    const noSuchRole = await browser.post(`/admin/team/${editorId}/role`, { role: 'chief' });
    assert.equal(noSuchRole.statusCode, 422);
    assert.match(noSuchRole.body, /<p class="collection__intro">اختر أحد الأدوار الموجودة في القائمة\.<\/p>/);
    const editorBrowser = new FormClient(gazette.app);
    editorBrowser.setCookie('gazette_session', editorSession);
    const team = await editorBrowser.get('/admin/team');
    assert.equal(team.statusCode, 403);
    assert.match(team.body, /<p class="collection__intro">دورك لا يسمح بإدارة الفريق\.<\/p>/);
    assert.doesNotMatch(noSuchRole.body + team.body, /Choose one of the roles|Your role cannot/);
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

    const setup = await browser.get('/admin/account/two-step');
    const secret = /name="secret" value="([A-Z2-7]{32})"/.exec(setup.body)![1]!;
    const wrong = await browser.post('/admin/account/two-step', { secret, code: wrongCodesAt(secret, testNow, 1)[0]! });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /<p class="field__error" id="field-code-error">هذا الرمز غير صحيح\. أدخل الأرقام الستة التي يعرضها تطبيق المصادقة الآن\.<\/p>/);
    assert.doesNotMatch(wrong.body, /That code is not right/);
    const expired = await browser.post('/admin/account/two-step', { secret: 'not a key', code: codeAt(secret, testNow) });
    assert.equal(expired.statusCode, 422);
    assert.match(expired.body, /<p class="field__error" id="field-code-error">انتهت مهلة الإعداد؛ ابدأه من جديد\.<\/p>/);
    await browser.post('/admin/account/two-step', { secret, code: codeAt(secret, testNow) });
    const notOff = await browser.post('/admin/account/two-step/off', { code: '12' });
    assert.equal(notOff.statusCode, 422);
    assert.match(notOff.body, /<p class="field__error" id="field-code-error">هذا الرمز غير صحيح\./);
    assert.match(notOff.body, /<p>مفعّل: يُطلب عند تسجيل الدخول رمز من تطبيق المصادقة\.<\/p>/, 'two-step sign-in is still on');

    const signingIn = new FormClient(gazette.app);
    await signingIn.get('/admin/login');
    await signingIn.post('/admin/login', { email: testOwner.email, password: testOwner.password });
    await signingIn.get('/admin/login/code');
    for (const code of wrongCodesAt(secret, testNow, 4)) {
      const refused = await signingIn.post('/admin/login/code', { code });
      assert.equal(refused.statusCode, 401);
      assert.match(refused.body, /<p class="field__error" id="field-code-error">هذا الرمز غير صحيح\./);
    }
    const spent = await signingIn.post('/admin/login/code', { code: wrongCodesAt(secret, testNow, 5)[4]! });
    assert.equal(spent.statusCode, 401);
    assert.match(spent.body, /<h1>تسجيل الدخول إلى غرفة الأخبار<\/h1>/, 'back to the password');
    assert.match(spent.body, /role="alert">\s*رموز خاطئة كثيرة جدًا\. سجّل الدخول مجددًا بكلمة المرور\./);
    assert.doesNotMatch(spent.body, /Too many wrong codes/);
  });
});
