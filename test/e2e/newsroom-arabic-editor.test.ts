import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import { draftArticleFields, newArticleChoices } from '../helpers/article-form.ts';
import { signInTestStaff, type TestStaff } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// The article editor on an Arabic site: its page, panels, notices, checklist and refusals (the form's
// own and the articles service's) read in Arabic, right to left, and the rich editor gets its words in
// Arabic too. The test moment is 27 November 2026, 12:00 UTC: 16:00 in Dubai.

let gazette: TestGazette;
let staff: TestStaff;
let worldId: string;
let authorId: string;

function articleForm(headline: string, overrides: Record<string, string> = {}): Record<string, string> {
  return draftArticleFields(headline, { sectionId: worldId, byline1: authorId, bodyHtml: '<p>The ferry sails at dawn.</p>', ...overrides });
}

/** The page as a person reads it, without its title: tags dropped, runs of space made one. */
function textOf(html: string): string {
  return html
    .replace(/<title>[\s\S]*?<\/title>/, '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

const versionIn = (html: string) => /name="loadedVersion" value="(\d+)"/.exec(html)![1]!;

function assertNoEnglish(html: string, words: readonly string[]): void {
  const text = textOf(html);
  for (const word of words) assert.ok(!text.includes(word), `“${word}” is still in English`);
}

before(async () => {
  gazette = await buildTestApp();
  staff = await signInTestStaff(gazette, ['editor', 'author'], { namePrefix: 'Desk', firstPage: '/admin/articles/new' });
  ({ worldId, authorId } = await newArticleChoices(await staff.browserAs('owner')));
  await gazette.settings.update({ language: 'ar', timeZone: 'Asia/Dubai' });
});
after(() => gazette.close());

test('the new article page: headings, fields, hints, buttons and live counts are Arabic, right to left', async () => {
  const page = (await (await staff.browserAs('editor')).get('/admin/articles/new')).body;
  assert.match(page, /<html lang="ar" dir="rtl">/);
  assert.match(page, /<h1>مقال جديد<\/h1>/);
  assert.match(page, /الحالة: <strong>جديد، لم يُحفظ بعد<\/strong>/);
  assert.match(page, /<label for="field-headline">العنوان/);
  assert.match(page, /<legend>الكتّاب، بالترتيب<\/legend>/);
  assert.match(page, /<h2 id="article-settings-heading">التصنيف<\/h2>/);
  assert.match(page, /<summary>الرابط والبحث ومواقع التواصل<\/summary>/);
  assert.match(page, /<p class="field__hint" id="field-seoTitle-hint">عدد الأحرف 0، والحد الموصى به 60<\/p>/);
  assert.match(page, /id="body-stats">لا كلمات · مدة القراءة 0 دقيقة</);
  assert.match(page, /<button type="submit" name="intent" value="save" class="button">حفظ المسودة<\/button>/);
  assert.match(page, /<button type="submit" name="intent" value="publish" class="button button--primary">نشر الآن<\/button>/);
  assertNoEnglish(page, [
    'New article',
    'Status:',
    'Headline',
    'Bylines, in order',
    'Filing',
    'min read',
    'characters recommended',
    'Save draft',
    'Publish now',
  ]);
});

test('an article’s editor: notice, checklist, schedule panel, pin and trash, and the scheduled notice in Dubai time', async () => {
  const owner = await staff.browserAs('owner');
  const saved = await owner.post('/admin/articles/new', articleForm('Dubai ferry timetable'));
  assert.equal(saved.statusCode, 303);
  const location = String(saved.headers.location);
  const id = /\/admin\/articles\/(\d+)\?done=saved$/.exec(location)![1]!;
  const page = (await owner.get(location)).body;
  assert.match(page, /<title>تحرير: Dubai ferry timetable \| /);
  assert.match(page, /<h1>تحرير المقال<\/h1>/);
  assert.match(page, /role="status">تم الحفظ\.<\/p>/);
  assert.match(page, /<h2 id="checklist-heading">قبل النشر<\/h2>/);
  assert.match(page, /<strong>للتحقق: <\/strong>النص أقل من 100 كلمة\./, 'the checklist’s items are in the newsroom’s words');
  assert.match(page, /<h2 id="schedule-heading">جدولة النشر<\/h2>/);
  assert.match(page, /<label for="field-publishAt">موعد النشر \(Asia\/Dubai\)<\/label>/);
  assert.match(page, />تثبيت في صدارة الصفحة الرئيسية<\/button>/);
  assert.match(page, />نقل إلى سلة المهملات<\/button>/);
  assertNoEnglish(page, ['Edit article', 'Before publishing', 'Schedule', 'Publish at', 'Home page', 'Move to trash', 'Revisions', 'Saved.']);

  const version = /name="loadedVersion" value="(\d+)"/.exec(page)![1]!;
  const scheduled = await owner.post(
    `/admin/articles/${id}`,
    articleForm('Dubai ferry timetable', { intent: 'schedule', publishAt: '2026-11-28T09:00', loadedVersion: version }),
  );
  assert.equal(scheduled.headers.location, `/admin/articles/${id}?done=scheduled`);
  const waiting = (await owner.get(`/admin/articles/${id}?done=scheduled`)).body;
  assert.match(waiting, /role="status">جُدول للنشر في [^<]*28 نوفمبر 2026[^<]*9:00[^<]* \(Asia\/Dubai\)\. وسيُنشر تلقائيًا في ذلك الموعد\.<\/p>/);
  assert.match(waiting, /الحالة: <strong>مجدول<\/strong> للنشر في <time datetime="2026-11-28T05:00:00\.000Z">/);
  assertNoEnglish(waiting, ['Scheduled', 'goes live', 'Change time', 'Unschedule']);
});

test('the form’s own refusals are re-shown in Arabic, the dual included, with what was typed kept', async () => {
  const editor = await staff.browserAs('editor');
  const badTime = await editor.post('/admin/articles/new', articleForm('مهرجان الألعاب النارية', { intent: 'schedule', publishAt: 'صباح الغد' }));
  assert.equal(badTime.statusCode, 422);
  assert.match(badTime.body, /<h2 id="error-summary-title">ثمة مشكلة<\/h2>/);
  // The left-to-right mark keeps the example's digits in order inside the right-to-left sentence.
  assert.match(badTime.body, /<a href="#field-publishAt">أدخل يومًا ووقتًا بصيغة مثل \u200E2026-12-01T07:30\.<\/a>/);
  assert.match(badTime.body, /name="headline" type="text" value="مهرجان الألعاب النارية"/);

  const tooMany = await editor.post(
    '/admin/articles/new',
    articleForm('مهرجان الألعاب النارية', { tags: Array.from({ length: 11 }, (_, n) => `وسم${n}`).join(', ') }),
  );
  assert.equal(tooMany.statusCode, 422);
  assert.match(tooMany.body, /<p class="form-message" role="alert">في المقال أخطاء\.<\/p>/);
  assert.match(tooMany.body, /<p class="field__error" id="field-tags-error">استخدم 10 وسوم على الأكثر\.<\/p>/);

  const twoNewTags = await (await staff.browserAs('author')).post(
    '/admin/articles/new',
    articleForm('مهرجان الألعاب النارية', { tags: 'ألعاب نارية, مهرجانات' }),
  );
  assert.equal(twoNewTags.statusCode, 422);
  assert.match(twoNewTags.body, /“ألعاب نارية”, “مهرجانات” ليسا وسمين بعد، ولا ينشئ الوسوم إلا المحررون\./);
  for (const body of [badTime.body, tooMany.body, twoNewTags.body]) {
    assertNoEnglish(body, ['There is a problem', 'Enter a day', 'The article has errors', 'at most 10 tags', 'not tags yet']);
  }
});

test('the articles service’s refusals read in Arabic: a headline missing, publishing without a section, a save made meanwhile, a correction', async () => {
  const editor = await staff.browserAs('editor');
  const unwritten = await editor.post('/admin/articles/new', articleForm('  ', { dateline: 'د'.repeat(61) }));
  assert.equal(unwritten.statusCode, 422);
  assert.match(unwritten.body, /<p class="form-message" role="alert">في المقال أخطاء\.<\/p>/);
  assert.match(unwritten.body, /<p class="field__error" id="field-headline-error">اكتب عنوانًا\.<\/p>/);
  assert.match(unwritten.body, /<p class="field__error" id="field-dateline-error">اجعل مكان الخبر أقل من 60 حرفًا: اسم مكان، مثل دبي\.<\/p>/);

  const unfiled = await editor.post('/admin/articles/new', articleForm('جدول العبّارات', { sectionId: '', intent: 'publish' }));
  assert.equal(unfiled.statusCode, 422);
  assert.match(unfiled.body, /role="alert">لا يمكن نشر هذا المقال بعد: اختر قسمًا: يصنّف القرّاء ومحركات البحث الخبر بحسبه\.<\/p>/);
  assert.match(unfiled.body, /<p class="field__error" id="field-sectionId-error">اختر قسمًا: يصنّف القرّاء ومحركات البحث الخبر بحسبه\.<\/p>/);

  const saved = await editor.post('/admin/articles/new', articleForm('Abu Dhabi ferry', { intent: 'publish' }));
  const id = /\/admin\/articles\/(\d+)/.exec(String(saved.headers.location))![1]!;
  const opened = (await editor.get(`/admin/articles/${id}`)).body;
  await (await staff.browserAs('owner')).post(`/admin/articles/${id}`, articleForm('Abu Dhabi ferry returns', { loadedVersion: versionIn(opened) }));
  const late = await editor.post(`/admin/articles/${id}`, articleForm('Abu Dhabi ferry, mine', { loadedVersion: versionIn(opened) }));
  assert.equal(late.statusCode, 409);
  assert.match(late.body, /حفظ شخص آخر هذا المقال في 12:00 UTC، بعد أن فتحته\. نسختك أدناه ولم تُحفظ/);

  await editor.get(`/admin/articles/${id}`);
  const tooLong = await editor.post(`/admin/articles/${id}/corrections`, { correctionKind: 'retraction', correctionText: 'ت'.repeat(2001) });
  assert.equal(tooLong.statusCode, 422);
  assert.match(tooLong.body, /<p class="field__error" id="field-correctionKind-error">اختر تصحيحًا أو تحديثًا\.<\/p>/);
  assert.match(tooLong.body, /<p class="field__error" id="field-correctionText-error">اجعل الملاحظة أقل من 2,000 حرف\.<\/p>/);

  for (const body of [unwritten.body, unfiled.body, late.body, tooLong.body]) {
    assertNoEnglish(body, [
      'The article has errors',
      'Write a headline',
      'Keep the dateline',
      'cannot be published',
      'Choose a section',
      'Someone else',
      'Choose correction',
      'Keep the note',
    ]);
  }
});

test('the page hands the rich editor its words in Arabic, which format with Arabic plural forms', async () => {
  const page = (await (await staff.browserAs('editor')).get('/admin/articles/new')).body;
  const found = /<script type="application\/json" id="newsroom-messages"([^>]*)>([\s\S]*?)<\/script>/.exec(page);
  assert.ok(found, 'the page carries the editor’s words');
  assert.match(found[1]!, /data-locale="ar"/);
  const messages = JSON.parse(found[2]!) as Record<string, string>;
  assert.ok(
    Object.keys(messages).every((key) => key.startsWith('client.')),
    'none of the server’s own words',
  );
  assert.equal(messages['client.toolbar'], 'التنسيق');
  assert.equal(messages['client.insertPhoto'], 'إدراج الصورة');
  assert.doesNotMatch(JSON.stringify(messages), /Formatting|Insert photo|Autosave failed/);
  // What the browser does with them (editor-client/messages.ts): ICU in the island's locale.
  const photos = new IntlMessageFormat(messages['client.photoCount']!, 'ar');
  assert.deepEqual(
    [0, 1, 2, 3, 11, 100].map((count) => photos.format({ count })),
    ['لا صور', 'صورة واحدة', 'صورتان', '3 صور', '11 صورة', '100 صورة'],
  );
});

test('tags typed with the Arabic comma (or a full-width or ideographic one) are separate tags', async () => {
  const owner = await staff.browserAs('owner');
  const saved = await owner.post('/admin/articles/new', articleForm('حريق في الميناء', { tags: 'ميناء، حريق，طقس、نقل' }));
  assert.equal(saved.statusCode, 303, saved.body);
  const id = Number(/\/admin\/articles\/(\d+)/.exec(String(saved.headers.location))![1]);
  const tags = await gazette.database.db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select('tags.name')
    .where('article_tags.article_id', '=', id)
    .orderBy('article_tags.position')
    .execute();
  assert.deepEqual(
    tags.map((tag) => tag.name),
    ['ميناء', 'حريق', 'طقس', 'نقل'],
  );
});
