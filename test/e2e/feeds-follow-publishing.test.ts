import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createArticle, getArticle, publishArticle, unpublishArticle, updateArticle } from '../../src/articles/index.ts';
import { type FeedSubject, feedFormats, feedUrl } from '../../src/platform/urls.ts';
import { findOrCreateTag } from '../../src/tags/index.ts';
import { fetchAllSitemaps, fetchOk, readFeedItems, sitemapPaths } from '../helpers/feeds.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

let gazette: TestGazette;
let worldId: number;
let authorId: number;
let authorSlug: string;

before(async () => {
  gazette = await buildTestApp();
  const db = gazette.database.db;
  worldId = (await db.selectFrom('sections').select('id').where('slug', '=', 'world').executeTakeFirstOrThrow()).id;
  const author = await db.selectFrom('authors').select(['id', 'slug']).orderBy('id').executeTakeFirstOrThrow();
  authorId = author.id;
  authorSlug = author.slug;
});
after(() => gazette.close());

const minutesLater = (minutes: number) => new Date(testNow.getTime() + minutes * 60_000);
const deps = () => ({ db: gazette.database.db, clock: gazette.site.clock, changes: gazette.changes });

/** Every feed and sitemap the story could appear in, fetched now, by path. */
async function everyDocument(tagSlug: string): Promise<Map<string, string>> {
  const subjects: FeedSubject[] = [{ kind: 'site' }, { kind: 'section', slug: 'world' }, { kind: 'tag', slug: tagSlug }, { kind: 'author', slug: authorSlug }];
  const documents = await fetchAllSitemaps(gazette);
  for (const subject of subjects) {
    for (const format of feedFormats) documents.set(feedUrl(subject, format), (await fetchOk(gazette, feedUrl(subject, format))).body);
  }
  return documents;
}

function feedsIn(documents: Map<string, string>): [string, string][] {
  return [...documents].filter(([path]) => !path.startsWith('/sitemap'));
}

function sitemapsIn(documents: Map<string, string>): string[] {
  return [...documents].filter(([path]) => path.startsWith('/sitemap')).flatMap(([, body]) => sitemapPaths(body));
}

test('publish, edit and unpublish reach every feed and sitemap on the next request; drafts and scheduled never do', async () => {
  const tag = await findOrCreateTag(gazette.database.db, { name: 'Lighthouse keepers' });
  const story = { sectionId: worldId, authorIds: [authorId], tagIds: [tag.id], standfirst: 'Keepers walk out.', bodyHtml: '<p>Keepers walk out.</p>' };
  await everyDocument(tag.slug); // every document is cached before anything changes

  const draft = await createArticle(deps(), { ...story, headline: 'Lighthouse keepers vote to strike', slug: 'lighthouse-strike' });
  const scheduled = await createArticle(deps(), { ...story, headline: 'Lighthouse museum to open', slug: 'lighthouse-museum' });
  await publishArticle(deps(), scheduled.id, minutesLater(24 * 60));
  const guid = `tag:news.example,2026:article:${draft.id}`;
  const hidden = [
    'Lighthouse keepers vote to strike',
    '/world/lighthouse-strike',
    'Lighthouse museum to open',
    '/world/lighthouse-museum',
    `article:${draft.id}<`,
    `article:${scheduled.id}<`,
  ];
  let documents = await everyDocument(tag.slug);
  for (const [path, body] of documents) {
    for (const text of hidden) assert.equal(body.includes(text), false, `${path} shows "${text}" before publication`);
  }
  assert.equal(sitemapsIn(documents).includes(`/tag/${tag.slug}`), false, 'a tag with only unpublished stories is not in the sitemaps');

  const before = await fetchOk(gazette, '/feed.xml');
  const culture = await fetchOk(gazette, '/culture/feed.xml');
  gazette.setNow(minutesLater(1));
  await publishArticle(deps(), draft.id);
  const afterPublish = await gazette.app.inject({ url: '/feed.xml', headers: { 'if-modified-since': String(before.headers['last-modified']) } });
  assert.equal(afterPublish.statusCode, 200, 'a feed modified since the reader last looked is sent again');
  const untouched = await gazette.app.inject({ url: '/culture/feed.xml', headers: { 'if-none-match': String(culture.headers.etag) } });
  assert.equal(untouched.statusCode, 304, 'a feed that does not list the story stays cached');

  documents = await everyDocument(tag.slug);
  for (const [path, body] of feedsIn(documents)) {
    const items = await readFeedItems(body, path.endsWith('.json') ? 'application/feed+json' : 'application/xml');
    const item = items.find((candidate) => candidate.id === guid);
    assert.equal(item?.title, 'Lighthouse keepers vote to strike', path);
    assert.equal(item?.url, 'https://news.example/world/lighthouse-strike', path);
  }
  for (const path of ['/world/lighthouse-strike', `/tag/${tag.slug}`]) assert.ok(sitemapsIn(documents).includes(path), path);
  assert.ok(sitemapPaths(documents.get('/sitemaps/news.xml')!).includes('/world/lighthouse-strike'));
  assert.ok(sitemapPaths(documents.get('/sitemaps/articles-2026-11.xml')!).includes('/world/lighthouse-strike'));

  gazette.setNow(minutesLater(2));
  const published = await getArticle(gazette.database.db, draft.id);
  await updateArticle(deps(), draft.id, {
    ...story,
    headline: 'Lighthouse keepers call off strike',
    slug: 'lighthouse-strike-off',
    featuredMediaId: published.image?.id ?? null,
  });
  documents = await everyDocument(tag.slug);
  for (const [path, body] of feedsIn(documents)) {
    const items = await readFeedItems(body, path.endsWith('.json') ? 'application/feed+json' : 'application/xml');
    const item = items.find((candidate) => candidate.id === guid);
    assert.equal(item?.title, 'Lighthouse keepers call off strike', `${path}: same GUID, new headline`);
    assert.equal(item?.url, 'https://news.example/world/lighthouse-strike-off', path);
  }
  assert.ok(sitemapsIn(documents).includes('/world/lighthouse-strike-off'));
  assert.equal(sitemapsIn(documents).includes('/world/lighthouse-strike'), false, 'the old address is gone from the sitemaps');

  gazette.setNow(minutesLater(3));
  await unpublishArticle(deps(), draft.id);
  documents = await everyDocument(tag.slug);
  for (const [path, body] of documents) {
    for (const text of [guid, '/world/lighthouse-strike', 'Lighthouse keepers call off strike']) {
      assert.equal(body.includes(text), false, `${path} still shows "${text}" after unpublishing`);
    }
  }
  assert.equal(sitemapsIn(documents).includes(`/tag/${tag.slug}`), false);
  gazette.setNow(testNow);
});

test('the news sitemap lets a story go when it turns 48 hours old, with nothing else changing', async () => {
  const fresh = sitemapPaths((await fetchOk(gazette, '/sitemaps/news.xml')).body);
  assert.ok(fresh.length > 0);
  gazette.setNow(new Date(testNow.getTime() + 49 * 60 * 60 * 1000));
  try {
    assert.deepEqual(sitemapPaths((await fetchOk(gazette, '/sitemaps/news.xml')).body), []);
    assert.equal(sitemapPaths((await fetchOk(gazette, '/sitemap.xml')).body)[0], '/sitemaps/news.xml', 'still named, and empty');
  } finally {
    gazette.setNow(testNow);
  }
});
