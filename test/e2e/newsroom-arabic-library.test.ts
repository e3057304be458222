import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { FormClient } from '../helpers/form-client.ts';
import { createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// The newsroom's library and site structure on an Arabic site: the media library, the pages list,
// the sections page, the import page and the settings page speak Arabic, right to left.

let gazette: TestGazette;
let owner: FormClient;

before(async () => {
  gazette = await buildTestApp();
  await gazette.settings.update({ language: 'ar', timeZone: 'Asia/Dubai' });
  owner = new FormClient(gazette.app);
  owner.setCookie('gazette_session', (await createTestOwner(gazette)).sessionToken);
});
after(() => gazette.close());

/** The page as the owner sees it, after checking it answered 200 and is marked Arabic, right to left. */
async function arabicPage(path: string): Promise<string> {
  const response = await owner.get(path);
  assert.equal(response.statusCode, 200, path);
  assert.match(response.body, /<html lang="ar" dir="rtl">/, path);
  return response.body;
}

function assertHas(body: string, texts: readonly string[], where: string): void {
  for (const text of texts) assert.ok(body.includes(text), `${where}: “${text}” is missing`);
}

function assertLacks(body: string, texts: readonly string[], where: string): void {
  for (const text of texts) assert.ok(!body.includes(text), `${where}: “${text}” is still in English`);
}

test('the media library speaks Arabic, its counts in Arabic plural forms, and the upload script gets Arabic words', async () => {
  const library = await arabicPage('/admin/media');
  assertHas(library, ['<title>مكتبة الوسائط |', '<h1>مكتبة الوسائط</h1>', 'إضافة صور', 'ملفات الصور', 'كل الأنواع', 'الأحدث أولًا'], 'library');
  assertHas(library, ['data-message-waiting="في الانتظار…"', 'data-message-show-new="اعرض الصور الجديدة"'], 'script words');
  assertLacks(library, ['Add photos', 'Photo files', 'All types', 'newest first', 'Waiting…', 'Search captions'], 'library');

  const nothing = await arabicPage('/admin/media?q=no-such-photo-anywhere');
  assertHas(nothing, ['لا صور مطابقة', 'لا صور تطابق البحث.'], 'search');
  assertLacks(nothing, ['photos match', 'No photos match'], 'search');

  const badType = await arabicPage('/admin/media?type=bmp');
  assertHas(badType, ['اختر أحد أنواع الملفات في القائمة.'], 'search');
  assertLacks(badType, ['Choose one of the listed file types.'], 'search');

  const id = /href="\/admin\/media\/(\d+)"/.exec(library)![1]!;
  await arabicPage(`/admin/media/${id}`);
  const described = await owner.post(`/admin/media/${id}`, { alt: 'Boats', caption: '', credit: 'x'.repeat(201) });
  assert.equal(described.statusCode, 422);
  assertHas(described.body, ['طول حقل «مصدر الصورة» 201 حرفًا. اجعله 200 حرفًا أو أقل.'], 'a refused description');
  assertLacks(described.body, ['characters long', 'Credit'], 'a refused description');
});

test('the pages list speaks Arabic', async () => {
  const list = await arabicPage('/admin/pages');
  assertHas(list, ['<h1>الصفحات</h1>', 'صفحة جديدة', 'تضم الصفحات ما لا يتغيّر مع الأخبار'], 'pages');
  assertLacks(list, ['New page', 'Pages hold what', 'Last updated', 'Add a sub-page'], 'pages');

  await arabicPage('/admin/pages/new');
  const refused = await owner.post('/admin/pages/new', { title: '', slug: 'Not a slug', parentId: '', position: '0', status: 'draft', bodyHtml: '' });
  assert.equal(refused.statusCode, 422);
  assertHas(refused.body, ['اكتب عنوانًا.', 'استخدم في معرّف الرابط حروفًا لاتينية صغيرة', 'في الصفحة أخطاء.'], 'a refused page');
  assertLacks(refused.body, ['Write a title.', 'Use lower-case letters', 'The page has errors.'], 'a refused page');
});

test('the sections page speaks Arabic', async () => {
  const sections = await arabicPage('/admin/sections');
  assertHas(
    sections,
    ['<h1>الأقسام</h1>', 'تصنّف الأقسام', 'إضافة جديدة', 'الترتيب في الصفحة الرئيسية', '<th scope="col">الترتيب</th>', '>إضافة</button>'],
    'sections',
  );
  assertLacks(sections, ['Add one', 'Order on the home page', 'Leave empty', '>Add</button>'], 'sections');

  const refused = await owner.post('/admin/sections', { name: '', slug: '', position: '1000', description: '' });
  assert.equal(refused.statusCode, 422);
  assertHas(refused.body, ['اكتب اسمًا للقسم.', 'استخدم للترتيب عددًا صحيحًا من 0 إلى 999.', 'في القسم أخطاء.'], 'a refused section');
  assertLacks(refused.body, ['Give the section a name.', 'Use a whole number', 'The section has errors.'], 'a refused section');
});

test('the import page and the settings page speak Arabic; commands and units stay as they are', async () => {
  const form = await arabicPage('/admin/import');
  assertHas(form, ['<h1>الاستيراد من نظام آخر</h1>', 'تشغيل تجريبي', 'مصدر ملف التصدير', 'الصور (اختياري)', 'فحص الملف', 'الحد الأقصى 512 MiB'], 'import');
  assertHas(form, ['<code>npx gazette import wordpress'], 'import');
  assertLacks(form, ['Import from another system', 'Where the export comes from', 'Check the file', 'Up to 512 MiB'], 'import');

  const settings = await arabicPage('/admin/settings');
  assertHas(
    settings,
    ['<h1>الإعدادات</h1>', '<a href="/admin/comments/policy">سياسة التعليقات</a>', 'اسم الموقع', 'النص الكامل لكل مقال', 'حفظ الإعدادات'],
    'settings',
  );
  assertLacks(settings, ['Site name', 'Feeds carry', 'The full text of each article', 'Save settings', 'The logo in use now'], 'settings');

  const refused = await owner.post('/admin/settings', {
    name: 'Gazette',
    language: 'ar',
    timeZone: 'Mars/Olympus',
    navigationText: 'World | /world\nSport /sport',
  });
  assert.equal(refused.statusCode, 422);
  assertHas(refused.body, ['استخدم اسم منطقة زمنية مثل Asia/Dubai أو Europe/London.', 'السطر 2: اكتب تسمية، ثم خطًا عموديًا'], 'refused settings');
  assertLacks(refused.body, ['Use a time zone name', 'Line 2:'], 'refused settings');
});
