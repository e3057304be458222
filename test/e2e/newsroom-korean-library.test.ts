import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { FormClient } from '../helpers/form-client.ts';
import { multipartBody } from '../helpers/multipart.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// The newsroom's library and site structure on a Korean site: the media library, the pages editor,
// sections, tags and authors, the import page and the settings page speak Korean; on an English site
// they read as they always have.

let gazette: TestGazette;
let sessionToken: string;
let contributorToken: string;

async function signedIn(firstPage: string, token = sessionToken): Promise<FormClient> {
  const browser = new FormClient(gazette.app);
  browser.setCookie('gazette_session', token);
  await browser.get(firstPage);
  return browser;
}

/** The page as the owner sees it, after checking it answered 200 and is marked Korean. */
async function koreanPage(browser: FormClient, path: string): Promise<string> {
  const response = await browser.get(path);
  assert.equal(response.statusCode, 200, path);
  assert.match(response.body, /<html lang="ko/, path);
  return response.body;
}

function assertHas(body: string, texts: readonly string[], where: string): void {
  for (const text of texts) assert.ok(body.includes(text), `${where}: “${text}” is missing`);
}

function assertLacks(body: string, texts: readonly string[], where: string): void {
  for (const text of texts) assert.ok(!body.includes(text), `${where}: “${text}” is still in English`);
}

before(async () => {
  gazette = await buildTestApp();
  const owner = await createTestOwner(gazette);
  sessionToken = owner.sessionToken;
  contributorToken = (await addTestMember(gazette, owner.user, 'contributor', 'Library contributor')).sessionToken;
});
after(() => gazette.close());

describe('on a Korean site', () => {
  before(() => gazette.settings.update({ language: 'ko', timeZone: 'Asia/Seoul' }));

  test('the media library and one photo’s page speak Korean, and the upload script gets Korean words', async () => {
    const owner = await signedIn('/admin/media');
    const library = await koreanPage(owner, '/admin/media');
    assertHas(library, ['<title>미디어 라이브러리 |', '<h1>미디어 라이브러리</h1>', '사진 추가', '사진 파일', '모든 형식', '최신순'], 'library');
    assertHas(library, ['data-message-waiting="대기 중…"', 'data-message-failed="올리지 못했습니다.', 'data-message-show-new="새 사진 보기"'], 'script words');
    assertLacks(library, ['Add photos', 'Photo files', 'All types', 'newest first', 'Waiting…', 'Search captions'], 'library');

    const filtered = await koreanPage(owner, '/admin/media?q=no-such-photo-anywhere');
    assertHas(filtered, ['일치하는 사진 0장', '일치하는 사진이 없습니다.'], 'search');

    const id = /href="\/admin\/media\/(\d+)"/.exec(library)?.[1];
    assert.ok(id, 'the demo library has a photo');
    const photo = await koreanPage(owner, `/admin/media/${id}?saved=1`);
    assertHas(
      photo,
      [
        '← 미디어 라이브러리',
        '저장했습니다. 이 사진이 쓰인',
        '형식',
        '크기',
        '픽셀',
        '설명 저장',
        '사용된 곳',
        '이전 설명',
        '사이트에서 보기',
        '기사에 쓰이는 동안에는 삭제할 수 없습니다.',
      ],
      'photo',
    );
    assert.match(photo, /<time datetime="[^"]+">\d{4}년 \d{1,2}월 \d{1,2}일 \d{2}:\d{2} /, 'uploaded: a Korean date, on the 24-hour clock');
    assertLacks(photo, ['Save description', 'Used in', 'Earlier descriptions', 'It cannot be deleted', ' pixels, ', 'View on the site'], 'photo');
    assertHas(photo, ['>대체 텍스트', '>사진 설명', '>사진기자', '>저작권'], 'photo labels');
    assertLacks(photo, ['>Alt text', '>Caption', '>Photographer', '>Copyright'], 'photo labels');
  });

  test('the media library’s refusals speak Korean: the search, an upload, a description, a deletion and a contributor’s edit', async () => {
    const owner = await signedIn('/admin/media');
    const library = await koreanPage(owner, '/admin/media?type=bmp');
    assertHas(library, ['목록에 있는 파일 형식 가운데 하나를 고르세요.', 'data-too-large-message="20MB보다 큰 파일입니다.'], 'library');
    assertLacks(library, ['Choose one of the listed file types.', 'This file is larger than 20 MB'], 'library');

    const noFile = await owner.post('/admin/media', {});
    assert.equal(noFile.statusCode, 422);
    assertHas(noFile.body, ['올릴 사진을 하나 이상 고르세요.'], 'an upload without a file');
    assertLacks(noFile.body, ['Choose one or more photos to upload.'], 'an upload without a file');

    const id = /href="\/admin\/media\/(\d+)"/.exec((await owner.get('/admin/media')).body)![1]!;
    await owner.get(`/admin/media/${id}`);
    const described = await owner.post(`/admin/media/${id}`, { alt: '', caption: 'A <b>bold</b> claim', credit: 'Reuters' });
    assert.equal(described.statusCode, 422);
    assertHas(
      described.body,
      [
        '사진을 볼 수 없는 독자를 위해 사진에 무엇이 담겼는지 적으세요.',
        '사진 설명에는 일반 텍스트만 씁니다. &lt;b&gt;, &lt;script&gt; 같은 HTML 태그를 지우세요.',
      ],
      'a refused description',
    );
    assertLacks(described.body, ['Describe what the photo shows', 'is plain text', 'Caption'], 'a refused description');

    // The demo photo is in an article, so deleting it is refused with the count.
    const deleted = await owner.post(`/admin/media/${id}/delete`, {});
    assert.equal(deleted.statusCode, 409);
    assert.match(deleted.body, /이 사진은 기사 \d+건에 쓰이고 있습니다\. 삭제하기 전에 기사에서 빼세요\./);
    assert.doesNotMatch(deleted.body, /This image is used in/);

    const contributor = await signedIn(`/admin/media/${id}`, contributorToken);
    const theirs = await koreanPage(contributor, `/admin/media/${id}`);
    assertHas(theirs, ['내가 올린 사진의 설명만 바꿀 수 있습니다. 이 사진은 다른 사람이 올렸으니 편집자에게 수정을 요청하세요.'], 'a contributor');
    assertLacks(theirs, ['You can change the descriptions of photos you uploaded'], 'a contributor');
  });

  test('the pages list, the editor and the delete confirmation speak Korean', async () => {
    const owner = await signedIn('/admin/pages/new');
    const editor = await koreanPage(owner, '/admin/pages/new');
    assertHas(
      editor,
      ['<h1>새 페이지</h1>', '상태: <strong>새 페이지, 아직 저장하지 않음</strong>', '상위 페이지', '— 없음: 최상위 페이지 —', '비워 두면 제목으로'],
      'new page',
    );
    assertLacks(editor, ['New page', 'Parent page', 'Leave empty', 'All pages'], 'new page');

    const refused = await owner.post('/admin/pages/new', { title: '', slug: '', parentId: '', position: 'x', status: 'draft', bodyHtml: '' });
    assert.equal(refused.statusCode, 422);
    assertHas(
      refused.body,
      ['<h2 id="error-summary-title">문제가 있습니다</h2>', '제목을 입력하세요.', '순서는 0부터 100,000까지의 정수입니다.', '페이지에 문제가 있습니다.'],
      'refused page',
    );
    assertLacks(refused.body, ['Write a title.', 'The position is a whole number', 'The page has errors.'], 'refused page');

    const created = await owner.post('/admin/pages/new', {
      title: '회사 소개',
      slug: 'about-us',
      parentId: '',
      position: '0',
      status: 'draft',
      bodyHtml: '<p>소개</p>',
    });
    assert.equal(created.statusCode, 303);
    const saved = await koreanPage(owner, created.headers.location as string);
    assertHas(
      saved,
      ['<title>페이지 편집: 회사 소개 |', '페이지를 초안으로 만들었습니다.', '최종 수정', '미리보기', '이 페이지 삭제', '주소는 https://news.example/'],
      'saved page',
    );
    assertLacks(saved, ['Edit page', 'Status:', 'Last updated', 'Delete this page', 'Its address is'], 'saved page');

    await owner.get('/admin/pages/new');
    const taken = await owner.post('/admin/pages/new', { title: '또 다른 소개', slug: 'about-us', parentId: '', position: '0', status: 'draft', bodyHtml: '' });
    assert.equal(taken.statusCode, 422);
    assertHas(taken.body, ['이 주소를 이미 다른 페이지가 쓰고 있습니다. 슬러그나 상위 페이지를 바꾸세요.'], 'a taken address');
    assertLacks(taken.body, ['Another page already has this address.'], 'a taken address');

    const list = await koreanPage(owner, '/admin/pages');
    assertHas(list, ['<h1>페이지</h1>', '<th scope="col">주소</th>', '하위 페이지 추가', '“회사 소개” 아래에', '초안'], 'list');
    assertLacks(list, ['Add a sub-page', 'Last updated', '>Draft<', 'New page'], 'list');

    const pageId = /\/admin\/pages\/(\d+)/.exec(created.headers.location as string)![1];
    const confirm = await koreanPage(owner, `/admin/pages/${pageId}/delete`);
    assertHas(confirm, ['<h1>“회사 소개” 페이지를 삭제할까요?</h1>', '영구 삭제', '그대로 두기'], 'delete');
    assertLacks(confirm, ['Delete permanently', 'Keep it', 'is deleted for good'], 'delete');

    const deleted = await owner.post(`/admin/pages/${pageId}/delete`, {});
    assert.equal(deleted.statusCode, 303);
    assertHas(await koreanPage(owner, deleted.headers.location as string), ['페이지를 삭제했습니다.'], 'after delete');
  });

  test('sections, tags and authors speak Korean, on their lists and edit forms', async () => {
    const owner = await signedIn('/admin/sections');
    const sections = await koreanPage(owner, '/admin/sections');
    assertHas(
      sections,
      ['<h1>섹션</h1>', '섹션은 사이트의 기사를', '새로 추가', '홈페이지 배치 순서', '<th scope="col">순서</th>', '>추가</button>'],
      'sections',
    );
    assertLacks(sections, ['Add one', 'Order on the home page', 'Leave empty', '>Add</button>'], 'sections');

    const sectionId = /href="\/admin\/sections\/(\d+)"/.exec(sections)![1];
    const section = await koreanPage(owner, `/admin/sections/${sectionId}`);
    assertHas(section, ['” 편집</h2>', '>저장</button>', '>삭제</button>'], 'section');
    assertLacks(section, ['Edit “', '>Save</button>', '>Delete</button>'], 'section');

    const refused = await owner.post('/admin/sections', { name: '', slug: 'Not a slug', position: '', description: '' });
    assert.equal(refused.statusCode, 422);
    assertHas(
      refused.body,
      [
        '<h2 id="error-summary-title">문제가 있습니다</h2>',
        '섹션 이름을 입력하세요.',
        '슬러그에는 영문 소문자, 숫자, 하이픈(연달아 쓰지 않음)만 쓸 수 있습니다.',
        '섹션에 문제가 있습니다.',
      ],
      'refused section',
    );
    assertLacks(refused.body, ['Give the section a name.', 'Use lower-case letters', 'The section has errors.'], 'refused section');

    // A demo section holds articles, so deleting it is refused with the count.
    await owner.get(`/admin/sections/${sectionId}`);
    const notEmpty = await owner.post(`/admin/sections/${sectionId}/delete`, {});
    assert.equal(notEmpty.statusCode, 409);
    assert.match(notEmpty.body, /이 섹션에 아직 기사 \d+건이 있습니다\. 먼저 기사를 다른 섹션으로 옮기세요\./);
    assert.doesNotMatch(notEmpty.body, /This section still holds/);

    const tags = await koreanPage(owner, '/admin/tags');
    assertHas(tags, ['<h1>태그</h1>', '태그는 편집자가', '<th scope="col">기사</th>'], 'tags');
    assertLacks(tags, ['Editors create tags', '>Articles</th>'], 'tags');

    const authors = await koreanPage(owner, '/admin/authors');
    assertHas(authors, ['<h1>필자</h1>', '<th scope="col">직함</th>', '약력', '— 없음 —', '인물 사진은 미디어 라이브러리에'], 'authors');
    assertLacks(authors, ['Biography', 'Job title', '— None —', 'Upload portraits'], 'authors');
    const nameless = await owner.post('/admin/authors', { name: ' ', slug: '', jobTitle: '', bio: '', photo: '' });
    assert.equal(nameless.statusCode, 422);
    assertHas(nameless.body, ['필자 이름을 입력하세요.', '필자 정보에 문제가 있습니다.'], 'refused author');
    assertLacks(nameless.body, ['Give the author', 'The author has errors.'], 'refused author');

    const refusedRole = await (await signedIn('/admin', contributorToken)).get('/admin/tags');
    assert.equal(refusedRole.statusCode, 403);
    assertHas(refusedRole.body, ['이 역할로는 섹션, 태그, 필자를 관리할 수 없습니다.'], 'a contributor');
  });

  test('the import page speaks Korean, its refusals too', async () => {
    const owner = await signedIn('/admin/import');
    const form = await koreanPage(owner, '/admin/import');
    assertHas(
      form,
      ['<h1>다른 시스템에서 가져오기</h1>', '시험 실행', '내보낸 시스템', '사진(선택)', '파일 확인', '최대 512MiB', '<code>npx gazette import wordpress'],
      'import',
    );
    assertLacks(form, ['Import from another system', 'Where the export comes from', 'Check the file', 'Up to 512 MiB'], 'import');

    // Not multipart: the form comes back with its message for the missing file.
    const refused = await owner.post('/admin/import', { kind: 'wordpress' });
    assert.equal(refused.statusCode, 400);
    assertHas(refused.body, ['문제가 있습니다', '가져올 내보내기 파일을 고르세요.'], 'refused import');
    assertLacks(refused.body, ['Choose the export file'], 'refused import');

    // A WordPress export, checked by its dry run: the report's headings and the button are Korean.
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form)![1]!;
    const exported = await readFile(new URL('../fixtures/imports/wordpress/export.xml', import.meta.url));
    const { payload, contentType } = await multipartBody({ _csrf: csrf, kind: 'wordpress' }, [{ name: 'export.xml', bytes: exported, field: 'file' }]);
    const checked = await gazette.app.inject({
      method: 'POST',
      url: '/admin/import',
      payload,
      remoteAddress: owner.remoteAddress,
      headers: { cookie: owner.cookieHeader, 'content-type': contentType },
    });
    assert.equal(checked.statusCode, 303);
    const job = await koreanPage(owner, checked.headers.location as string);
    assertHas(
      job,
      [
        '<h1>export.xml 가져오기</h1>',
        'WordPress (WXR 내보내기 파일, .xml)',
        '시험 실행: 아무것도 기록하지 않았습니다.',
        '<th scope="col">새로 만듦</th>',
        '지금 가져오기',
      ],
      'dry run',
    );
    assertLacks(job, ['Dry run', 'Import now', '>Created</th>', '>Skipped</th>'], 'dry run');
  });

  test('the settings page speaks Korean; the standards keep their names', async () => {
    const owner = await signedIn('/admin/settings');
    const settings = await koreanPage(owner, '/admin/settings');
    assertHas(
      settings,
      ['<h1>설정</h1>', '<a href="/admin/comments/policy">댓글 정책</a>', '사이트 이름', '— Gazette 기본 로고 —', '기사 전문', '설정 저장'],
      'settings',
    );
    assertLacks(settings, ['Site name', 'Feeds carry', 'The full text of each article', 'Save settings', 'The logo in use now'], 'settings');

    const refused = await owner.post('/admin/settings', {
      name: '',
      language: 'not a tag',
      timeZone: 'Asia/Seoul',
      navigationText: 'World /world',
      logo: '999999',
    });
    assert.equal(refused.statusCode, 422);
    assertHas(
      refused.body,
      [
        '사이트 이름을 입력하세요.',
        'ko, en-GB, fr-CA 같은 언어 태그를 입력하세요.',
        '1번째 줄: 이름, 세로 막대, 이 사이트의 경로 순으로 쓰세요.',
        '미디어 라이브러리에 그런 이미지가 없습니다.',
      ],
      'refused settings',
    );
    assertLacks(refused.body, ['Give the site a name.', 'Use a language tag', 'write a label, a vertical bar'], 'refused settings');
    assert.equal(gazette.settings.current().language, 'ko', 'nothing was saved');
  });
});

describe('back on an English site', () => {
  before(() => gazette.settings.update({ language: 'en-GB', timeZone: 'Europe/London' }));

  test('the same pages read in English as before, and the upload script gets its English words from the page', async () => {
    const owner = await signedIn('/admin/media');
    const library = (await owner.get('/admin/media')).body;
    assert.match(library, /<html lang="en-GB">/);
    assertHas(
      library,
      ['<h1>Media library</h1>', 'Add photos', 'data-message-waiting="Waiting…"', 'data-message-caption="Caption: "', 'photos, newest first'],
      'library',
    );
    assertHas((await owner.get('/admin/sections')).body, ['<h1>Sections</h1>', 'Add one', 'Order on the home page'], 'sections');
    assertHas((await owner.get('/admin/pages/new')).body, ['Status: <strong>New, not saved yet</strong>', '— None: a top-level page —'], 'new page');
    assertHas((await owner.get('/admin/import')).body, ['Import from another system', 'Up to 512 MiB.'], 'import');
    assertHas((await owner.get('/admin/settings')).body, ['<h1>Settings</h1>', 'Save settings', 'comment policy</a>.'], 'settings');
  });
});
