import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createArticle, getArticle, publishArticle, updateArticle } from '../../src/articles/index.ts';
import { findSectionBySlug } from '../../src/sections/index.ts';
import { findOrCreateTags } from '../../src/tags/index.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

let gazette: TestGazette;
before(async () => {
  gazette = await buildTestApp();
});
after(() => gazette.close());

const deps = () => ({ db: gazette.database.db, clock: { now: () => testNow }, changes: gazette.changes });

async function publishedArticle(headline: string, tagNames: readonly string[] = []) {
  const world = (await findSectionBySlug(gazette.database.db, 'world'))!;
  const { tags } = await findOrCreateTags(gazette.database.db, tagNames, { mayCreate: true });
  const draft = await createArticle(deps(), {
    headline,
    standfirst: 'Standfirst.',
    bodyHtml: '<p>Body.</p>',
    sectionId: world.id,
    authorIds: [],
    tagIds: tags.map((tag) => tag.id),
  });
  return publishArticle(deps(), draft.id, new Date(testNow.getTime() - 60_000));
}

test('a Korean headline keeps its words in the address, and the page answers at it (issue: slugs collapsed to "untitled")', async () => {
  const first = await publishedArticle('부산항 화물 터미널에서 화재');
  const second = await publishedArticle('부산 시민 대피 완료');
  assert.equal(first.slug, '부산항-화물-터미널에서-화재');
  assert.equal(second.slug, '부산-시민-대피-완료');
  const encoded = `/world/${encodeURIComponent(first.slug)}`;
  const page = await gazette.app.inject({ url: encoded });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1 class="article__headline">부산항 화물 터미널에서 화재<\/h1>/);
  assert.ok(page.body.includes(`href="https://news.example${encoded}"`), 'the canonical link is the percent-encoded address');
  const home = await gazette.app.inject({ url: '/' });
  assert.ok(home.body.includes(`href="${encoded}"`), 'the home page links to it, percent-encoded');
});

test('an Arabic headline is not transliterated', async () => {
  const article = await publishedArticle('حريق في مستودع القاهرة');
  assert.equal(article.slug, 'حريق-في-مستودع-القاهرة');
  assert.equal((await gazette.app.inject({ url: `/world/${encodeURIComponent(article.slug)}` })).statusCode, 200);
});

test('non-Latin tags stay apart: 화재 and 부산 are two tags, each found again by its own name (issue: the second was swapped for the first)', async () => {
  const first = await publishedArticle('항만 화재 속보', ['화재', '부산']);
  assert.deepEqual(
    first.tags.map((tag) => [tag.name, tag.slug]),
    [
      ['화재', '화재'],
      ['부산', '부산'],
    ],
  );
  const later = await publishedArticle('부산 날씨', ['부산']);
  assert.deepEqual(
    later.tags.map((tag) => tag.name),
    ['부산'],
  );
  const tagPage = await gazette.app.inject({ url: `/tag/${encodeURIComponent('부산')}` });
  assert.equal(tagPage.statusCode, 200);
  assert.match(tagPage.body, /부산 날씨/);
  assert.match(tagPage.body, /항만 화재 속보/);
});

test('a renamed Korean article answers its old address with a 301 whose Location is plain ASCII', async () => {
  const article = await publishedArticle('해운대 축제 개막');
  const full = await getArticle(gazette.database.db, article.id);
  await updateArticle(deps(), article.id, {
    headline: full.headline,
    slug: '해운대-축제-연기',
    sectionId: full.section!.id,
    authorIds: [],
    tagIds: [],
    bodyHtml: full.bodyHtml,
  });
  const old = await gazette.app.inject({ url: `/world/${encodeURIComponent('해운대-축제-개막')}` });
  assert.equal(old.statusCode, 301);
  assert.equal(old.headers.location, `/world/${encodeURIComponent('해운대-축제-연기')}`);
  assert.match(String(old.headers.location), /^[\x21-\x7e]+$/);
});

test('sitemaps list non-Latin addresses percent-encoded, as the protocol asks', async () => {
  const article = await publishedArticle('서울 야시장');
  const index = await gazette.app.inject({ url: '/sitemap.xml' });
  const monthly = [...index.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  const bodies = await Promise.all(monthly.map(async (path) => (await gazette.app.inject({ url: path })).body));
  assert.ok(bodies.some((body) => body.includes(`/world/${encodeURIComponent(article.slug)}</loc>`)));
});
