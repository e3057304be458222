import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createArticle, publishArticle, saveArticleEdit, trashArticle } from '../../src/articles/index.ts';
import { createSection } from '../../src/sections/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

// The newsroom's article pages in Korean on a Korean site: the list with its filters, columns, review
// and trash views, the revisions, a change held for review and the preview's banner, and the refusals
// met on them (a decision on a change, a share link for a trashed article, a filter out of range).
// First, once, the English wording that no other test reads.

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

/** A few words of the English newsroom that must be gone from a Korean page. */
function assertNoEnglish(body: string, words: readonly string[]): void {
  const text = textOf(body.replace(/<title>[\s\S]*?<\/title>/, ''));
  for (const word of words) assert.ok(!text.includes(word), `“${word}” is still in English`);
}

describe('the newsroom’s article pages in Korean', () => {
  let gazette: TestGazette;
  let editor: FormClient;
  let contributorSession: string;
  const ids = { revised: 0, scheduled: 0, live: 0, change: 0, trashed: 0 };
  /** More drafts than a page of the list holds, so it has a second page. */
  const fillerDrafts = 48;

  const page = async (url: string) => {
    const response = await editor.get(url);
    assert.equal(response.statusCode, 200, url);
    return response.body;
  };

  before(async () => {
    gazette = await buildTestApp({ seed: false });
    const owner = await createTestOwner(gazette);
    const editorMember = await addTestMember(gazette, owner.user, 'editor', 'Seoul editor');
    const contributor = await addTestMember(gazette, owner.user, 'contributor', 'Seoul contributor');
    editor = new FormClient(gazette.app);
    editor.setCookie('gazette_session', editorMember.sessionToken);
    contributorSession = contributor.sessionToken;

    const { db } = gazette.database;
    let now = new Date(testNow.getTime() - 86_400_000);
    const deps = { db, clock: { now: () => now }, changes: gazette.changes };
    const sectionId = (await createSection(db, { name: 'World', position: 0 })).id;
    const write = async (headline: string, by = editorMember.user.id) => {
      now = new Date(now.getTime() + 60_000);
      return (await createArticle(deps, { headline, sectionId, authorIds: [], tagIds: [], bodyHtml: `<p>${headline}.</p>` }, { actorId: by })).id;
    };
    for (let index = 1; index <= fillerDrafts; index++) await write(`Filler draft ${index}`);

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

    ids.live = await write('Harbour reopens', contributor.user.id);
    await publishArticle(deps, ids.live, new Date(now.getTime() - 3_600_000));
    now = new Date(now.getTime() + 60_000);
    const held = await saveArticleEdit(
      deps,
      ids.live,
      { headline: 'Harbour closes again', sectionId, authorIds: [], tagIds: [], bodyHtml: '<p>Closed.</p>' },
      { editor: contributor.user },
    );
    assert.equal(held.kind, 'held', 'a contributor’s edit of a live piece waits for review');
    if (held.kind === 'held') ids.change = held.change.id;

    ids.trashed = await write('Zoo keepers strike');
    await trashArticle(deps, ids.trashed);
  });
  after(() => gazette.close());

  test('in English, the wording no other test reads is as it always was', async () => {
    assert.equal(
      ledeOf(await page('/admin?view=changes')),
      "1 live article has a change waiting for an editor's review; readers still see the published version. Open one to compare and decide.",
    );
    assert.equal(ledeOf(await page('/admin?view=trash')), '1 article in the trash, most recently trashed first. Readers cannot see them.');
    const list = await page('/admin');
    assert.match(list, /<span class="pagination__status">Page 1 of 2<\/span>/);
    assert.match(list, /Older →<\/a>/);
    const change = await page(`/admin/articles/${ids.live}/changes/${ids.change}`);
    assert.match(textOf(change), /Proposed by Seoul contributor on [^.]+\. Readers still see the published version\./);
    assert.match(change, /<h3>Headline<\/h3>/);
    const revisions = await page(`/admin/articles/${ids.revised}/revisions`);
    assert.deepEqual(columnsOf(revisions), ['Saved', 'By', 'Restore']);
    assert.match(revisions, /<td>Current version<\/td>/);
  });

  describe('on a Korean site', () => {
    before(async () => {
      await gazette.settings.update({ language: 'ko', timeZone: 'Asia/Seoul' });
    });

    test('the list: heading, tabs, filters, columns, statuses, the lede and the pages', async () => {
      const body = await page('/admin');
      assert.match(body, /<html lang="ko"/);
      assert.match(body, /<h1>기사<\/h1>/);
      assert.match(body, /<a class="button button--primary" href="\/admin\/articles\/new">새 기사<\/a>/);
      assert.match(body, /<nav aria-label="기사 목록">/);
      assert.match(body, /<a href="\/admin\?view=changes">검토할 변경 사항 \(1\)<\/a>/);
      assert.match(body, /<a href="\/admin\?view=trash">휴지통 \(1\)<\/a>/);
      assert.match(body, /role="search" aria-label="기사 찾기"/);
      for (const [name, label] of [
        ['q', '검색'],
        ['status', '상태'],
        ['section', '섹션'],
        ['author', '필자'],
        ['tag', '태그'],
      ]) {
        assert.match(body, new RegExp(`<label for="field-${name}">${label}</label>`), name);
      }
      assert.match(body, /<option value="" selected="">모든 상태<\/option>/);
      assert.match(body, /<option value="review">검토 중<\/option>/);
      assert.deepEqual(columnsOf(body), ['제목', '상태', '섹션', '필자', '발행 예정 / 발행 시각', '최종 수정']);
      assert.match(body, /<td data-label="최종 수정">/);
      assert.equal(ledeOf(body), `기사 ${fillerDrafts + 3}건, 최근 수정순.`);
      assert.match(body, /<span class="status status--scheduled">예약됨<\/span> <span class="status-when"><time datetime="[^"]+">[^<]+<\/time> 발행<\/span>/);
      assert.match(body, /<nav class="pagination" aria-label="페이지">/);
      assert.match(body, /<span class="pagination__status">2쪽 중 1쪽<\/span>/);
      assert.match(body, /지난 기사 →<\/a>/);
      assertNoEnglish(body, [
        'New article',
        'Find articles',
        'Any status',
        'Headline',
        'Last edited',
        'Goes live',
        'Scheduled',
        'articles,',
        'Older',
        'Page 1',
      ]);
    });

    test('filtered and sorted, the lede says how many match and in what order', async () => {
      const body = await page('/admin?q=ferry&sort=headline&dir=asc');
      assert.equal(ledeOf(body), `기사 ${fillerDrafts + 3}건 중 1건 일치, 제목 가나다순.`);
      assert.match(body, /<a href="\/admin\?sort=headline&amp;dir=asc">필터 지우기<\/a>/);
      assert.match(body, /<button type="submit" class="button">찾기<\/button>/);
    });

    test('the changes view', async () => {
      const body = await page('/admin?view=changes');
      assert.match(body, /<h1>검토할 변경 사항<\/h1>/);
      assert.match(body, /<title>기사: 검토할 변경 사항 \|/);
      assert.match(body, /<span class="status status--published">발행됨<\/span> <span class="status status--review">변경 사항 검토 대기<\/span>/);
      assert.match(body, /class="view-link" href="[^"]+">보기<span class="visually-hidden"> 사이트에 게재된 “Harbour reopens”<\/span>/);
      assert.equal(
        ledeOf(body),
        '편집자 검토를 기다리는 변경 사항이 있는 발행 기사 1건. 독자에게는 여전히 발행된 버전이 보입니다. 기사를 열어 비교하고 결정하세요.',
      );
      assert.equal(ledeOf(await page('/admin?view=changes&q=nothing')), '검토를 기다리는 변경 사항이 있는 발행 기사 1건 중 0건이 일치합니다.');
      assertNoEnglish(body, ['Changes to review', 'waiting for', 'Change waiting']);
    });

    test('the trash view, with the notice after trashing', async () => {
      const body = await page('/admin?view=trash&done=trashed');
      assert.match(body, /<h1>휴지통<\/h1>/);
      assert.match(body, /휴지통으로 옮겼습니다\. 이제 독자에게 어디에서도 보이지 않습니다\./);
      assert.equal(ledeOf(body), '휴지통: 기사 1건, 최근 삭제순. 독자에게는 보이지 않습니다.');
      assert.deepEqual(columnsOf(body), ['제목', '섹션', '필자', '삭제 시각', '작업']);
      assert.match(body, /<button type="submit" class="button">복원<span class="visually-hidden"> “Zoo keepers strike”<\/span><\/button>/);
      assert.match(body, /영구 삭제<span class="visually-hidden">/);
      assert.match(await page('/admin?view=trash&done=deleted'), /기사를 영구 삭제했습니다\./);
      assertNoEnglish(body, ['Moved to the trash', 'Readers cannot', 'Restore', 'Delete permanently', 'Trashed', 'Actions']);
    });

    test('the revisions page compares two saves field by field', async () => {
      const body = await page(`/admin/articles/${ids.revised}/revisions`);
      assert.match(body, /<html lang="ko"/);
      assert.match(body, /<title>수정 이력: Ferry fares frozen for winter \|/);
      assert.match(body, /<h1>수정 이력<\/h1>/);
      assert.match(body, /“Ferry fares frozen for winter” 기사로 돌아가기<\/a>/);
      assert.match(body, /<label for="field-from">비교할 버전<\/label>/);
      assert.match(body, /<label for="field-to">비교 대상<\/label>/);
      assert.match(body, />차이 보기<\/button>/);
      assert.match(body, /<h2 id="differences-heading">차이<\/h2>/);
      assert.match(body, /<h3>제목<\/h3>\s*<p class="diff">[\s\S]*?<ins>[^<]*winter/);
      assert.match(body, /<h3>본문<\/h3>/);
      assert.deepEqual(columnsOf(body), ['저장 시각', '저장한 사람', '복원']);
      assert.match(body, /<td>현재 버전<\/td>/);
      assert.match(body, /이 버전으로 복원/);
      assertNoEnglish(body, ['Revisions', 'Back to', 'Compare', 'Show the differences', 'Every save', 'Current version', 'Restore this version', 'Headline']);
    });

    test('a change held for review', async () => {
      const body = await page(`/admin/articles/${ids.live}/changes/${ids.change}`);
      assert.match(body, /<h1>제안된 변경 사항<\/h1>/);
      assert.match(body, /“Harbour reopens” 기사로 돌아가기/);
      assert.match(body, /발행된 기사 보기<\/a>/);
      assert.match(textOf(body), /Seoul contributor 님이 [^.]+에 제안했습니다\. 독자에게는 여전히 발행된 버전이 보입니다\./);
      assert.match(body, /<h2 id="differences-heading">발행된 기사와의 차이<\/h2>/);
      assert.match(body, /<h3>제목<\/h3>/);
      assert.match(body, />승인하고 발행</);
      assert.match(body, />반려</);
      assertNoEnglish(body, ['Proposed', 'Readers still see', 'Accept and publish', 'Reject', 'Differences from']);
    });

    test('the preview’s banner and share links speak the newsroom’s Korean', async () => {
      const preview = await page(`/admin/articles/${ids.revised}/preview`);
      const banner = bannerOf(preview);
      assert.match(banner, /^<section class="preview-banner" aria-label="기사 미리보기">/, 'Korean words on a Korean page need no lang of their own');
      assert.match(banner, /<strong class="preview-banner__heading">미발행<\/strong> <span>초안<\/span>/);
      assert.match(banner, /<nav class="preview-banner__views" aria-label="미리보기 크기">/);
      assert.match(banner, /aria-current="page">데스크톱<\/a>/);
      assert.match(banner, />휴대폰<\/a>/);
      assert.match(banner, new RegExp(`<a href="/admin/articles/${ids.revised}">편집기로 돌아가기</a>`));
      assert.match(banner, /<summary>미리보기 링크 공유<\/summary>/);
      assert.match(banner, /<label for="preview-share-lifetime">링크 유효 기간<\/label>/);
      assert.match(banner, /<option value="24h" selected="">24시간<\/option>/);
      assert.match(banner, />공유 링크 만들기<\/button>/);
      assert.match(banner, /현재 유효한 공유 링크가 없습니다\./);
      assertNoEnglish(banner, ['Article preview', 'Not published', 'Draft', 'Back to the editor', 'Share a preview link', 'hours', 'Desktop']);

      const created = await editor.post(`/admin/articles/${ids.revised}/preview-links`, { lifetime: '1h' });
      assert.equal(created.statusCode, 200);
      const shared = bannerOf(created.body);
      assert.match(shared, /<summary>미리보기 링크 공유 \(유효 1개\)<\/summary>/);
      assert.match(shared, /<label for="preview-share-url">계정이 없는 사람에게 보낼 링크입니다\./);
      assert.match(shared, /<p id="preview-share-url-hint" class="preview-share__hint"><time datetime="[^"]+">[^<]+<\/time>까지, 링크를 연 시점에/);
      assert.match(shared, /<li>Seoul editor 생성, <time datetime="[^"]+">[^<]+<\/time> 만료 <form/);
      assert.match(shared, /회수<span class="visually-hidden"> [^<]+에 만료되는 링크<\/span>/);
      assertNoEnglish(shared, ['Made by', 'Revoke', 'Links that work now', 'working']);

      const scheduled = bannerOf(await page(`/admin/articles/${ids.scheduled}/preview`));
      assert.match(scheduled, /미발행<\/strong> <span>예약 발행: <time datetime="[^"]+">/);
      assert.match(bannerOf(await page(`/admin/articles/${ids.live}/preview`)), /발행됨<\/strong> <span>저장된 버전 미리보기<\/span>/);

      const phone = await page(`/admin/articles/${ids.revised}/preview?view=phone`);
      assert.match(phone, /<title>휴대폰 미리보기: Ferry fares frozen for winter<\/title>/);
      assert.match(phone, /title="휴대폰에서 보이는 기사"/);
      assert.doesNotMatch(phone, /lang="en"/);
    });
    test('refusals on a change, a share link and the list are Korean (last: it decides the change)', async () => {
      const changeUrl = `/admin/articles/${ids.live}/changes/${ids.change}`;
      const noSuchChange = await editor.get(`/admin/articles/${ids.live}/changes/999999`);
      assert.equal(noSuchChange.statusCode, 404);
      assert.equal(errorSentenceOf(noSuchChange.body), '이 기사에 해당 변경 사항이 없습니다.');

      await page(changeUrl);
      const notTheirs = await editor.post(`${changeUrl}/withdraw`, {});
      assert.equal(notTheirs.statusCode, 403);
      assert.equal(errorSentenceOf(notTheirs.body), '변경 사항은 제안한 본인만 철회할 수 있습니다.');

      const contributor = new FormClient(gazette.app);
      contributor.setCookie('gazette_session', contributorSession);
      await contributor.get(changeUrl);
      const mayNotDecide = await contributor.post(`${changeUrl}/reject`, {});
      assert.equal(mayNotDecide.statusCode, 403);
      assert.equal(errorSentenceOf(mayNotDecide.body), '이 기사를 발행할 수 있는 사람만 변경 사항을 승인하거나 반려할 수 있습니다.');

      await page(changeUrl);
      assert.equal((await editor.post(`${changeUrl}/reject`, {})).statusCode, 303);
      await page(changeUrl);
      const decided = await editor.post(`${changeUrl}/reject`, {});
      assert.equal(decided.statusCode, 409, 'the change page again, with the reason');
      assert.match(
        decided.body,
        /role="alert">\s*이 변경 사항은 더 이상 검토를 기다리고 있지 않습니다\. 다른 변경으로 바뀌었거나, 철회되었거나, 다른 사람이 이미 처리했습니다\./,
      );

      await page(`/admin/articles/${ids.trashed}/preview`);
      const trashedShare = await editor.post(`/admin/articles/${ids.trashed}/preview-links`, { lifetime: '1h' });
      assert.equal(trashedShare.statusCode, 409);
      assert.equal(errorSentenceOf(trashedShare.body), '휴지통에 있는 기사입니다. 미리보기를 공유하려면 먼저 복원하세요.');

      const noSuchSection = await editor.get('/admin?section=9999999999');
      assert.equal(noSuchSection.statusCode, 400);
      assert.equal(errorSentenceOf(noSuchSection.body), '그 번호의 섹션은 없습니다. 목록에서 고르세요.');

      for (const body of [noSuchChange.body, notTheirs.body, mayNotDecide.body, decided.body, trashedShare.body, noSuchSection.body]) {
        assert.doesNotMatch(body, /no such change|Only the person|Only someone who may publish|no longer waiting|in the trash|with that number/);
      }
    });
  });
});
