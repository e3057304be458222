import assert from 'node:assert/strict';
import { brotliDecompressSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { createArticle, publishArticle } from '../../src/articles/index.ts';
import { type FeedSubject, feedFormats, feedUrl } from '../../src/platform/urls.ts';
import { fetchAllSitemaps, fetchOk, readFeedItems, sitemapPaths } from '../helpers/feeds.ts';
import { articleLinks, jsonLdBlocks, linksMatching } from '../helpers/html.ts';
import { schemaOrgProblems } from '../helpers/schema-org.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';
import { namespaces, readXml } from '../helpers/xml.ts';

let gazette: TestGazette;
let subjects: FeedSubject[];
let tagPath: string;
let authorPath: string;

before(async () => {
  gazette = await buildTestApp();
  const article = (await fetchOk(gazette, articleLinks((await fetchOk(gazette, '/world')).body)[0]!)).body;
  tagPath = linksMatching(article, /^\/tag\/[a-z0-9-]+$/)[0]!;
  authorPath = linksMatching(article, /^\/author\/[a-z0-9-]+$/)[0]!;
  subjects = [
    { kind: 'site' },
    { kind: 'section', slug: 'world' },
    { kind: 'tag', slug: tagPath.split('/')[2]! },
    { kind: 'author', slug: authorPath.split('/')[2]! },
  ];
});
after(() => gazette.close());

const rootOf = { rss: 'rss', atom: `{${namespaces.atom}}feed` } as const;

test('every feed, for the site, a section, a tag and an author, parses in a feed reader and is well-formed', async () => {
  for (const subject of subjects) {
    for (const format of feedFormats) {
      const url = feedUrl(subject, format);
      const response = await fetchOk(gazette, url);
      const contentType = String(response.headers['content-type']);
      const items = await readFeedItems(response.body, contentType);
      assert.ok(items.length > 0, `${url} has items`);
      for (const item of items) {
        assert.match(item.id, /^tag:news\.example,2026:article:\d+$/, url);
        assert.match(item.url, /^https:\/\/news\.example\/[a-z0-9-]+\/[a-z0-9-]+$/, url);
        assert.ok(item.title.length > 0 && item.title === item.title.trim(), url);
      }
      if (format === 'json') {
        const feed = JSON.parse(response.body);
        assert.equal(contentType, 'application/feed+json; charset=utf-8');
        assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
        assert.equal(typeof feed.title, 'string');
        assert.equal(feed.feed_url, `https://news.example${url}`);
        for (const item of feed.items) assert.ok(typeof item.content_html === 'string' || typeof item.content_text === 'string', url);
        continue;
      }
      const xml = readXml(response.body);
      assert.deepEqual(xml.problems, [], url);
      assert.equal(xml.root, rootOf[format], url);
      assert.ok(xml.elements.has(`{${namespaces.media}}content`), `${url} carries photos as media:content`);
      if (format === 'rss') {
        for (const element of [`{${namespaces.dc}}creator`, `{${namespaces.content}}encoded`, `{${namespaces.atom}}link`])
          assert.ok(xml.elements.has(element), `${url}: ${element}`);
      }
    }
  }
});

test('the feeds list the same articles, newest first, as the pages they sit beside', async () => {
  const page = (await fetchOk(gazette, '/world')).body;
  const items = await readFeedItems((await fetchOk(gazette, '/world/feed.xml')).body, 'application/rss+xml');
  assert.deepEqual(
    items.slice(0, 3).map((item) => new URL(item.url).pathname),
    articleLinks(page).slice(0, 3),
  );
});

test('feeds answer 304 to a matching ETag or If-Modified-Since, and come compressed', async () => {
  for (const url of ['/feed.xml', '/world/feed.atom', `${authorPath}/feed.json`, '/sitemap.xml', '/sitemaps/news.xml']) {
    const first = await fetchOk(gazette, url);
    assert.match(String(first.headers.etag), /^W\/".+"$/);
    const lastModified = String(first.headers['last-modified']);
    assert.equal(new Date(lastModified).toUTCString(), lastModified, `${url} has an HTTP date`);
    assert.equal((await gazette.app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } })).statusCode, 304, url);
    assert.equal((await gazette.app.inject({ url, headers: { 'if-modified-since': lastModified } })).statusCode, 304, url);
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    assert.equal((await gazette.app.inject({ url, headers: { 'if-modified-since': earlier } })).statusCode, 200, url);
    const br = await gazette.app.inject({ url, headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), first.body);
  }
});

test('a standfirst-only newsroom gets feeds without the full text, on the next request', async () => {
  assert.match((await fetchOk(gazette, '/feed.xml')).body, /<content:encoded>/);
  await gazette.settings.update({ feedContent: 'summary' });
  try {
    assert.doesNotMatch((await fetchOk(gazette, '/feed.xml')).body, /<content:encoded>/);
    const [item] = JSON.parse((await fetchOk(gazette, '/world/feed.json')).body).items;
    assert.equal(item.content_html, undefined);
    assert.equal(typeof item.content_text, 'string');
  } finally {
    await gazette.settings.update({ feedContent: 'full' });
  }
});

test('home, section, tag and author pages offer their feeds in the head, and carry valid JSON-LD', async () => {
  const alternates = (html: string) =>
    [...html.matchAll(/<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`);
  const siteFeeds = ['application/rss+xml /feed.xml', 'application/atom+xml /feed.atom', 'application/feed+json /feed.json'];
  assert.deepEqual(alternates((await fetchOk(gazette, '/')).body), siteFeeds);
  const expectations = [
    ['/world', 'CollectionPage'],
    [tagPath, 'CollectionPage'],
    [authorPath, 'ProfilePage'],
  ] as const;
  for (const [path, type] of expectations) {
    const html = (await fetchOk(gazette, path)).body;
    assert.deepEqual(alternates(html), [
      `application/rss+xml ${path}/feed.xml`,
      `application/atom+xml ${path}/feed.atom`,
      `application/feed+json ${path}/feed.json`,
      ...siteFeeds,
    ]);
    const blocks = jsonLdBlocks(html);
    assert.deepEqual(
      blocks.map((block) => block['@type']),
      [type],
      path,
    );
    assert.deepEqual(schemaOrgProblems(blocks[0]), [], path);
  }
  const tagPage = jsonLdBlocks((await fetchOk(gazette, tagPath)).body)[0] as Record<string, any>;
  assert.ok(tagPage.mainEntity.itemListElement.length > 0);
  assert.equal(tagPage.mainEntity.itemListElement[0].position, 1);
});

test('articles carry a BreadcrumbList Home › Section › Article, and all their JSON-LD is valid', async () => {
  const url = articleLinks((await fetchOk(gazette, '/world')).body)[0]!;
  const blocks = jsonLdBlocks((await fetchOk(gazette, url)).body);
  for (const block of blocks) assert.deepEqual(schemaOrgProblems(block), [], String(block['@type']));
  const crumbs = blocks.find((block) => block['@type'] === 'BreadcrumbList') as Record<string, any>;
  assert.deepEqual(
    crumbs.itemListElement.map((item: Record<string, unknown>) => [item.position, item.item]),
    [
      [1, 'https://news.example/'],
      [2, 'https://news.example/world'],
      [3, `https://news.example${url}`],
    ],
  );
  assert.equal(crumbs.itemListElement[1].name, 'World');
});

test('the sitemap index names each sitemap; all are well-formed, namespaced and list exactly the published articles', async () => {
  const documents = await fetchAllSitemaps(gazette);
  const index = readXml(documents.get('/sitemap.xml')!);
  assert.deepEqual(index.problems, []);
  assert.equal(index.root, `{${namespaces.sitemap}}sitemapindex`);
  assert.deepEqual([...documents.keys()].slice(1, 5), ['/sitemaps/news.xml', '/sitemaps/sections.xml', '/sitemaps/tags.xml', '/sitemaps/authors.xml']);
  const monthly = [...documents.keys()].filter((path) => path.startsWith('/sitemaps/articles-'));
  assert.ok(monthly.length > 0);
  for (const [path, body] of documents) {
    if (path === '/sitemap.xml') continue;
    const reading = readXml(body);
    assert.deepEqual(reading.problems, [], path);
    assert.equal(reading.root, `{${namespaces.sitemap}}urlset`, path);
  }
  const monthlyReading = readXml(documents.get(monthly[0]!)!);
  for (const name of ['image', 'loc', 'caption']) assert.ok(monthlyReading.elements.has(`{${namespaces.image}}${name}`), name);
  assert.match(documents.get(monthly[0]!)!, /<lastmod>\d{4}-\d{2}-\d{2}T/);
  const news = readXml(documents.get('/sitemaps/news.xml')!);
  for (const name of ['publication', 'name', 'language', 'publication_date', 'title']) assert.ok(news.elements.has(`{${namespaces.news}}${name}`), name);

  const listed = monthly.flatMap((path) => sitemapPaths(documents.get(path)!)).sort();
  const published = await gazette.database.db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .select(['articles.slug', 'sections.slug as section'])
    .where('articles.status', '=', 'published')
    .execute();
  assert.deepEqual(listed, published.map((row) => `/${row.section}/${row.slug}`).sort());
  assert.ok(sitemapPaths(documents.get('/sitemaps/sections.xml')!).includes('/world'));
  assert.ok(sitemapPaths(documents.get('/sitemaps/tags.xml')!).includes(tagPath));
  assert.ok(sitemapPaths(documents.get('/sitemaps/authors.xml')!).includes(authorPath));
});

test('robots.txt keeps crawlers out of the newsroom and names the sitemaps', async () => {
  const response = await fetchOk(gazette, '/robots.txt');
  assert.equal(response.headers['content-type'], 'text/plain; charset=utf-8');
  assert.match(response.body, /^User-agent: \*\nDisallow: \/admin\/\nDisallow: \/admin\$\n/);
  assert.match(response.body, /\nSitemap: https:\/\/news\.example\/sitemap\.xml\nSitemap: https:\/\/news\.example\/sitemaps\/news\.xml\n/);
});

test('article and section URLs still resolve beside the feed routes, even an article whose slug is "feed"', async () => {
  const deps = { db: gazette.database.db, clock: gazette.site.clock, changes: gazette.changes };
  const sectionId = (await gazette.database.db.selectFrom('sections').select('id').where('slug', '=', 'world').executeTakeFirstOrThrow()).id;
  const article = await createArticle(deps, { headline: 'Feed the harbour cats', slug: 'feed', sectionId, authorIds: [], tagIds: [] });
  await publishArticle(deps, article.id);
  assert.match((await fetchOk(gazette, '/world/feed')).body, /<h1 class="article__headline">Feed the harbour cats<\/h1>/);
  assert.match(String((await fetchOk(gazette, '/world/feed.xml')).headers['content-type']), /^application\/rss\+xml/);
  assert.match(String((await fetchOk(gazette, '/world')).headers['content-type']), /^text\/html/);
  for (const url of [
    '/no-such-section/feed.xml',
    '/tag/no-such-tag/feed.atom',
    '/author/nobody/feed.json',
    '/sitemaps/articles-1999-01.xml',
    '/sitemaps/news-1.xml',
    '/sitemaps/pages.xml',
  ]) {
    assert.equal((await gazette.app.inject({ url })).statusCode, 404, url);
  }
  assert.equal((await gazette.app.inject({ url: '/world/feed.rss' })).statusCode, 400, 'neither a feed nor a valid article slug');
});
