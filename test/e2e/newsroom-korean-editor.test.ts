import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { draftArticleFields, newArticleChoices } from '../helpers/article-form.ts';
import type { FormClient } from '../helpers/form-client.ts';
import { signInTestStaff, type TestStaff } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

// The article editor speaks the newsroom's language: on a Korean site its page, panels, buttons,
// notices, status line and refusals are Korean, the articles service's own included (a headline
// missing, a slug taken, a save made meanwhile, a correction, the trash, the pin, an autosave).
// English sites read as before.
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

/** The sentence an error page gives under its heading. */
const errorSentenceOf = (html: string) => /<p class="collection__intro">([^<]*)<\/p>/.exec(html)?.[1];

/** Posts to the autosave as the editor's script does: JSON, with a page's CSRF token in a header. */
async function autosave(browser: FormClient, id: number, body: unknown) {
  const page = (await browser.get('/admin/articles/new')).body;
  const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  return gazette.app.inject({
    method: 'POST',
    url: `/admin/articles/${id}/autosave`,
    remoteAddress: browser.remoteAddress,
    headers: { cookie: browser.cookieHeader, accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': token },
    payload: JSON.stringify(body),
  });
}

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
  test('the articles service’s refusals of a save, a publication and a save made meanwhile are Korean', async () => {
    const editor = await staff.browserAs('editor');
    const unwritten = await editor.post('/admin/articles/new', articleForm('', { slug: 'Not A Slug!', language: 'not a language' }));
    assert.equal(unwritten.statusCode, 422);
    assert.match(unwritten.body, /<p class="form-message" role="alert">기사에 오류가 있습니다\.<\/p>/);
    assert.match(unwritten.body, /<p class="field__error" id="field-headline-error">제목을 입력하세요\.<\/p>/);
    assert.match(
      unwritten.body,
      /<p class="field__error" id="field-slug-error">슬러그에는 영문 소문자, 숫자, 하이픈\(연달아 쓰지 않음\)만 쓸 수 있으며 120자를 넘을 수 없습니다\.<\/p>/,
    );
    assert.match(unwritten.body, /<p class="field__error" id="field-language-error">ar, ko, en-GB 같은 언어 태그\(BCP 47\)를 입력하세요\./);
    assert.match(unwritten.body, /<a href="#field-headline">제목을 입력하세요\.<\/a>/, 'the error summary too');

    await write(editor, 'Jeju ferry strike');
    const taken = await editor.post('/admin/articles/new', articleForm('제주 여객선 파업', { slug: 'jeju-ferry-strike' }));
    assert.equal(taken.statusCode, 422);
    assert.match(taken.body, /<p class="field__error" id="field-slug-error">다른 기사가 이미 이 슬러그를 쓰고 있습니다\. 다른 슬러그를 정하세요\.<\/p>/);

    const unfiled = await editor.post('/admin/articles/new', articleForm('Jeju ferry fares', { sectionId: '', intent: 'publish' }));
    assert.equal(unfiled.statusCode, 422, 'saved as a draft, but not published without a section');
    assert.match(
      unfiled.body,
      /<p class="form-message" role="alert">아직 이 기사를 발행할 수 없습니다: 섹션을 고르세요\. 독자와 검색엔진은 섹션으로 기사를 분류합니다\.<\/p>/,
    );
    assert.match(unfiled.body, /<p class="field__error" id="field-sectionId-error">섹션을 고르세요\. 독자와 검색엔진은 섹션으로 기사를 분류합니다\.<\/p>/);

    const { id } = await write(editor, 'Jeju ferry timetable');
    const opened = await editor.get(`/admin/articles/${id}`);
    const meanwhile = await (await staff.browserAs('owner')).post(
      `/admin/articles/${id}`,
      articleForm('Jeju ferry timetable, revised', { loadedVersion: versionIn(opened.body) }),
    );
    assert.equal(meanwhile.statusCode, 303);
    const late = await editor.post(`/admin/articles/${id}`, articleForm('Jeju ferry timetable, mine', { loadedVersion: versionIn(opened.body) }));
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /이 기사를 연 뒤 12:00 UTC에 다른 사람이 저장했습니다\. 아래는 아직 저장되지 않은 내 버전입니다\./);
    assert.match(late.body, /name="headline" type="text" value="Jeju ferry timetable, mine"/);

    for (const body of [unwritten.body, taken.body, unfiled.body, late.body]) {
      assert.doesNotMatch(
        body,
        /The article has errors|Write a headline|Use lower-case letters|Use a language tag|Another article already|cannot be published yet|Choose a section|Someone else saved/,
      );
    }
  });

  test('corrections, the trash, the pin, revisions and the autosave refuse in Korean', async () => {
    const owner = await staff.browserAs('owner');
    const { id: draftId } = await write(owner, 'Busan tram trial');
    const { id: liveId } = await write(owner, 'Busan tram opens', { intent: 'publish' });

    await owner.get(`/admin/articles/${liveId}`);
    const unwritten = await owner.post(`/admin/articles/${liveId}/corrections`, { correctionKind: 'correction', correctionText: ' ' });
    assert.equal(unwritten.statusCode, 422);
    assert.match(unwritten.body, /<p class="form-message" role="alert">정정 내용에 오류가 있습니다\.<\/p>/);
    assert.match(unwritten.body, /<p class="field__error" id="field-correctionText-error">무엇이 틀렸고 무엇이 맞는지 쓰세요\.<\/p>/);
    await owner.get(`/admin/articles/${draftId}`);
    const onDraft = await owner.post(`/admin/articles/${draftId}/corrections`, { correctionKind: 'update', correctionText: '시간표가 바뀌었습니다.' });
    assert.equal(onDraft.statusCode, 404);
    assert.equal(errorSentenceOf(onDraft.body), '정정은 발행된 기사에만 달 수 있습니다. 초안이라면 초안을 직접 고치세요.');

    const notTrashed = await owner.post(`/admin/articles/${draftId}/restore`, {});
    assert.equal(notTrashed.statusCode, 409);
    assert.equal(errorSentenceOf(notTrashed.body), '이 기사는 휴지통에 있지 않습니다.');
    const authorDeletes = await (await staff.browserAs('author')).get(`/admin/articles/${draftId}/delete`);
    assert.equal(authorDeletes.statusCode, 403);
    assert.equal(errorSentenceOf(authorDeletes.body), '기사를 영구 삭제할 수 있는 사람은 편집자, 관리자, 소유자뿐입니다.');

    const authorPins = await (await staff.browserAs('author')).post(`/admin/articles/${liveId}/pin`, { pinned: 'on' });
    assert.equal(authorPins.statusCode, 403);
    assert.equal(errorSentenceOf(authorPins.body), '첫 화면 머리기사는 편집자, 관리자, 소유자만 정할 수 있습니다.');
    await owner.get(`/admin/articles/${draftId}`);
    assert.equal((await owner.post(`/admin/articles/${draftId}/trash`, {})).statusCode, 303);
    await owner.get(`/admin/articles/${draftId}`);
    const trashedPin = await owner.post(`/admin/articles/${draftId}/pin`, { pinned: 'on' });
    assert.equal(trashedPin.statusCode, 409);
    assert.equal(errorSentenceOf(trashedPin.body), '휴지통에 있는 기사입니다. 고정하려면 먼저 복원하세요.');

    await owner.get(`/admin/articles/${liveId}/revisions`);
    const noRevision = await owner.post(`/admin/articles/${liveId}/revisions/999999/restore`, {});
    assert.equal(noRevision.statusCode, 404);
    assert.equal(errorSentenceOf(noRevision.body), '이 기사에 해당 버전이 없습니다.');
    const othersRevisions = await (await staff.browserAs('contributor')).get(`/admin/articles/${liveId}/revisions`);
    assert.equal(othersRevisions.statusCode, 403);
    assert.equal(errorSentenceOf(othersRevisions.body), '본인이 쓴 기사만 볼 수 있습니다.');

    // The editor's script shows what the autosave answers: the refusal in the newsroom's words, its code unchanged.
    const tooLong = await autosave(owner, liveId, { baseVersion: 1, fields: { standfirst: 'x'.repeat(300_000), bodyHtml: `<p>${'y'.repeat(300_000)}</p>` } });
    assert.equal(tooLong.statusCode, 422);
    assert.equal(tooLong.json().code, 'VALIDATION_FAILED');
    assert.equal(tooLong.json().message, '초안이 너무 길어 자동 저장할 수 없습니다. 대신 기사를 저장하세요.');
    const notTheirs = await autosave(await staff.browserAs('contributor'), liveId, { baseVersion: 1, fields: { headline: '내 제목' } });
    assert.equal(notTheirs.statusCode, 403);
    assert.equal(notTheirs.json().message, '본인이 쓴 기사만 편집할 수 있습니다.');

    for (const body of [
      unwritten.body,
      onDraft.body,
      notTrashed.body,
      authorDeletes.body,
      authorPins.body,
      trashedPin.body,
      noRevision.body,
      othersRevisions.body,
    ]) {
      assert.doesNotMatch(
        body,
        /The note has errors|Write what was wrong|Only a published article|not in the trash|Only editors|Restore it before|no such revision|only your own/,
      );
    }
  });
});
