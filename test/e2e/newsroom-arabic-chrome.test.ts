import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { storeForeignComment } from '../../src/comments/index.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

// What surrounds every newsroom page (the bar, its navigation, the sign-out form, the page title) on
// an Arabic site: in Arabic, and marked right to left so the stylesheet's logical sides mirror it.

/** English that the chrome of an Arabic newsroom must no longer show. */
const englishChrome =
  /Skip to content|Sign out|Your account|Audit log|awaiting moderation| newsroom<\/title>|>(?:Articles|Media|Comments|Settings|owner|editor)</;

describe('the newsroom’s chrome on an Arabic site', () => {
  let gazette: TestGazette;
  let ownerSession: string;
  let editorSession: string;

  before(async () => {
    gazette = await buildTestApp();
    const owner = await createTestOwner(gazette);
    ownerSession = owner.sessionToken;
    editorSession = (await addTestMember(gazette, owner.user, 'editor', 'Layla Haddad')).sessionToken;
    await gazette.settings.update({ language: 'ar', timeZone: 'Asia/Dubai' });
  });
  after(() => gazette.close());

  async function page(url: string, session?: string): Promise<string> {
    const response = await gazette.app.inject({ url, ...(session ? { cookies: { gazette_session: session } } : {}) });
    assert.equal(response.statusCode, 200, url);
    return response.body;
  }

  test('the article list: the bar, every link of the navigation and the sign-out form in Arabic', async () => {
    const body = await page('/admin', ownerSession);
    assert.match(body, /<html lang="ar" dir="rtl">/);
    assert.match(body, /<title>المقالات \| غرفة أخبار [^<]+<\/title>/);
    assert.match(body, /<a class="skip-link" href="#main">انتقل إلى المحتوى<\/a>/);
    assert.match(body, /<nav aria-label="غرفة الأخبار">/);
    assert.match(body, /<a href="\/admin" aria-current="page">المقالات<\/a>/);
    for (const label of ['الوسائط', 'الصفحات', 'التعليقات', 'الأقسام', 'الوسوم', 'الكتّاب', 'الفريق', 'الإعدادات', 'استيراد', 'سجل التدقيق', 'حسابك']) {
      assert.match(body, new RegExp(`<a href="/admin/[a-z]+">${label}</a>`), label);
    }
    assert.match(body, /<span class="admin-bar__who">Mina Park · مالك<\/span>/);
    assert.match(body, /<button type="submit">تسجيل الخروج<\/button>/);
    assert.doesNotMatch(body, englishChrome);
  });

  test('the comment queue: the count of held comments says in Arabic what it counts', async () => {
    await storeForeignComment(gazette.database.db, {
      articleId: 1,
      parentId: null,
      status: 'pending',
      name: 'سلمى',
      email: '',
      website: '',
      bodyHtml: '<p>متى يفتح الميناء؟</p>',
      createdAt: testNow,
      ipAddress: null,
    });
    const body = await page('/admin/comments', ownerSession);
    assert.match(body, /<html lang="ar" dir="rtl">/);
    assert.match(
      body,
      /<a href="\/admin\/comments" aria-current="page">التعليقات <span class="badge">1<span class="visually-hidden"> بانتظار المراجعة<\/span><\/span><\/a>/,
    );
    assert.doesNotMatch(body, englishChrome);
  });

  test('an editor’s bar names the role in Arabic and leaves out what editors do not manage', async () => {
    const body = await page('/admin/account', editorSession);
    assert.match(body, /<html lang="ar" dir="rtl">/);
    assert.match(body, /<span class="admin-bar__who">Layla Haddad · محرر<\/span>/);
    assert.match(body, /<a href="\/admin\/account" aria-current="page">حسابك<\/a>/);
    assert.doesNotMatch(body, /الفريق|الإعدادات|سجل التدقيق/);
    assert.doesNotMatch(body, englishChrome);
  });

  test('the sign-in page: Arabic title and skip link, no navigation, required fields marked in Arabic', async () => {
    const body = await page('/admin/login');
    assert.match(body, /<html lang="ar" dir="rtl">/);
    assert.match(body, /<title>[^<|]+ \| غرفة أخبار [^<]+<\/title>/);
    assert.match(body, /انتقل إلى المحتوى/);
    assert.doesNotMatch(body, /<nav /);
    assert.match(body, /<span class="field__required"> \(مطلوب\)<\/span>/);
    assert.doesNotMatch(body, /\(required\)/);
    assert.doesNotMatch(body, englishChrome);
  });

  test('the direction follows the newsroom’s words: right to left for Arabic anywhere, left to right for the English a Hebrew site gets', async () => {
    try {
      await gazette.settings.update({ language: 'ar-EG' });
      assert.match(await page('/admin/login'), /<html lang="ar-EG" dir="rtl">/);
      await gazette.settings.update({ language: 'he' });
      const hebrew = await page('/admin/login');
      assert.match(hebrew, /<html lang="en">/, 'a Hebrew site’s newsroom speaks English, marked English and not right to left');
      assert.match(hebrew, /Skip to content/);
      await gazette.settings.update({ language: 'en-GB' });
      assert.match(await page('/admin', ownerSession), /<html lang="en-GB">/);
    } finally {
      await gazette.settings.update({ language: 'ar' });
    }
  });
});
