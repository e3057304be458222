import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { draftArticleFields, newArticleChoices } from '../helpers/article-form.ts';
import type { FormClient } from '../helpers/form-client.ts';
import { signInTestStaff, type TestStaff } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

// The article editor speaks the newsroom's language: on a Korean site its page, panels, buttons,
// notices, status line and the form's own refusals are Korean (what services outside the newsroom
// say stays English for now). English sites read as before.
// The test moment is 27 November 2026, 12:00 UTC: 21:00 in Seoul.

let gazette: TestGazette;
let staff: TestStaff;
let worldId: string;
let authorId: string;

function articleForm(headline: string, overrides: Record<string, string> = {}): Record<string, string> {
  return draftArticleFields(headline, { sectionId: worldId, byline1: authorId, bodyHtml: '<p>The ferry sails at dawn.</p>', ...overrides });
}

/** Saves a new article as `browser`; its id and where the editor was sent. */
async function write(browser: FormClient, headline: string, overrides: Record<string, string> = {}): Promise<{ id: number; location: string }> {
  const response = await browser.post('/admin/articles/new', articleForm(headline, overrides));
  assert.equal(response.statusCode, 303, `“${headline}” was saved: ${response.body.slice(0, 300)}`);
  const location = String(response.headers.location);
  return { id: Number(/\/admin\/articles\/(\d+)/.exec(location)![1]), location };
}

const versionIn = (html: string) => /name="loadedVersion" value="(\d+)"/.exec(html)![1]!;

before(async () => {
  gazette = await buildTestApp();
  staff = await signInTestStaff(gazette, ['editor', 'author', 'contributor'], { namePrefix: 'Desk', firstPage: '/admin/articles/new' });
  ({ worldId, authorId } = await newArticleChoices(await staff.browserAs('owner')));
});
after(() => gazette.close());

describe('the article editor on an English site, where tests elsewhere do not look', () => {
  test('the checks summary, the body count, an edited article’s status line and a refusal read as they always have', async () => {
    const editor = await staff.browserAs('editor');
    const fresh = (await editor.get('/admin/articles/new')).body;
    assert.match(fresh, /<html lang="en-GB">/);
    assert.match(fresh, /Status: <strong>New, not saved yet<\/strong><\/p>/);
    assert.match(fresh, />0 words · 0 min read</);
    assert.match(fresh, /<p class="field__hint" id="field-seoTitle-hint">0 of 60 characters recommended<\/p>/);

    const { id } = await write(editor, 'Harbour lights restored', { intent: 'publish' });
    gazette.setNow(new Date(testNow.getTime() + 2 * 60 * 60 * 1000));
    try {
      const form = await editor.get(`/admin/articles/${id}?done=constructor`);
      assert.doesNotMatch(form.body, /form-message--ok/, 'no notice for a word that is none');
      const saved = await editor.post(`/admin/articles/${id}`, articleForm('Harbour lights restored', { loadedVersion: versionIn(form.body) }));
      assert.equal(saved.headers.location, `/admin/articles/${id}?done=saved`);
    } finally {
      gazette.setNow(testNow);
    }
    const page = (await editor.get(`/admin/articles/${id}?done=saved`)).body;
    assert.match(page, /role="status">Saved\.<\/p>/);
    assert.match(
      page,
      /Status: <strong>Published<\/strong> <time datetime="2026-11-27T12:00:00.000Z">[^<]+<\/time>, edited <time datetime="2026-11-27T14:00:00.000Z">[^<]+<\/time><\/p>/,
    );
    assert.match(page, /<a class="editor-bar__checks" href="#checklist-heading">\d+ to check<\/a>/);
    assert.match(page, /<strong>Check: <\/strong>The body is under \d+ words\./);

    const refused = await editor.post('/admin/articles/new', articleForm('Tide times', { intent: 'schedule', publishAt: 'at dawn' }));
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /<h2 id="error-summary-title">There is a problem<\/h2>/);
    assert.match(refused.body, /<a href="#field-publishAt">Enter a day and time like 2026-12-01T07:30\.<\/a>/);
    assert.match(refused.body, /<label for="field-publishAt">Publish at \(Europe\/London\)<\/label>/);
  });

  test('a contributor’s change waiting for review keeps its apostrophe', async () => {
    const contributor = await staff.browserAs('contributor');
    const { id } = await write(contributor, 'Ferry fares frozen', { intent: 'review' });
    const editor = await staff.browserAs('editor');
    const draft = await editor.get(`/admin/articles/${id}`);
    assert.match(draft.body, /Status: <strong>In review<\/strong>/);
    assert.equal(
      (await editor.post(`/admin/articles/${id}`, articleForm('Ferry fares frozen', { intent: 'publish', loadedVersion: versionIn(draft.body) }))).statusCode,
      303,
    );
    const form = await contributor.get(`/admin/articles/${id}`);
    const held = await contributor.post(`/admin/articles/${id}`, articleForm('Ferry fares frozen until spring', { loadedVersion: versionIn(form.body) }));
    assert.equal(held.headers.location, `/admin/articles/${id}?done=proposed`);
    const page = (await contributor.get(`/admin/articles/${id}?done=proposed`)).body;
    assert.match(
      page,
      /Your changes are waiting for an editor&#39;s review; readers still see the published version\. The form shows your changes from [^;<]+; saving again replaces them\./,
    );
    assert.match(page, />Send changes for review<\/button>/);
  });
});

describe('the article editor on a Korean site', () => {
  before(() => gazette.settings.update({ language: 'ko', timeZone: 'Asia/Seoul' }));

  test('the new article page: headings, fields, hints, buttons and live counts are Korean', async () => {
    const page = (await (await staff.browserAs('editor')).get('/admin/articles/new')).body;
    assert.match(page, /<html lang="ko">/);
    assert.match(page, /<title>새 기사 \| [^<]+ 뉴스룸<\/title>/);
    assert.match(page, /<h1>새 기사<\/h1>/);
    assert.match(page, /상태: <strong>새 기사\(저장 전\)<\/strong>/);
    assert.match(page, /<label for="field-headline">제목/);
    assert.match(page, /<label for="field-standfirst">부제<\/label>/);
    assert.match(page, /<legend>대표 사진<\/legend>/);
    assert.match(page, /<legend>필자\(순서대로\)<\/legend>/);
    assert.match(page, /<option value="" selected="">— 없음 —<\/option>/);
    assert.match(page, /<h2 id="article-settings-heading">기사 분류<\/h2>/);
    assert.match(page, /쉼표로 구분합니다\. 없는 태그는 새로 만들어집니다\./);
    assert.match(page, /<summary>주소, 검색, 소셜<\/summary>/);
    assert.match(page, /<p class="field__hint" id="field-seoTitle-hint">0자 \/ 권장 60자<\/p>/);
    assert.match(page, />여기에 제목이 표시됩니다\.</);
    assert.match(page, /id="body-stats">0단어 · 읽는 데 0분</);
    assert.match(page, /<button type="submit" name="intent" value="save" class="button">초안 저장<\/button>/);
    assert.match(page, /<button type="submit" name="intent" value="preview" class="button">미리보기<\/button>/);
    assert.match(page, /<button type="submit" name="intent" value="publish" class="button button--primary">지금 발행<\/button>/);
    assert.doesNotMatch(
      page,
      /New article|Status:|>Headline|Standfirst|Bylines, in order|>Filing<|Address, search and social|min read|characters recommended|Save draft|Publish now/,
    );
  });

  test('an article’s editor: notice, checklist, schedule panel, pin, trash and the side forms', async () => {
    const owner = await staff.browserAs('owner');
    const { id, location } = await write(owner, 'Busan ferry timetable');
    assert.equal(location, `/admin/articles/${id}?done=saved`);
    const page = (await owner.get(location)).body;
    assert.match(page, /<title>편집: Busan ferry timetable \| [^<]+ 뉴스룸<\/title>/);
    assert.match(page, /<h1>기사 편집<\/h1>/);
    assert.match(page, /<a href="\/admin\/articles\/\d+\/revisions">수정 이력<\/a>/);
    assert.match(page, /role="status">저장했습니다\.<\/p>/);
    assert.match(page, /<a class="editor-bar__checks" href="#checklist-heading">확인 필요 \d+건<\/a>/);
    assert.match(page, /<h2 id="checklist-heading">발행 전 점검<\/h2>/);
    assert.match(page, /<strong>확인: <\/strong>본문이 100단어보다 짧습니다\./, 'the checklist’s items are in the newsroom’s words');
    assert.match(page, /<option value="news" selected="">뉴스<\/option>/, 'so are the types of work');
    assert.match(page, /<option value="" selected="">사이트 언어\(한국어\)<\/option>/, 'and the languages, named in Korean');
    assert.match(page, /<option value="ar">아랍어 \(العربية\)<\/option>/);
    assert.match(page, /<a class="editor-bar__link" href="#schedule">예약…<\/a>/);
    assert.match(page, /<h2 id="schedule-heading">발행 예약<\/h2>/);
    assert.match(page, /<label for="field-publishAt">발행 시각\(Asia\/Seoul\)<\/label>/);
    assert.match(page, /뉴스룸 시간대 기준으로 날짜와 시각을 고르세요\./);
    assert.match(page, /<button type="submit" name="intent" value="schedule" class="button">예약<\/button>/);
    assert.match(page, /<h2 id="pin-switch-heading">첫 화면<\/h2>/);
    assert.match(page, />첫 화면 머리기사로 고정<\/button>/);
    assert.match(page, /<h2 id="comments-switch-heading">댓글<\/h2>/);
    assert.match(page, />휴지통으로 이동<\/button>/);
    assert.doesNotMatch(page, /Before publishing|Schedule|Must fix|Check: |Home page|Move to trash|Revisions|Saved\./);

    assert.equal((await owner.post(`/admin/articles/${id}/trash`, {})).statusCode, 303);
    const trashed = (await owner.get(`/admin/articles/${id}`)).body;
    assert.match(trashed, /<p class="admin-lede">상태: <strong>휴지통<\/strong><\/p>/);
    assert.match(trashed, /<h2 id="trashed-heading" class="editor-notice__title">휴지통에 있는 기사<\/h2>/);
    assert.match(trashed, />초안으로 복원<\/button>/);
    const confirm = (await owner.get(`/admin/articles/${id}/delete`)).body;
    assert.match(confirm, /<h1>이 기사를 영구 삭제할까요\?<\/h1>/);
    assert.match(confirm, /“Busan ferry timetable” 기사가 딸린 모든 것과 함께 영구 삭제됩니다:/);
    assert.match(confirm, />휴지통에 두기<\/a>/);
    assert.doesNotMatch(confirm, /Delete this article|Keep it in the trash|cannot be undone/);
  });

  test('the form’s refusals are re-shown in Korean, with what was typed kept', async () => {
    const editor = await staff.browserAs('editor');
    const badTime = await editor.post('/admin/articles/new', articleForm('부산항 불꽃축제', { intent: 'schedule', publishAt: '내일 아침' }));
    assert.equal(badTime.statusCode, 422);
    assert.match(badTime.body, /<h2 id="error-summary-title">입력 내용을 확인하세요<\/h2>/);
    assert.match(badTime.body, /<a href="#field-publishAt">2026-12-01T07:30처럼 날짜와 시각을 입력하세요\.<\/a>/);
    assert.match(badTime.body, /name="headline" type="text" value="부산항 불꽃축제"/);

    const past = await editor.post('/admin/articles/new', articleForm('부산항 불꽃축제', { intent: 'schedule', publishAt: '2026-11-27T20:00' }));
    assert.equal(past.statusCode, 422);
    assert.match(past.body, /이미 지난 시각입니다\. 지금은 2026년 11월 27일 [^<]*21:00[^<]*입니다\./);

    const badChoices = await editor.post(
      '/admin/articles/new',
      articleForm('부산항 불꽃축제', { sectionId: '999999', tags: Array.from({ length: 11 }, (_, n) => `태그${n}`).join(', ') }),
    );
    assert.equal(badChoices.statusCode, 422);
    assert.match(badChoices.body, /<p class="form-message" role="alert">기사에 오류가 있습니다\.<\/p>/);
    assert.match(badChoices.body, /<p class="field__error" id="field-sectionId-error">목록에 있는 항목 중에서 고르세요\.<\/p>/);
    assert.match(badChoices.body, /<p class="field__error" id="field-tags-error">태그는 10개까지 쓸 수 있습니다\.<\/p>/);

    const newTag = await (await staff.browserAs('author')).post('/admin/articles/new', articleForm('부산항 불꽃축제', { tags: '불꽃놀이' }));
    assert.equal(newTag.statusCode, 422);
    assert.match(newTag.body, /“불꽃놀이”: 아직 없는 태그이며, 새 태그는 편집자만 만들 수 있습니다\./);
    for (const body of [badTime.body, past.body, badChoices.body, newTag.body]) {
      assert.doesNotMatch(
        body,
        /There is a problem|Enter a day|That time has passed|The article has errors|Choose one of the options|at most 10 tags|not a tag yet/,
      );
    }
  });

  test('the status line for a draft, a scheduled article and a published one', async () => {
    const editor = await staff.browserAs('editor');
    const { id } = await write(editor, 'Harbour bridge reopens');
    const draft = (await editor.get(`/admin/articles/${id}`)).body;
    assert.match(draft, /<p class="editor-bar__status-line">상태: <strong>초안<\/strong><\/p>/);
    assert.match(draft, />초안 저장<\/button>/);

    const scheduled = await editor.post(
      `/admin/articles/${id}`,
      articleForm('Harbour bridge reopens', { intent: 'schedule', publishAt: '2026-11-28T09:00', loadedVersion: versionIn(draft) }),
    );
    assert.equal(scheduled.headers.location, `/admin/articles/${id}?done=scheduled`);
    const waiting = (await editor.get(`/admin/articles/${id}?done=scheduled`)).body;
    assert.match(waiting, /role="status">2026년 11월 28일 [^<]*09:00[^<]*\(Asia\/Seoul\)에 발행하도록 예약했습니다\. 그 시각에 자동으로 발행됩니다\.<\/p>/);
    assert.match(
      waiting,
      /<p class="editor-bar__status-line">상태: <strong>예약됨<\/strong> · <time datetime="2026-11-28T00:00:00.000Z">2026년 11월 28일 [^<]*09:00[^<]*<\/time> 발행 예정<\/p>/,
    );
    assert.match(waiting, /<a class="editor-bar__link" href="#schedule">시각 변경…<\/a>/);
    assert.match(waiting, /<h2 id="schedule-heading">발행 시각 변경<\/h2>/);
    assert.match(waiting, /<button type="submit" name="intent" value="unpublish" class="button button--danger">예약 취소<\/button>/);

    const published = await editor.post(
      `/admin/articles/${id}`,
      articleForm('Harbour bridge reopens', { intent: 'publish', loadedVersion: versionIn(waiting) }),
    );
    assert.equal(published.headers.location, `/admin/articles/${id}?done=published`);
    const live = (await editor.get(`/admin/articles/${id}?done=published`)).body;
    assert.match(live, /role="status">발행했습니다\.<\/p>/);
    assert.match(
      live,
      /<p class="editor-bar__status-line">상태: <strong>발행됨<\/strong> · <time datetime="2026-11-27T12:00:00.000Z">2026년 11월 27일 [^<]*21:00[^<]*<\/time><\/p>/,
    );
    assert.match(live, />변경 사항 저장<\/button>/);
    assert.match(live, />사이트에서 보기<\/a>/);
    assert.match(live, /<h2 id="corrections-heading">정정 및 업데이트<\/h2>/);
    assert.match(live, /<option value="correction">정정: 사실관계가 틀렸습니다<\/option>/);
    assert.match(live, /value="unpublish" class="button button--danger">발행 취소<\/button>/);
    assert.doesNotMatch(live, /Status:|Published|Scheduled|Save changes|View on the site|Corrections and updates|Unpublish/);
  });
});
