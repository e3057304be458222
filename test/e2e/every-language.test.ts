import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createArticle, publishArticle, updateArticle } from '../../src/articles/index.ts';
import { savePage } from '../../src/pages/index.ts';
import { contentTags } from '../../src/platform/content-changes.ts';
import { findSectionBySlug } from '../../src/sections/index.ts';
import { commentOn, commentSection } from '../helpers/comment-forms.ts';
import { demo } from '../helpers/comment-pages.ts';
import { FormClient } from '../helpers/form-client.ts';
import { createTestOwner, testOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

// Issue 12, every language: what a reader sees is in the site's language, and on an article page in the
// article's, while the page around it (masthead, navigation, footer) stays in the site's.

/** The opening tag of the first `element` with `className`. */
function openingTag(html: string, element: string, className: string): string {
  const tag = new RegExp(`<${element}\\b[^>]*\\bclass="${className}"[^>]*>`).exec(html)?.[0];
  assert.ok(tag, `no <${element} class="${className}"> on the page`);
  return tag;
}

/** The text of the first element with `id`, tags left out. */
function textOf(html: string, id: string): string {
  const match = new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</`).exec(html);
  assert.ok(match, `no element with id="${id}"`);
  return match[1]!;
}

async function publishIn(gazette: TestGazette, language: string, slug: string, headline: string): Promise<{ id: number; path: string }> {
  const deps = { db: gazette.database.db, clock: { now: () => testNow }, changes: gazette.changes };
  const world = (await findSectionBySlug(gazette.database.db, 'world'))!;
  const author = await gazette.database.db.selectFrom('authors').select('id').orderBy('id').executeTakeFirstOrThrow();
  const input = { headline, slug, sectionId: world.id, authorIds: [author.id], tagIds: [], language, standfirst: headline, bodyHtml: `<p>${headline}</p>` };
  const article = await createArticle(deps, input);
  await publishArticle(deps, article.id, new Date(testNow.getTime() - 2 * 60 * 60 * 1000));
  // An edit well after publication: the page says "Updated".
  await updateArticle(deps, article.id, input);
  return { id: article.id, path: `/world/${slug}` };
}

describe('a site whose language is Korean', () => {
  let gazette: TestGazette;
  before(async () => {
    gazette = await buildTestApp();
    await gazette.settings.update({ language: 'ko', timeZone: 'Asia/Seoul' });
  });
  after(() => gazette.close());

  test('the front page and its masthead read in Korean', async () => {
    const home = await gazette.app.inject({ url: '/' });
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<html lang="ko">/);
    assert.match(home.body, /<a class="skip-link" href="#main">본문 바로가기<\/a>/);
    assert.match(home.body, /<label class="visually-hidden" for="site-search-query">기사 검색<\/label>/);
    assert.match(home.body, /<nav class="site-nav" aria-label="섹션">/);
    assert.match(home.body, /<h1 class="visually-hidden">[^<]+: 최신 뉴스<\/h1>/);
    assert.match(home.body, /<span>글 [^<]+<\/span> <time datetime="[^"]+">2026년 11월 \d+일<\/time>/, 'bylines and dates in Korean');
    assert.doesNotMatch(home.body, /Skip to content|Search articles|latest news|>By /);
  });

  test('the article page: byline, dates, related stories and the whole comment section', async () => {
    const page = await gazette.app.inject({ url: demo.busan });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<p class="byline">글 <a rel="author"/);
    assert.match(page.body, /<time datetime="[^"]+">2026년 11월 \d+일 \d\d:\d\d GMT\+9<\/time>/, 'in the newsroom’s time zone, on the 24-hour clock');
    assert.match(page.body, /<h2 id="related-heading" class="rule-heading">관련 기사<\/h2>/);
    assert.match(page.body, /<span aria-hidden="true">↑<\/span> 맨 위로<\/a>/);
    const comments = commentSection(page.body);
    assert.doesNotMatch(openingTag(page.body, 'section', 'comments'), /\blang=/, 'the page is Korean already');
    assert.match(comments, /<h3 id="respond-heading" class="comment-form__title">댓글 남기기<\/h3>/);
    assert.match(
      comments,
      /이메일 주소는 공개되지 않습니다\. 필수 항목에는 <span aria-hidden="true">\*<\/span><span class="visually-hidden">필수<\/span> 표시가 있습니다\./,
    );
    assert.match(comments, /<label for="comment-name">이름<span class="required-mark"/);
    assert.match(comments, /<button type="submit" class="button">댓글 등록<\/button>/);
    assert.match(comments, /data-reply-title="\{name\} 님에게 답글"/, 'the script’s words come with the form');
    assert.doesNotMatch(comments, /Leave a comment|Post comment|Your email/);
  });

  test('a refused comment comes back with its messages in Korean, as a page and as JSON', async () => {
    const refused = await commentOn(gazette, demo.busan, { name: '', email: 'ada@example.com', comment: '' });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /<h2 id="error-summary-title">입력 내용을 확인해 주세요<\/h2>/);
    assert.match(refused.body, /<p class="field__error" id="comment-comment-error">댓글 내용을 입력하세요\.<\/p>/);
    assert.match(refused.body, /<p class="field__error" id="comment-name-error">이름을 입력하세요\.<\/p>/);
    const json = await commentOn(gazette, demo.busan, { name: 'Ada', email: 'ada@example.com', comment: '' }, { json: true });
    assert.equal(json.statusCode, 422);
    assert.deepEqual(json.json(), {
      code: 'VALIDATION_FAILED',
      message: '댓글이 등록되지 않았습니다. 표시된 항목을 확인하세요.',
      errors: { comment: '댓글 내용을 입력하세요.' },
    });
  });

  test('the search page’s masthead and stories read in Korean', async () => {
    const search = await gazette.app.inject({ url: '/search' });
    assert.equal(search.statusCode, 200);
    assert.match(search.body, /<a class="skip-link" href="#main">본문 바로가기<\/a>/);
    assert.match(search.body, /placeholder="검색"/);
    assert.match(search.body, /<span>글 [^<]+<\/span> <time/, 'the latest stories’ bylines');
  });

  test('the search page itself reads in Korean: its form, filters, count, pages and advice when nothing matches', async () => {
    for (let index = 1; index <= 11; index++) await publishIn(gazette, 'ko', `quokkafold-${index}`, `Quokkafold 항만 소식 ${index}`);
    const found = await gazette.app.inject({ url: '/search?q=quokkafold' });
    assert.equal(found.statusCode, 200);
    assert.match(found.body, /<title>검색: quokkafold \| /);
    assert.match(found.body, /<h1 class="collection__heading search__heading">“quokkafold” 검색 결과<\/h1>/);
    assert.match(found.body, /<form class="search-form" role="search" action="\/search" method="get" aria-label="기사 검색">/);
    assert.match(found.body, /<label class="search-form__label" for="search-query">검색어<\/label>/);
    assert.match(found.body, /<button class="search-form__button" type="submit">검색<\/button>/);
    assert.match(found.body, /<legend class="search-form__legend">검색 범위 좁히기<\/legend>/);
    assert.match(found.body, /<option value="">전체 섹션<\/option>/);
    assert.match(found.body, /<label for="search-from">게재일\(부터\)<\/label>/);
    assert.match(found.body, /<label for="search-to">게재일\(까지\)<\/label>/);
    assert.match(found.body, /<h2 id="search-results-heading" class="search__count">기사 11건이 검색되었습니다<\/h2>/, 'Korean counts have one form');
    assert.match(found.body, /<span>글 [^<]+<\/span> <time datetime="[^"]+">2026년 11월 27일<\/time>/);
    assert.match(found.body, /<nav class="pagination" aria-label="페이지">/);
    assert.match(found.body, /<span class="pagination__status">2쪽 중 1쪽<\/span>/);
    assert.match(found.body, /rel="next">다음 →<\/a>/);
    const second = await gazette.app.inject({ url: '/search?q=quokkafold&page=2' });
    assert.match(second.body, /rel="prev">← 이전<\/a>/);
    const nothing = await gazette.app.inject({ url: '/search?q=xylophonic' });
    assert.match(nothing.body, /<p class="search__note search__note--empty">“xylophonic”에 대한 검색 결과가 없습니다\.<\/p>/);
    assert.match(nothing.body, /<li>맞춤법을 확인해 보세요\.<\/li>/);
    assert.match(nothing.body, /<h2 id="search-latest-heading" class="rule-heading">최신 기사<\/h2>/);
    const start = await gazette.app.inject({ url: '/search' });
    assert.match(start.body, /<h1 class="collection__heading search__heading">검색<\/h1>/);
    assert.match(start.body, /<p class="search__note">제목, 본문, 주제, 기자 이름에 들어 있는 단어로/);
    for (const page of [found, second, nothing, start]) {
      assert.doesNotMatch(
        page.body,
        /articles? found|Search results|Search for|Narrow the results|All sections|Published (from|up to)|No articles match|Latest stories|← Previous|Next →/,
      );
    }
  });

  test('plain pages and the newsroom’s standards read in Korean around the newsroom’s own words', async () => {
    const deps = { db: gazette.database.db, clock: { now: () => testNow }, changes: gazette.changes };
    const about = await savePage(deps, { parentId: null, slug: 'about', title: '회사 소개', bodyHtml: '<p>소개</p>', status: 'published' });
    await savePage(deps, { parentId: about.id, slug: 'masthead', title: '만든 사람들', bodyHtml: '<p>편집국</p>', status: 'published' });
    const parent = await gazette.app.inject({ url: '/page/about' });
    assert.match(parent.body, /<h2 id="sub-pages-heading" class="rule-heading">하위 페이지<\/h2>/);
    const child = await gazette.app.inject({ url: '/page/about/masthead' });
    assert.match(child.body, /<nav aria-label="현재 위치"><p class="kicker"><a href="\/">홈<\/a> › <a href="\/page\/about">회사 소개<\/a><\/p><\/nav>/);
    const policy = await gazette.app.inject({ url: '/policies/corrections' });
    assert.equal(policy.statusCode, 200);
    assert.match(policy.body, /<p class="kicker">편집 원칙<\/p>/);
    assert.match(policy.body, /<h1 class="article__headline">정정 보도 원칙<\/h1>/);
    assert.match(policy.body, /<title>정정 보도 원칙 \| /);
    assert.match(policy.body, /<meta name="description" content="[^"]+의 정정 보도 원칙\."/);
    assert.doesNotMatch(parent.body + child.body + policy.body, /In this section|Breadcrumb|>Home<|Our standards|Corrections policy/);
  });

  test('newsroom invitations and password resets are emailed in Korean', async () => {
    const siteName = gazette.settings.current().name;
    const owner = new FormClient(gazette.app);
    owner.setCookie('gazette_session', (await createTestOwner(gazette)).sessionToken);
    await owner.get('/admin/team');
    assert.equal((await owner.post('/admin/team/invite', { email: 'new.reporter@example.org', role: 'author' })).statusCode, 200);
    const invitation = gazette.sentMail.at(-1)!;
    assert.equal(invitation.subject, `${siteName} 편집국에 초대합니다`);
    assert.match(invitation.text, /^7일 안에 이 링크를 열어 편집국 계정을 만드세요:\n\nhttps:\/\/news\.example\/admin\/invite\?token=[\w-]+\n$/);

    const stranger = new FormClient(gazette.app);
    await stranger.get('/admin/reset');
    assert.equal((await stranger.post('/admin/reset', { email: testOwner.email })).statusCode, 200);
    const reset = gazette.sentMail.at(-1)!;
    assert.equal(reset.to, testOwner.email);
    assert.equal(reset.subject, `${siteName} 새 비밀번호 설정`);
    assert.match(
      reset.text,
      /^이 편집국 계정의 비밀번호 재설정이 요청되었습니다\. 직접 요청했다면 1시간 안에 이 링크를 여세요:\n\nhttps:\/\/news\.example\/admin\/reset\/new\?token=[\w-]+\n\n직접 요청하지 않았다면 이 이메일을 무시하세요\. 비밀번호는 바뀌지 않습니다\.$/,
    );
  });

  test('a list page and the 404 page read in Korean', async () => {
    const section = await gazette.app.inject({ url: '/world' });
    assert.match(section.body, /<p class="kicker">섹션<\/p>/);
    const missing = await gazette.app.inject({ url: '/no-such-section/no-such-story' });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /<p class="kicker">오류 404<\/p>/);
    assert.match(missing.body, /<h1 id="error-heading" class="collection__heading">페이지를 찾을 수 없습니다<\/h1>/);
    assert.match(missing.body, /<title>페이지를 찾을 수 없습니다 \| /);
    assert.match(missing.body, /<a href="\/">첫 화면으로 가기<\/a>/);
    const nowhere = await gazette.app.inject({ url: '/nothing/here/at-all' });
    assert.equal(nowhere.statusCode, 404);
    assert.match(nowhere.body, /이 주소에는 아무것도 없습니다\./);
    assert.doesNotMatch(nowhere.body, /There is nothing at this address/, 'the generic message has nothing to add in English');
  });
});

describe('a site whose language is Arabic', () => {
  let gazette: TestGazette;
  before(async () => {
    gazette = await buildTestApp();
    await gazette.settings.update({ language: 'ar', timeZone: 'Africa/Cairo' });
  });
  after(() => gazette.close());

  test('the search page reads in Arabic, right to left, and counts what it found in each plural form', async () => {
    // Eleven articles share one word; three, two and one of them share rarer ones. The one is in English.
    for (let index = 1; index <= 11; index++) {
      const words = ['qalamor', index <= 3 ? 'wadimir' : '', index <= 2 ? 'sabkhet' : '', index === 1 ? 'ferolith' : ''].join(' ').trim();
      if (index === 1) await publishIn(gazette, 'en', 'ferolith-harbour', `Harbour pilots ${words}`);
      else await publishIn(gazette, 'ar', `qalamor-${index}`, `مرفأ ${words} ${index}`);
    }
    const counts: [string, string][] = [
      ['ferolith', 'عُثر على مقال واحد'],
      ['sabkhet', 'عُثر على مقالين'],
      ['wadimir', 'عُثر على 3 مقالات'],
      ['qalamor', 'عُثر على 11 مقالًا'],
    ];
    for (const [word, count] of counts) {
      const page = await gazette.app.inject({ url: `/search?q=${word}` });
      assert.equal(page.statusCode, 200, word);
      assert.match(page.body, new RegExp(`<h2 id="search-results-heading" class="search__count">${count}</h2>`), word);
    }

    const found = await gazette.app.inject({ url: '/search?q=qalamor' });
    assert.match(found.body, /<html lang="ar" dir="rtl">/);
    assert.match(found.body, /<h1 class="collection__heading search__heading">نتائج البحث عن «qalamor»<\/h1>/);
    assert.match(found.body, /<label class="search-form__label" for="search-query">ابحث عن<\/label>/);
    assert.match(found.body, /<legend class="search-form__legend">تضييق النتائج<\/legend>/);
    assert.match(found.body, /<label for="search-from">منشور ابتداءً من<\/label>/);
    assert.match(found.body, /<label for="search-to">منشور حتى<\/label>/);
    assert.match(found.body, /<span class="pagination__status">الصفحة 1 من 2<\/span>/);
    assert.match(found.body, /rel="next">التالي →<\/a>/);
    assert.match(found.body, /<span>بقلم [^<]+<\/span> <time datetime="[^"]+">27 نوفمبر 2026<\/time>/);
    const english = await gazette.app.inject({ url: '/search?q=ferolith' });
    assert.match(
      english.body,
      /<h3 class="search-result__headline" lang="en" dir="ltr"><a href="\/world\/ferolith-harbour">/,
      'the English article’s headline is marked as English, left to right',
    );
    assert.match(english.body, /<p class="search-result__excerpt" lang="en" dir="ltr">/);
    assert.match(found.body, /<h3 class="search-result__headline"><a href="\/world\/qalamor-2">/, 'an Arabic one needs no marking');

    const someWords = await gazette.app.inject({ url: '/search?q=ferolith+xylophonic' });
    assert.match(someWords.body, /<p class="search__note">لا يحتوي أي مقال على كل كلماتك، فهذه مقالات تحتوي على بعضها، الأكثر تطابقًا أولًا\.<\/p>/);
    const nothing = await gazette.app.inject({ url: '/search?q=xylophonic' });
    assert.match(nothing.body, /لا توجد مقالات تطابق «xylophonic»\./);
    assert.match(nothing.body, /<li>أزل عامل تصفية القسم أو التاريخ\.<\/li>/);
    for (const page of [found, someWords, nothing]) {
      assert.doesNotMatch(page.body, /articles? found|Search results|Search for|Narrow the results|No article has all|No articles match|← Previous|Next →/);
    }
  });
});

describe('an Arabic article on an English site', () => {
  let gazette: TestGazette;
  let article: { id: number; path: string };
  before(async () => {
    gazette = await buildTestApp();
    article = await publishIn(gazette, 'ar', 'cairo-port-opens', 'افتتاح ميناء القاهرة الجديد');
  });
  after(() => gazette.close());

  async function approveComments(count: number): Promise<void> {
    const at = testNow.toISOString();
    for (let index = 0; index < count; index++) {
      await gazette.database.db
        .insertInto('comments')
        .values({
          article_id: article.id,
          parent_id: null,
          status: 'approved',
          author_name: `قارئ ${index}`,
          author_email: `reader${index}@example.com`,
          staff_user_id: null,
          body: 'تعليق',
          spam_score: null,
          trained_as: null,
          ip_address: null,
          user_agent: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    gazette.changes.announce([contentTags.article(article.id)]);
  }

  test('the comment section is in Arabic, right to left, while the masthead stays English', async () => {
    const page = await gazette.app.inject({ url: article.path });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="en-GB">/);
    assert.match(page.body, /<a class="skip-link" href="#main">Skip to content<\/a>/);
    assert.match(page.body, /<label class="visually-hidden" for="site-search-query">Search articles<\/label>/);
    assert.match(openingTag(page.body, 'section', 'comments'), /\blang="ar" dir="rtl"/);
    const comments = commentSection(page.body);
    assert.equal(textOf(comments, 'comments-heading'), 'التعليقات');
    assert.match(comments, /<p class="comments__empty" data-comment-list-empty="">لا تعليقات بعد\.<\/p>/);
    assert.match(comments, /<h3 id="respond-heading" class="comment-form__title">أضف تعليقًا<\/h3>/);
    assert.match(comments, /<button type="submit" class="button">انشر التعليق<\/button>/);
    assert.match(page.body, /<p class="byline">بقلم <a rel="author"/, 'the byline is the article’s');
    assert.match(page.body, /<span class="article__updated">آخر تحديث: <time datetime="[^"]+">27 نوفمبر 2026/);
    assert.match(
      page.body,
      /<p class="back-to-top-holder" lang="ar" dir="rtl"><a class="back-to-top" href="#top"><span aria-hidden="true">↑<\/span> العودة إلى الأعلى<\/a><\/p>/,
    );
    assert.match(page.body, /<link rel="alternate" type="application\/rss\+xml" title="تعليقات على «افتتاح ميناء القاهرة الجديد»"/);
  });

  test('counts its comments in the right plural form for 0, 1, 2, 3, 11 and 100', async () => {
    const expected: [number, string][] = [
      [1, 'تعليق واحد'],
      [2, 'تعليقان'],
      [3, '3 تعليقات'],
      [11, '11 تعليقًا'],
      [100, '100 تعليق'],
    ];
    let shown = 0;
    for (const [count, words] of expected) {
      await approveComments(count - shown);
      shown = count;
      const page = await gazette.app.inject({ url: article.path });
      assert.equal(textOf(page.body, 'comments-heading'), words, `${count} comments`);
      assert.match(page.body, new RegExp(`<a class="article__comment-count" href="#comments">${words}</a>`), `${count} comments, under the headline`);
    }
  });

  test('a commenter is told everything in Arabic: refusals, and that the comment is held', async () => {
    const refused = await commentOn(gazette, article.path, { name: '', email: 'noor@example.com', comment: '' });
    assert.equal(refused.statusCode, 422);
    const comments = commentSection(refused.body);
    assert.match(comments, /<h2 id="error-summary-title">ثمة مشكلة<\/h2>/);
    assert.match(comments, /<p class="field__error" id="comment-comment-error">اكتب تعليقك\.<\/p>/);
    const posted = await commentOn(gazette, article.path, { name: 'نور', email: 'noor@example.com', comment: 'شكرًا على هذا التقرير المفصّل.' }, { json: true });
    assert.equal(posted.statusCode, 201);
    const result = posted.json() as { status: string; message: string; html: string };
    assert.equal(
      result.message,
      result.status === 'approved' ? 'نُشر تعليقك.' : 'شكرًا لك. تعليقك بانتظار المراجعة، ولا يراه أحد غيرك حتى يوافق عليه أحد المشرفين.',
    );
    assert.match(result.html, /<time datetime="[^"]+">27 نوفمبر 2026/, 'the new comment as the page shows it, dated in Arabic');
  });

  test('its comment feed is titled in Arabic', async () => {
    const feed = await gazette.app.inject({ url: `${article.path}/comments.xml` });
    assert.equal(feed.statusCode, 200);
    assert.match(feed.body, /<title>تعليقات على «افتتاح ميناء القاهرة الجديد»<\/title>/);
    assert.match(feed.body, /<language>ar<\/language>/);
  });

  test('on the site’s own lists it is a teaser among English words', async () => {
    const section = await gazette.app.inject({ url: '/world' });
    assert.match(section.body, /<h2 class="story-card__headline" lang="ar" dir="rtl"><a href="\/world\/cairo-port-opens">/);
    assert.match(section.body, /<span>By [^<]+<\/span>/);
    assert.match(section.body, /<p class="kicker">Section<\/p>/);
  });
});

describe('a Korean article on an English site', () => {
  let gazette: TestGazette;
  before(async () => {
    gazette = await buildTestApp();
  });
  after(() => gazette.close());

  test('has Korean words and dates around it, and the site’s chrome in English', async () => {
    const { path } = await publishIn(gazette, 'ko', 'busan-remote-cranes-ko', '부산항 야간 크레인 원격 조종');
    const page = await gazette.app.inject({ url: path });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="en-GB">/);
    assert.match(page.body, /<a class="skip-link" href="#main">Skip to content<\/a>/);
    assert.match(page.body, /<p class="byline">글 <a rel="author"/);
    assert.match(
      page.body,
      /<span class="article__updated">수정 <time datetime="[^"]+">2026년 11월 27일 12:00 GMT\+0<\/time><\/span>/,
      'Korean dates, on the 24-hour clock',
    );
    assert.match(openingTag(page.body, 'section', 'comments'), /\blang="ko"/);
    assert.doesNotMatch(openingTag(page.body, 'section', 'comments'), /\bdir=/, 'Korean runs left to right, like the page');
    assert.match(commentSection(page.body), /<h3 id="respond-heading" class="comment-form__title">댓글 남기기<\/h3>/);
  });

  test('an article in a language Gazette does not speak yet keeps the site’s words, marked as such', async () => {
    const { path } = await publishIn(gazette, 'he', 'jerusalem-light-rail', 'הרכבת הקלה מוארכת');
    const page = await gazette.app.inject({ url: path });
    assert.match(openingTag(page.body, 'article', 'article'), /lang="he" dir="rtl"/);
    assert.match(page.body, /<span class="article__updated" lang="en-GB" dir="ltr">Updated <time/);
    assert.doesNotMatch(openingTag(page.body, 'section', 'comments'), /\blang=/);
    assert.match(commentSection(page.body), /Leave a comment/);
  });
});
