import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createArticle, publishArticle, saveArticleEdit } from '../../src/articles/index.ts';
import { createSection } from '../../src/sections/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

// The newsroom's article pages on an Arabic site: the list with its filters and headings, the
// revisions and the preview's banner read in Arabic, right to left, with no English left over, and
// so do the refusals met on them (an article that is not there, deleting one not in the trash).

/** Text as a person reads it: tags dropped, the few entities the renderer writes decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const ledeOf = (body: string) => textOf(/<p class="admin-lede">([\s\S]*?)<\/p>/.exec(body)![1]!);
const columnsOf = (body: string) => [...body.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((match) => textOf(match[1]!).replace(/ [▲▼]$/, ''));
const bannerOf = (body: string) => /<section class="preview-banner"[\s\S]*?<\/section>/.exec(body)![0];

/** The sentence an error page gives under its heading. */
const errorSentenceOf = (html: string) => /<p class="collection__intro">([^<]*)<\/p>/.exec(html)?.[1];

/** A few words of the English newsroom that must be gone from an Arabic page. */
function assertNoEnglish(body: string, words: readonly string[]): void {
  const text = textOf(body.replace(/<title>[\s\S]*?<\/title>/, ''));
  for (const word of words) assert.ok(!text.includes(word), `“${word}” is still in English`);
}

describe('the newsroom’s article pages in Arabic', () => {
  let gazette: TestGazette;
  let editor: FormClient;
  const ids = { revised: 0, scheduled: 0 };

  const page = async (url: string) => {
    const response = await editor.get(url);
    assert.equal(response.statusCode, 200, url);
    return response.body;
  };

  before(async () => {
    gazette = await buildTestApp({ seed: false });
    const owner = await createTestOwner(gazette);
    const editorMember = await addTestMember(gazette, owner.user, 'editor', 'Dubai editor');
    editor = new FormClient(gazette.app);
    editor.setCookie('gazette_session', editorMember.sessionToken);

    const { db } = gazette.database;
    let now = new Date(testNow.getTime() - 86_400_000);
    const deps = { db, clock: { now: () => now }, changes: gazette.changes };
    const sectionId = (await createSection(db, { name: 'World', position: 0 })).id;
    const byEditor = { actorId: editorMember.user.id };
    const write = async (headline: string) => {
      now = new Date(now.getTime() + 60_000);
      return (await createArticle(deps, { headline, sectionId, authorIds: [], tagIds: [], bodyHtml: `<p>${headline}.</p>` }, byEditor)).id;
    };
    for (const headline of ['Desalination plant opens', 'Port traffic doubles', 'Metro line extended']) await write(headline);
    ids.revised = await write('Ferry fares frozen');
    now = new Date(now.getTime() + 60_000);
    await saveArticleEdit(
      deps,
      ids.revised,
      { headline: 'Ferry fares frozen for winter', sectionId, authorIds: [], tagIds: [], bodyHtml: '<p>Fares.</p>' },
      { editor: editorMember.user },
    );
    ids.scheduled = await write('Night trains return');
    await publishArticle(deps, ids.scheduled, new Date(testNow.getTime() + 86_400_000));

    await gazette.settings.update({ language: 'ar', timeZone: 'Asia/Dubai' });
  });
  after(() => gazette.close());

  test('the list: heading, tabs, filters, columns, statuses and a lede that counts in Arabic', async () => {
    const body = await page('/admin');
    assert.match(body, /<html lang="ar" dir="rtl">/);
    assert.match(body, /<h1>المقالات<\/h1>/);
    assert.match(body, /<a class="button button--primary" href="\/admin\/articles\/new">مقال جديد<\/a>/);
    assert.match(body, /<nav aria-label="قوائم المقالات">/);
    assert.match(body, /<a href="\/admin\?view=changes">تعديلات بانتظار المراجعة \(0\)<\/a>/);
    assert.match(body, /<a href="\/admin\?view=trash">سلة المهملات \(0\)<\/a>/);
    assert.match(body, /role="search" aria-label="البحث في المقالات"/);
    for (const [name, label] of [
      ['q', 'بحث'],
      ['status', 'الحالة'],
      ['section', 'القسم'],
      ['author', 'الكاتب'],
      ['tag', 'الوسم'],
    ]) {
      assert.match(body, new RegExp(`<label for="field-${name}">${label}</label>`), name);
    }
    assert.match(body, /<option value="" selected="">كل الحالات<\/option>/);
    assert.match(body, /<option value="review">قيد المراجعة<\/option>/);
    assert.deepEqual(columnsOf(body), ['العنوان', 'الحالة', 'القسم', 'الكتّاب', 'يُنشر / نُشر', 'آخر تعديل']);
    assert.equal(ledeOf(body), '5 مقالات، الأحدث تعديلًا أولًا.', 'three to ten take the plural');
    assert.match(body, /<span class="status status--scheduled">مجدول<\/span> <span class="status-when">للنشر في <time datetime="[^"]+">[^<]+<\/time><\/span>/);
    assert.match(body, /<span class="status status--draft">مسودة<\/span>/);
    assertNoEnglish(body, ['New article', 'Find articles', 'Any status', 'Headline', 'Last edited', 'Goes live', 'Scheduled', 'Draft', 'articles,']);
  });

  test('filtered and sorted, the lede counts what matches out of the whole list', async () => {
    const body = await page('/admin?q=ferry&sort=headline&dir=asc');
    assert.equal(ledeOf(body), 'مقال واحد مطابق من أصل 5 مقالات، حسب العنوان، من الألف إلى الياء.');
    assert.match(body, /<a href="\/admin\?sort=headline&amp;dir=asc">امسح عوامل التصفية<\/a>/);
    assert.match(body, /<button type="submit" class="button">ابحث<\/button>/);
    assert.equal(ledeOf(await page('/admin?q=nothing')), 'لا مقالات مطابقة من أصل 5 مقالات، الأحدث تعديلًا أولًا.');
    const trash = await page('/admin?view=trash');
    assert.match(trash, /<h1>سلة المهملات<\/h1>/);
    assert.equal(ledeOf(trash), 'لا مقالات في سلة المهملات، الأحدث حذفًا أولًا. لا يرى القراء ما فيها.');
    assertNoEnglish(trash, ['Trash', 'Readers cannot', 'trashed first']);
  });

  test('the revisions page compares two saves field by field', async () => {
    const body = await page(`/admin/articles/${ids.revised}/revisions`);
    assert.match(body, /<html lang="ar" dir="rtl">/);
    assert.match(body, /<title>سجل النسخ: Ferry fares frozen for winter \|/);
    assert.match(body, /<h1>سجل النسخ<\/h1>/);
    assert.match(body, /العودة إلى «Ferry fares frozen for winter»<\/a>/);
    assert.match(body, /<label for="field-from">قارن<\/label>/);
    assert.match(body, /<label for="field-to">مع<\/label>/);
    assert.match(body, />اعرض الفروق<\/button>/);
    assert.match(body, /<h2 id="differences-heading">الفروق<\/h2>/);
    assert.match(body, /<h3>العنوان<\/h3>\s*<p class="diff">[\s\S]*?<ins>[^<]*winter/);
    assert.match(body, /<h3>النص<\/h3>/);
    assert.deepEqual(columnsOf(body), ['وقت الحفظ', 'بواسطة', 'الاستعادة']);
    assert.match(body, /<td>النسخة الحالية<\/td>/);
    assert.match(body, /استعد هذه النسخة/);
    assertNoEnglish(body, [
      'Revisions',
      'Back to',
      'Compare',
      'Show the differences',
      'Every save',
      'Current version',
      'Restore this version',
      'Headline',
      'Body',
    ]);
  });

  test('the preview’s banner speaks the newsroom’s Arabic on the Arabic page', async () => {
    const preview = await page(`/admin/articles/${ids.revised}/preview`);
    assert.match(preview, /<html lang="ar" dir="rtl">/);
    const banner = bannerOf(preview);
    assert.match(banner, /^<section class="preview-banner" aria-label="معاينة المقال">/, 'Arabic words on an Arabic page need no lang of their own');
    assert.match(banner, /<strong class="preview-banner__heading">غير منشور<\/strong> <span>مسودة<\/span>/);
    assert.match(banner, /<nav class="preview-banner__views" aria-label="حجم المعاينة">/);
    assert.match(banner, /aria-current="page">حاسوب مكتبي<\/a>/);
    assert.match(banner, />هاتف<\/a>/);
    assert.match(banner, new RegExp(`<a href="/admin/articles/${ids.revised}">العودة إلى تحرير المقال</a>`));
    assert.match(banner, /<summary>شارك رابط معاينة<\/summary>/);
    assert.match(banner, /<label for="preview-share-lifetime">مدة صلاحية الرابط<\/label>/);
    assert.match(banner, /<option value="24h" selected="">24 ساعة<\/option>/);
    assert.match(banner, />أنشئ رابط مشاركة<\/button>/);
    assert.match(banner, /لا يوجد رابط مشاركة صالح الآن\./);
    assertNoEnglish(banner, ['Article preview', 'Not published', 'Draft', 'Back to the editor', 'Share a preview link', 'hours', 'Desktop']);

    const scheduled = bannerOf(await page(`/admin/articles/${ids.scheduled}/preview`));
    assert.match(scheduled, /غير منشور<\/strong> <span>مجدول للنشر في <time datetime="[^"]+">/);

    const phone = await page(`/admin/articles/${ids.revised}/preview?view=phone`);
    assert.match(phone, /<title>معاينة على الهاتف: Ferry fares frozen for winter<\/title>/);
    assert.match(phone, /title="المقال كما يظهر على الهاتف"/);
    assert.doesNotMatch(phone, /lang="en"/);
  });
  test('refusals on the article pages read in Arabic', async () => {
    const missing = await editor.get('/admin/articles/999999/preview');
    assert.equal(missing.statusCode, 404);
    assert.equal(errorSentenceOf(missing.body), 'لا يوجد مقال كهذا.');
    const notTrashed = await editor.get(`/admin/articles/${ids.revised}/delete`);
    assert.equal(notTrashed.statusCode, 409);
    assert.equal(errorSentenceOf(notTrashed.body), 'هذا المقال ليس في سلة المهملات. انقله إليها أولًا، ومن هناك يمكن حذفه نهائيًا.');
    const noSuchByline = await editor.get('/admin?author=9999999999');
    assert.equal(noSuchByline.statusCode, 400);
    assert.equal(errorSentenceOf(noSuchByline.body), 'لا يوجد كاتب بهذا الرقم. اختر واحدًا من القائمة.');
    for (const body of [missing.body, notTrashed.body, noSuchByline.body]) {
      assert.match(body, /<html lang="ar" dir="rtl">/);
      assertNoEnglish(body, ['no such article', 'not in the trash', 'with that number']);
    }
  });
});
