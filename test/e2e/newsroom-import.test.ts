import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import yazl from 'yazl';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { FormClient } from '../helpers/form-client.ts';
import { multipartBody } from '../helpers/multipart.ts';
import { signInTestStaff, type TestStaff } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

const wordPressExport = new URL('../fixtures/imports/wordpress/export.xml', import.meta.url);
const wordPressUploads = new URL('../fixtures/imports/wordpress/uploads/', import.meta.url);

/** The fixture's uploads folder zipped as a WordPress host would hand it over: wp-content/uploads/… */
async function zippedUploads(): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const name of await readdir(wordPressUploads, { recursive: true, withFileTypes: true })) {
    if (!name.isFile()) continue;
    const path = join(name.parentPath, name.name);
    zip.addFile(path, `wp-content/uploads/${path.slice(wordPressUploads.pathname.length)}`);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

let gazette: TestGazette;
let staff: TestStaff;

before(async () => {
  gazette = await buildTestApp({ seed: false });
  staff = await signInTestStaff(gazette, ['editor'], { namePrefix: 'Import', firstPage: '/admin/account' });
});
after(() => gazette.close());

function csrfOf(html: string): string {
  return /<input type="hidden" name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
}

/** Sends the import form as a browser does: the CSRF token and the kind first, then the file and the zip of photos, if any. */
async function upload(
  browser: FormClient,
  kind: string,
  file: { name: string; bytes: Buffer },
  options: { csrf?: boolean; photos?: { name: string; bytes: Buffer } } = {},
): Promise<LightMyRequestResponse> {
  const token = csrfOf((await browser.get('/admin/import')).body);
  const { payload, contentType } = await multipartBody({ ...(options.csrf === false ? {} : { _csrf: token }), kind }, [
    { ...file, field: 'file' },
    ...(options.photos ? [{ ...options.photos, field: 'photos' }] : []),
  ]);
  return gazette.app.inject({
    method: 'POST',
    url: '/admin/import',
    payload,
    remoteAddress: browser.remoteAddress,
    headers: { cookie: browser.cookieHeader, 'content-type': contentType },
  });
}

async function waitUntilDone(browser: FormClient, jobUrl: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const page = await browser.get(jobUrl);
    assert.equal(page.statusCode, 200);
    if (!page.body.includes('http-equiv="refresh"')) return page.body;
    assert.ok(Date.now() < deadline, 'the import did not finish within 30 seconds');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('importing from the newsroom', () => {
  test('an editor may not open the import page, nor see it in the navigation', async () => {
    const editor = await staff.browserAs('editor');
    assert.equal((await editor.get('/admin/import')).statusCode, 403);
    assert.doesNotMatch((await editor.get('/admin/account')).body, /href="\/admin\/import"/);
    const owner = await staff.browserAs('owner');
    assert.match((await owner.get('/admin/account')).body, /href="\/admin\/import"/);
  });

  test('an editor’s upload is refused before it is read', async () => {
    const editor = await staff.browserAs('editor');
    const { payload, contentType } = await multipartBody({ kind: 'wordpress' }, [{ name: 'export.xml', bytes: await readFile(wordPressExport) }]);
    const response = await gazette.app.inject({
      method: 'POST',
      url: '/admin/import',
      payload,
      remoteAddress: editor.remoteAddress,
      headers: { cookie: editor.cookieHeader, 'content-type': contentType },
    });
    assert.equal(response.statusCode, 403);
  });

  test('an upload without the CSRF token is refused and nothing is stored', async () => {
    const owner = await staff.browserAs('owner');
    const response = await upload(owner, 'wordpress', { name: 'export.xml', bytes: await readFile(wordPressExport) }, { csrf: false });
    assert.equal(response.statusCode, 403);
    assert.equal((await gazette.database.db.selectFrom('import_jobs').select('id').execute()).length, 0);
  });

  test('a JSON file sent as a WordPress export is refused with the importer’s message', async () => {
    const owner = await staff.browserAs('owner');
    const response = await upload(owner, 'wordpress', { name: 'ghost.json', bytes: Buffer.from('{"db":[{"data":{"posts":[]}}]}') });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /not a WordPress export/);
    assert.match(response.body, /There is a problem/);
    assert.equal((await gazette.database.db.selectFrom('import_jobs').select('id').execute()).length, 0);
  });

  test('an owner checks a WordPress export, runs it, and follows it to the end', async () => {
    const owner = await staff.browserAs('owner');
    const checked = await upload(owner, 'wordpress', { name: 'export.xml', bytes: await readFile(wordPressExport) });
    assert.equal(checked.statusCode, 303, checked.body);
    const jobUrl = checked.headers.location as string;
    assert.match(jobUrl, /^\/admin\/import\/\d+$/);

    const dryRun = await owner.get(jobUrl);
    assert.equal(dryRun.statusCode, 200);
    assert.match(dryRun.body, /Dry run: nothing was written/);
    assert.match(dryRun.body, /<th scope="row">articles<\/th><td>7<\/td>/);
    assert.match(dryRun.body, /in the WordPress trash/);
    assert.match(dryRun.body, />Import now</);
    assert.equal((await gazette.app.inject({ url: '/world/cairo-election-night-turnout' })).statusCode, 404);

    const started = await owner.post(`${jobUrl}/run`, {});
    assert.equal(started.statusCode, 303);
    assert.equal(started.headers.location, jobUrl);

    const finished = await waitUntilDone(owner, jobUrl);
    assert.match(finished, /Import finished\./);
    assert.match(finished, /<th scope="row">articles<\/th><td>7<\/td>/);
    assert.equal((await gazette.app.inject({ url: '/world/cairo-election-night-turnout' })).statusCode, 200);

    const audit = await gazette.database.db.selectFrom('audit_log').select(['action', 'subject']).where('action', 'like', 'import.%').orderBy('id').execute();
    assert.deepEqual(
      audit.map((entry) => entry.action),
      ['import.started', 'import.finished'],
    );
    assert.match(audit[0]!.subject, /wordpress export\.xml/);
    assert.deepEqual(await readdir(join(gazette.dataDir, 'imports')), [], 'refused and finished uploads are deleted');

    // Running a finished import again starts nothing.
    await owner.get(jobUrl);
    assert.equal((await owner.post(`${jobUrl}/run`, {})).statusCode, 303);
    assert.equal((await gazette.database.db.selectFrom('audit_log').select('id').where('action', '=', 'import.started').execute()).length, 1);
  });

  test('an import the database says is running, but no process runs, is shown as stopped and may be run again', async () => {
    const owner = await staff.browserAs('owner');
    const checked = await upload(owner, 'wordpress', { name: 'again.xml', bytes: await readFile(wordPressExport) });
    const jobUrl = checked.headers.location as string;
    const id = Number(jobUrl.split('/').pop());
    await gazette.database.db.updateTable('import_jobs').set({ status: 'running', phase: 'Articles', done: 3, total: 7 }).where('id', '=', id).execute();
    const page = (await owner.get(jobUrl)).body;
    assert.match(page, /The import stopped before it finished/);
    assert.doesNotMatch(page, /http-equiv="refresh"/);
    assert.equal((await owner.post(`${jobUrl}/run`, {})).statusCode, 303);
    assert.match(await waitUntilDone(owner, jobUrl), /Import finished\./);
  });

  test('a zip of the uploads folder sent with the export brings the photos in, with captions and credits', async () => {
    const owner = await staff.browserAs('owner');
    const checked = await upload(
      owner,
      'wordpress',
      { name: 'export.xml', bytes: await readFile(wordPressExport) },
      { photos: { name: 'uploads.zip', bytes: await zippedUploads() } },
    );
    assert.equal(checked.statusCode, 303, checked.body);
    const jobUrl = checked.headers.location as string;
    const dryRun = (await owner.get(jobUrl)).body;
    assert.match(dryRun, /<th scope="row">photos<\/th><td>3<\/td>/);
    assert.doesNotMatch(dryRun, /no copy of the site’s wp-content\/uploads was given/);
    await owner.post(`${jobUrl}/run`, {});
    assert.match(await waitUntilDone(owner, jobUrl), /Import finished\./);

    const media = await gazette.database.db.selectFrom('media').select(['original_name', 'credit']).orderBy('original_name').execute();
    assert.deepEqual(
      media.map((item) => item.original_name),
      ['cairo-election-crowd.jpg', 'lyon-festival-stage.jpg', 'seoul-night-market.jpg'],
    );
    assert.ok(
      media.every((item) => item.credit),
      'every photo keeps its credit',
    );
    const article = await gazette.app.inject({ url: '/world/cairo-election-night-turnout' });
    assert.match(article.body, /<img[^>]+src="\/media\//);
    assert.deepEqual(await readdir(join(gazette.dataDir, 'imports')), [], 'the zip and what it unpacked to are deleted');
  });

  test('photos that are not a zip, or sent with a Disqus export, are refused and nothing is kept', async () => {
    const owner = await staff.browserAs('owner');
    const exportFile = { name: 'export.xml', bytes: await readFile(wordPressExport) };
    const jobsBefore = (await gazette.database.db.selectFrom('import_jobs').select('id').execute()).length;

    const notZip = await upload(owner, 'wordpress', exportFile, { photos: { name: 'uploads.tar', bytes: Buffer.from('not a zip') } });
    assert.equal(notZip.statusCode, 400);
    assert.match(notZip.body, /The photos must be one \.zip file/);

    const damaged = await upload(owner, 'wordpress', exportFile, { photos: { name: 'uploads.zip', bytes: Buffer.from('PK\u0003\u0004 cut short') } });
    assert.equal(damaged.statusCode, 400);
    assert.match(damaged.body, /not a zip archive, or it is damaged/);
    assert.match(damaged.body, /id="field-photos-error"/);

    const disqus = await upload(owner, 'disqus', exportFile, { photos: { name: 'uploads.zip', bytes: await zippedUploads() } });
    assert.equal(disqus.statusCode, 400);
    assert.match(disqus.body, /A Disqus export holds only comments/);

    assert.equal((await gazette.database.db.selectFrom('import_jobs').select('id').execute()).length, jobsBefore);
    assert.deepEqual(await readdir(join(gazette.dataDir, 'imports')), []);
  });

  test('running an import needs the CSRF token', async () => {
    const owner = await staff.browserAs('owner');
    const response = await owner.post('/admin/import/1/run', { _csrf: '' });
    assert.equal(response.statusCode, 403);
  });

  test('an unknown import answers 404', async () => {
    const owner = await staff.browserAs('owner');
    assert.equal((await owner.get('/admin/import/999999')).statusCode, 404);
    assert.equal((await owner.get('/admin/import/abc')).statusCode, 400);
  });
});

/** A WordPress export of another site with one post, by its status and text. */
function oneWordPressPost(post: { status: string; content: string }): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Other site</title><link>http://other.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>http://other.example</wp:base_site_url>
<item><title>Turnout</title><link>http://other.example/turnout/</link><dc:creator><![CDATA[writer]]></dc:creator>
<content:encoded><![CDATA[${post.content}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>1</wp:post_id><wp:post_date_gmt>2026-01-05 09:00:00</wp:post_date_gmt><wp:post_name>turnout</wp:post_name><wp:status>${post.status}</wp:status>
<wp:post_type>post</wp:post_type></item>
</channel></rss>`);
}

/** Marks a checked job failed as the import would have left it: `error` as the job's row stores it. */
async function failJob(jobUrl: string, error: string): Promise<void> {
  const id = Number(jobUrl.split('/').pop());
  await gazette.database.db.updateTable('import_jobs').set({ status: 'failed', error }).where('id', '=', id).execute();
}

function assertHas(body: string, texts: readonly string[], where: string): void {
  for (const text of texts) assert.ok(body.includes(text), `${where}: “${text}” is missing`);
}

function assertLacks(body: string, texts: readonly string[], where: string): void {
  for (const text of texts) assert.ok(!body.includes(text), `${where}: “${text}” is still in English`);
}

describe('importing from a Korean newsroom', () => {
  let english: { language: string; timeZone: string };
  before(async () => {
    const { language, timeZone } = gazette.settings.current();
    english = { language, timeZone };
    await gazette.settings.update({ language: 'ko', timeZone: 'Asia/Seoul' });
  });
  after(() => gazette.settings.update(english));

  test('a JSON file sent as a WordPress export is refused in Korean, with the line it was found on', async () => {
    const owner = await staff.browserAs('owner');
    const response = await upload(owner, 'wordpress', { name: 'ghost.json', bytes: Buffer.from('{"db":[{"data":{"posts":[]}}]}') });
    assert.equal(response.statusCode, 400);
    assertHas(
      response.body,
      ['문제가 있습니다', '1번째 줄: 이 파일은 WordPress 내보내기(WXR) 파일이 아닙니다. XML 파일이 아닙니다(JSON 파일로 보입니다).'],
      'refusal',
    );
    assertLacks(response.body, ['not a WordPress export', 'Line 1', 'it looks like JSON'], 'refusal');
  });

  test('photos that are damaged, or sent with a Disqus export, are refused in Korean', async () => {
    const owner = await staff.browserAs('owner');
    const exportFile = { name: 'export.xml', bytes: await readFile(wordPressExport) };
    const damaged = await upload(owner, 'wordpress', exportFile, { photos: { name: 'uploads.zip', bytes: Buffer.from('PK\u0003\u0004 cut short') } });
    assert.equal(damaged.statusCode, 400);
    assertHas(damaged.body, ['사진 파일이 zip 압축 파일이 아니거나 손상되었습니다. 폴더를 다시 압축해 보내세요.'], 'damaged zip');
    assertLacks(damaged.body, ['not a zip archive'], 'damaged zip');
    const disqus = await upload(owner, 'disqus', exportFile, { photos: { name: 'uploads.zip', bytes: await zippedUploads() } });
    assert.equal(disqus.statusCode, 400);
    assertHas(disqus.body, ['Disqus 내보내기 파일에는 댓글만 있습니다. 사진은 비워 두세요.'], 'photos with Disqus');
    assertLacks(disqus.body, ['holds only comments'], 'photos with Disqus');
  });

  test('the dry run’s report names what it counts and why items were skipped or changed in Korean', async () => {
    const owner = await staff.browserAs('owner');
    const checked = await upload(owner, 'wordpress', { name: 'export.xml', bytes: await readFile(wordPressExport) });
    assert.equal(checked.statusCode, 303, checked.body);
    const report = (await owner.get(checked.headers.location as string)).body;
    assertHas(
      report,
      ['<th scope="row">기사</th>', '<th scope="row">필자</th>', 'WordPress 휴지통에 있음', '사이트의 wp-content/uploads 폴더 사본을 보내지 않았음'],
      'dry run',
    );
    assertLacks(report, ['<th scope="row">articles</th>', 'in the WordPress trash', 'no copy of the site'], 'dry run');

    // A site not imported before: its posts are new, so what changes on the way in is reported too.
    const newSite = await upload(owner, 'wordpress', {
      name: 'other-site.xml',
      bytes: oneWordPressPost({ status: 'private', content: 'Intro [factbox]Turnout[/factbox]' }),
    });
    assert.equal(newSite.statusCode, 303, newSite.body);
    const changed = (await owner.get(newSite.headers.location as string)).body;
    assertHas(
      changed,
      ['<th scope="row">기사</th><td>1</td>', 'WordPress에서 비공개: 초안으로 가져옴, 공개하지 않음', '알 수 없는 숏코드 [factbox]: 숏코드는 지우고 글은 남김'],
      'a new site’s dry run',
    );
    assertLacks(changed, ['private on WordPress', 'unknown shortcode'], 'a new site’s dry run');
  });

  test('a failed import says why in Korean; one stored in English before phrases still shows, and one no longer readable says it failed', async () => {
    const owner = await staff.browserAs('owner');
    const checked = await upload(owner, 'wordpress', { name: 'failing.xml', bytes: await readFile(wordPressExport) });
    const jobUrl = checked.headers.location as string;

    await failJob(jobUrl, 'phrase:{"key":"imports.failedUnexpected"}');
    const failed = (await owner.get(jobUrl)).body;
    assertHas(failed, ['예상하지 못한 오류로 가져오기가 멈췄습니다.', '다시 가져오기'], 'failed');
    assertLacks(failed, ['unexpected error', 'phrase:'], 'failed');

    await failJob(jobUrl, 'phrase:{"key":"imports.file.atLine","values":{"line":"3","problem":{"key":"imports.file.wordpressEmpty"}}}');
    assertHas((await owner.get(jobUrl)).body, ['3번째 줄: 파일이 비어 있습니다.'], 'failed on a line');

    await failJob(jobUrl, 'Line 3: The file is empty.');
    assertHas((await owner.get(jobUrl)).body, ['Line 3: The file is empty.'], 'stored before phrases');

    await failJob(jobUrl, 'phrase:{"key":"imports.noSuchKey"}');
    const unreadable = (await owner.get(jobUrl)).body;
    assertHas(unreadable, ['가져오기에 실패했습니다.'], 'an unknown phrase');
    assertLacks(unreadable, ['noSuchKey'], 'an unknown phrase');
  });
});

describe('importing from an Arabic newsroom', () => {
  let english: { language: string; timeZone: string };
  before(async () => {
    const { language, timeZone } = gazette.settings.current();
    english = { language, timeZone };
    await gazette.settings.update({ language: 'ar', timeZone: 'Asia/Dubai' });
  });
  after(() => gazette.settings.update(english));

  test('a JSON file sent as a WordPress export, and damaged photos, are refused in Arabic', async () => {
    const owner = await staff.browserAs('owner');
    const json = await upload(owner, 'wordpress', { name: 'ghost.json', bytes: Buffer.from('{"db":[{"data":{"posts":[]}}]}') });
    assert.equal(json.statusCode, 400);
    assertHas(json.body, ['السطر 1: هذا ليس ملف تصدير من WordPress (WXR): فهو ليس ملف XML (يبدو أنه ملف JSON).'], 'refusal');
    assertLacks(json.body, ['not a WordPress export', 'Line 1'], 'refusal');

    const exportFile = { name: 'export.xml', bytes: await readFile(wordPressExport) };
    const damaged = await upload(owner, 'wordpress', exportFile, { photos: { name: 'uploads.zip', bytes: Buffer.from('PK\u0003\u0004 cut short') } });
    assert.equal(damaged.statusCode, 400);
    assertHas(damaged.body, ['ملف الصور ليس ملف zip، أو أنه تالف.'], 'damaged zip');
    assertLacks(damaged.body, ['not a zip archive'], 'damaged zip');
  });

  test('the dry run’s report and a failed import speak Arabic', async () => {
    const owner = await staff.browserAs('owner');
    const checked = await upload(owner, 'wordpress', { name: 'export.xml', bytes: await readFile(wordPressExport) });
    assert.equal(checked.statusCode, 303, checked.body);
    const jobUrl = checked.headers.location as string;
    const report = (await owner.get(jobUrl)).body;
    assertHas(report, ['<th scope="row">المقالات</th>', 'في سلة مهملات WordPress', 'لم تُرسَل نسخة من مجلد wp-content/uploads'], 'dry run');
    assertLacks(report, ['<th scope="row">articles</th>', 'in the WordPress trash', 'no copy of the site'], 'dry run');

    await failJob(jobUrl, 'phrase:{"key":"imports.failedUnexpected"}');
    const failed = (await owner.get(jobUrl)).body;
    assertHas(failed, ['توقّف الاستيراد بسبب خطأ غير متوقع'], 'failed');
    assertLacks(failed, ['unexpected error'], 'failed');
  });
});
