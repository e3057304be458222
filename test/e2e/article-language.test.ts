import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createArticle, getArticle, listArticleRevisions, publishArticle, restoreRevision, updateArticle } from '../../src/articles/index.ts';
import { findSectionBySlug } from '../../src/sections/index.ts';
import { draftArticleFields, newArticleChoices } from '../helpers/article-form.ts';
import { forEachDialect, insertTestUser } from '../helpers/databases.ts';
import { signInTestStaff, type TestStaff } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

// Issue 12: an Arabic article was served as lang="en-GB" with no dir, so it read left to right.

/** The opening tag of the first element with `className` in `html`. */
function openingTag(html: string, element: string, className: string): string {
  const tag = new RegExp(`<${element}\\b[^>]*\\bclass="${className}"[^>]*>`).exec(html)?.[0];
  assert.ok(tag, `no <${element} class="${className}"> on the page`);
  return tag;
}

describe('an article in a language of its own, written in the newsroom', () => {
  let gazette: TestGazette;
  let staff: TestStaff;
  let choices: { worldId: string; authorId: string };

  before(async () => {
    gazette = await buildTestApp();
    staff = await signInTestStaff(gazette, ['editor'], { namePrefix: 'Language' });
    choices = await newArticleChoices(await staff.browserAs('editor'));
  });
  after(() => gazette.close());

  async function publishFromTheEditor(fields: Record<string, string>): Promise<{ id: number; path: string }> {
    const editor = await staff.browserAs('editor');
    await editor.get('/admin/articles/new');
    const saved = await editor.post(
      '/admin/articles/new',
      draftArticleFields(fields.headline!, { sectionId: choices.worldId, byline1: choices.authorId, intent: 'publish', ...fields }),
    );
    assert.equal(saved.statusCode, 303, `publishing answered ${saved.statusCode}`);
    const id = Number(/\/admin\/articles\/(\d+)/.exec(String(saved.headers.location))![1]);
    return { id, path: `/world/${fields.slug}` };
  }

  test('an Arabic article reads right to left inside an English site whose menus stay left to right', async () => {
    const { id, path } = await publishFromTheEditor({
      headline: 'افتتاح ميناء القاهرة الجديد',
      standfirst: 'السفن تصطف عند الرصيف، والعمال يعودون إلى العمل.',
      bodyHtml: '<p>افتتح الميناء صباح اليوم، وقال مدير الميناء: «نحن جاهزون».</p>',
      slug: 'cairo-port-opens',
      language: 'ar',
    });
    const page = await gazette.app.inject({ url: path });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="en-GB">/, 'the page, its masthead and navigation stay in the site language, left to right');
    const article = openingTag(page.body, 'article', 'article');
    assert.match(article, /\blang="ar"/);
    assert.match(article, /\bdir="rtl"/);
    // Issue 12, every language: the words around the article (its comments too) are in its language.
    assert.match(openingTag(page.body, 'section', 'comments'), /\blang="ar" dir="rtl"/, 'the comment section is in the article’s language');
    assert.match(page.body, /<textarea id="comment-comment"[^>]*\bdir="auto"/, 'a comment is typed in whatever direction its words run');
    assert.match(page.body, /"inLanguage":"ar"/, 'search engines are told the language');

    const editorPage = await (await staff.browserAs('editor')).get(`/admin/articles/${id}`);
    assert.match(editorPage.body, /<option value="ar" selected="">Arabic \(العربية\)<\/option>/, 'the editor shows the language chosen');

    const home = await gazette.app.inject({ url: '/' });
    assert.match(home.body, /<h2 class="lead-story__headline" lang="ar" dir="rtl">/, 'its teaser on the home page reads right to left too');
    const section = await gazette.app.inject({ url: '/world' });
    assert.match(section.body, /<h2 class="story-card__headline" lang="ar" dir="rtl"><a href="\/world\/cairo-port-opens">/);
    assert.match(section.body, /<p class="story-card__standfirst" lang="ar" dir="rtl">السفن/);
  });

  test('a Korean article says it is Korean and stays left to right', async () => {
    const { path } = await publishFromTheEditor({ headline: '부산항 야간 크레인 원격 조종', slug: 'busan-remote-cranes', language: 'ko' });
    const page = await gazette.app.inject({ url: path });
    const article = openingTag(page.body, 'article', 'article');
    assert.match(article, /\blang="ko"/);
    assert.doesNotMatch(article, /\bdir=/);
    assert.match(page.body, /<html lang="en-GB">/);
  });

  test('an article in the site’s language carries no language of its own', async () => {
    const { path } = await publishFromTheEditor({ headline: 'Harbour tug crews win new contract', slug: 'harbour-tug-crews', language: '' });
    const page = await gazette.app.inject({ url: path });
    assert.doesNotMatch(openingTag(page.body, 'article', 'article'), /\b(lang|dir)=/);
    assert.doesNotMatch(page.body, /"inLanguage"/);
  });

  test('a tag that is not a language is refused for the field, with the form as typed', async () => {
    const editor = await staff.browserAs('editor');
    await editor.get('/admin/articles/new');
    const refused = await editor.post(
      '/admin/articles/new',
      draftArticleFields('Ferry timetable changes', { sectionId: choices.worldId, language: 'en_GB', dateline: 'Lisbon' }),
    );
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Use a language tag such as ar, ko or en-GB \(BCP 47\)/);
    assert.match(refused.body, /<select id="field-language"[^>]*aria-invalid="true"/);
    assert.match(refused.body, /<option value="en_GB" selected="">en_GB<\/option>/, 'what was sent is shown, chosen');
    assert.match(refused.body, /value="Ferry timetable changes"/, 'the rest of the form is kept');
    assert.match(refused.body, /value="Lisbon"/);
  });

  test('a tag is stored in its canonical form, and an article keeps a language the list does not offer', async () => {
    const world = (await findSectionBySlug(gazette.database.db, 'world'))!;
    const deps = { db: gazette.database.db, clock: { now: () => testNow }, changes: gazette.changes };
    const article = await createArticle(deps, { headline: 'Mercado reabre', sectionId: world.id, authorIds: [], tagIds: [], language: ' PT-br ' });
    assert.equal(article.language, 'pt-BR');
    const form = await (await staff.browserAs('editor')).get(`/admin/articles/${article.id}`);
    assert.match(form.body, /<option value="pt-BR" selected="">Brazilian Portuguese \(pt-BR\)<\/option>/);
  });
});

describe('revisions carry the language', () => {
  let gazette: TestGazette;
  before(async () => {
    gazette = await buildTestApp();
  });
  after(() => gazette.close());

  test('restoring a revision restores its language, and one saved before languages existed means the site’s', async () => {
    const deps = { db: gazette.database.db, clock: { now: () => testNow }, changes: gazette.changes };
    const world = (await findSectionBySlug(gazette.database.db, 'world'))!;
    const input = { headline: 'Tehran book fair opens', sectionId: world.id, authorIds: [], tagIds: [] };
    const draft = await createArticle(deps, { ...input, language: 'fa' });
    await updateArticle(deps, draft.id, { ...input, language: 'en' });
    const [latest, first] = await listArticleRevisions(gazette.database.db, draft.id);
    assert.equal(latest!.snapshot.language, 'en');
    assert.equal(first!.snapshot.language, 'fa');
    const editor = {
      id: await insertTestUser(gazette.database.db, { email: 'rev@example.org', name: 'Rev Editor', role: 'editor' }, testNow),
      role: 'editor' as const,
    };
    await restoreRevision(deps, draft.id, first!.id, { editor });
    assert.equal((await getArticle(gazette.database.db, draft.id)).language, 'fa');

    // A revision stored before this column existed has no language at all.
    const { language: _dropped, ...older } = first!.snapshot;
    await gazette.database.db
      .updateTable('article_revisions')
      .set({ snapshot: JSON.stringify(older) })
      .where('id', '=', first!.id)
      .execute();
    await restoreRevision(deps, draft.id, first!.id, { editor });
    assert.equal((await getArticle(gazette.database.db, draft.id)).language, null);
  });
});

describe('a site whose own language runs right to left', () => {
  let gazette: TestGazette;
  before(async () => {
    gazette = await buildTestApp();
    await gazette.settings.update({ language: 'ar' });
  });
  after(() => gazette.close());

  test('the whole page is right to left, and an English article in it left to right', async () => {
    const deps = { db: gazette.database.db, clock: { now: () => testNow }, changes: gazette.changes };
    const world = (await findSectionBySlug(gazette.database.db, 'world'))!;
    const base = { sectionId: world.id, authorIds: [], tagIds: [], standfirst: 'Standfirst.', bodyHtml: '<p>Body.</p>' };
    const arabic = await createArticle(deps, { ...base, headline: 'خبر عاجل', slug: 'arabic-news' });
    const english = await createArticle(deps, { ...base, headline: 'Breaking news', slug: 'english-news', language: 'en' });
    for (const article of [arabic, english]) await publishArticle(deps, article.id, new Date(testNow.getTime() - 60_000));

    const arabicPage = await gazette.app.inject({ url: '/world/arabic-news' });
    assert.match(arabicPage.body, /<html lang="ar" dir="rtl">/);
    assert.doesNotMatch(openingTag(arabicPage.body, 'article', 'article'), /\b(lang|dir)=/, 'it is in the page’s language already');
    const englishPage = await gazette.app.inject({ url: '/world/english-news' });
    assert.match(englishPage.body, /<html lang="ar" dir="rtl">/);
    const article = openingTag(englishPage.body, 'article', 'article');
    assert.match(article, /\blang="en"/);
    assert.match(article, /\bdir="ltr"/);
  });
});

forEachDialect('the article language column', (dialect) => {
  let gazette: TestGazette;
  before(async () => {
    gazette = await buildTestApp({ dialect });
  });
  after(() => gazette.close());

  test('round-trips, is cleared to the site’s language, and reaches the page', async () => {
    const deps = { db: gazette.database.db, clock: { now: () => testNow }, changes: gazette.changes };
    const world = (await findSectionBySlug(gazette.database.db, 'world'))!;
    const input = { headline: 'Jerusalem light rail extended', slug: 'light-rail-extended', sectionId: world.id, authorIds: [], tagIds: [] };
    const draft = await createArticle(deps, { ...input, language: 'iw' });
    assert.equal((await getArticle(gazette.database.db, draft.id)).language, 'he', 'stored canonical: iw is the old tag for Hebrew');
    await publishArticle(deps, draft.id, new Date(testNow.getTime() - 60_000));
    const page = await gazette.app.inject({ url: '/world/light-rail-extended' });
    assert.match(openingTag(page.body, 'article', 'article'), /lang="he" dir="rtl"/);
    await updateArticle(deps, draft.id, { ...input, language: '' });
    assert.equal((await getArticle(gazette.database.db, draft.id)).language, null);
  });
});
