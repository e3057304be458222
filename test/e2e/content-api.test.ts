import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { type ArticleDeps, createArticle, publishArticle, trashArticle, unpublishArticle, updateArticle } from '../../src/articles/index.ts';
import { createAuthor } from '../../src/authors/index.ts';
import { savePage } from '../../src/pages/index.ts';
import { updateSection } from '../../src/sections/index.ts';
import { findOrCreateTag } from '../../src/tags/index.ts';
import { commentOn, postedCommentId, seedCommentThread, setCommentPolicy } from '../helpers/comment-forms.ts';
import { expectInjectedResponseMatchesOpenApi, fetchOpenApiDocument, type OpenApiDocument } from '../helpers/openapi.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

// The Content API over HTTP on the demo newsroom. Every answer is held to the OpenAPI document;
// test/e2e/content-api-lists.test.ts pages through the lists on each database.

interface Entry {
  readonly id: number;
  readonly [field: string]: unknown;
}

interface Problem {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors?: Record<string, string>;
}

/** An app on the demo newsroom and a GET that checks each answer against the OpenAPI document. */
async function openApi(env: Record<string, string> = {}) {
  const gazette = await buildTestApp({ commentsPerMinute: 1000, env: { GAZETTE_CONTENT_API_PER_MINUTE: '100000', ...env } });
  const document: OpenApiDocument = await fetchOpenApiDocument(gazette.app);
  const get = async (path: string, options: { headers?: Record<string, string>; remoteAddress?: string; method?: 'GET' | 'HEAD' } = {}) => {
    const response = await gazette.app.inject({
      method: options.method ?? 'GET',
      url: `/api/v1${path}`,
      headers: options.headers ?? {},
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    });
    // A HEAD answer has the GET's headers and no body, which the document does not describe apart.
    if (options.method !== 'HEAD') expectInjectedResponseMatchesOpenApi(document, response);
    return response;
  };
  const json = async <T>(path: string): Promise<T> => {
    const response = await get(path);
    assert.equal(response.statusCode, 200, `${path}: ${response.body.slice(0, 300)}`);
    return response.json<T>();
  };
  const deps: ArticleDeps = { db: gazette.database.db, clock: gazette.site.clock, changes: gazette.changes };
  return { gazette, document, get, json, deps };
}

function expectProblem(response: LightMyRequestResponse, status: number, code?: string): Problem {
  assert.equal(response.statusCode, status, response.body.slice(0, 300));
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  const problem = response.json<Problem>();
  assert.equal(problem.status, status);
  if (code) assert.equal(problem.code, code);
  return problem;
}

async function sectionIds(gazette: TestGazette): Promise<Record<string, number>> {
  const rows = await gazette.database.db.selectFrom('sections').select(['id', 'slug']).execute();
  return Object.fromEntries(rows.map((row) => [row.slug, row.id]));
}

const hoursAgo = (hours: number) => new Date(testNow.getTime() - hours * 3_600_000);

describe('the Content API reads what readers see', () => {
  let api: Awaited<ReturnType<typeof openApi>>;
  let pageIds: Record<string, number>;

  before(async () => {
    api = await openApi();
    const pageDeps = { db: api.gazette.database.db, clock: api.gazette.site.clock, changes: api.gazette.changes };
    const save = (parentId: number | null, slug: string, status: 'published' | 'draft') =>
      savePage(pageDeps, { parentId, slug, title: `Page ${slug}`, bodyHtml: `<p>About ${slug}.</p><script>alert(1)</script>`, status });
    const about = await save(null, 'about', 'published');
    const team = await save(about.id, 'team', 'published');
    const secret = await save(null, 'secret', 'draft');
    const hidden = await save(secret.id, 'hidden', 'published');
    pageIds = { about: about.id, team: team.id, secret: secret.id, hidden: hidden.id };
  });
  after(() => api.gazette.close());

  test('GET /api/v1/articles answers { articles, next }, newest first, each with id, headline and url', async () => {
    const body = await api.json<{ articles: Entry[]; next: string | null }>('/articles');
    assert.deepEqual(Object.keys(body).sort(), ['articles', 'next']);
    assert.equal(body.articles.length, 14, 'the demo’s fourteen articles fit the first page of twenty');
    assert.equal(body.next, null);
    for (const article of body.articles) {
      assert.equal(typeof article.id, 'number');
      assert.equal(typeof article.headline, 'string');
      assert.match(String(article.url), /^https:\/\/news\.example\/(world|politics|science|culture)\/[a-z0-9-]+$/);
    }
    assert.equal(body.articles[0]!.url, 'https://news.example/culture/cape-town-womens-football-final-sells-out');
    const times = body.articles.map((article) => Date.parse(String(article.publishedAt)));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    // The URLs are the reader site's own.
    assert.equal((await api.gazette.app.inject({ url: new URL(String(body.articles[0]!.url)).pathname })).statusCode, 200);
  });

  test('filters by section, tag, author and updated_since, together too; an unknown slug is a 400', async () => {
    const ids = async (query: string) => (await api.json<{ articles: Entry[] }>(`/articles?limit=100&${query}`)).articles.map((article) => article.id);
    const world = await api.json<{ articles: Entry[] }>('/articles?section=world&fields=section');
    assert.equal(world.articles.length, 4);
    assert.ok(world.articles.every((article) => (article.section as { slug: string }).slug === 'world'));

    const climate = await api.json<{ slug: string; articleCount: number }>('/tags/climate');
    const tagged = await api.json<{ articles: Entry[] }>('/articles?tag=climate&fields=tags');
    assert.equal(tagged.articles.length, climate.articleCount);
    assert.ok(tagged.articles.every((article) => (article.tags as { slug: string }[]).some((tag) => tag.slug === 'climate')));

    const [author] = (await api.json<{ authors: { slug: string; articleCount: number }[] }>('/authors')).authors;
    const bylined = await api.json<{ articles: Entry[] }>(`/articles?author=${author!.slug}&fields=bylines`);
    assert.equal(bylined.articles.length, author!.articleCount);
    assert.ok(bylined.articles.every((article) => (article.bylines as { slug: string }[]).some((byline) => byline.slug === author!.slug)));

    const all = (await api.json<{ articles: Entry[] }>('/articles?fields=updatedAt')).articles;
    const since = all.map((article) => String(article.updatedAt)).sort()[7]!;
    const expected = all.filter((article) => String(article.updatedAt) >= since).map((article) => article.id);
    assert.deepEqual(await ids(`updated_since=${encodeURIComponent(since)}`), expected);
    // The same instant written with an offset, to the second.
    const second = Math.floor(Date.parse(since) / 1000) * 1000;
    const withOffset = `${new Date(second + 3_600_000).toISOString().slice(0, 19)}+01:00`;
    const fromSecond = all.filter((article) => Date.parse(String(article.updatedAt)) >= second).map((article) => article.id);
    assert.deepEqual(await ids(`updated_since=${encodeURIComponent(withOffset)}`), fromSecond);
    assert.equal((await ids('updated_since=2000-01-01')).length, 14);
    assert.equal((await ids('updated_since=2100-01-01')).length, 0);

    const science = await ids('section=science');
    const both = await ids('section=science&tag=climate');
    assert.ok(both.length > 0);
    assert.deepEqual(
      both,
      science.filter((id) => tagged.articles.some((article) => article.id === id)),
    );

    for (const query of ['section=sport', 'tag=no-such-tag', 'author=nobody']) {
      assert.match(expectProblem(await api.get(`/articles?${query}`), 400, 'BAD_REQUEST').detail, /There is no (section|tag|author) "/);
    }
  });

  test('fields= selects fields, id always; an unknown one is a 400 listing the known ones', async () => {
    const { articles } = await api.json<{ articles: Entry[] }>('/articles?fields=headline');
    assert.ok(articles.every((article) => Object.keys(article).join() === 'id,headline'));
    const whole = await api.json<{ articles: Entry[] }>('/articles?limit=2&fields=bodyHtml,%20tags,corrections,dateline,kind,bodyHtml');
    assert.deepEqual(Object.keys(whole.articles[0]!), ['id', 'dateline', 'kind', 'tags', 'bodyHtml', 'corrections']);
    assert.match(String(whole.articles[0]!.bodyHtml), /^\s*<p>/);
    const problem = expectProblem(await api.get('/articles?fields=id,headline,authorEmail'), 400, 'BAD_REQUEST');
    assert.match(problem.detail, /"authorEmail" is not a field/);
    for (const field of ['headline', 'url', 'bodyHtml', 'featuredImage', 'commentCount']) assert.ok(problem.detail.includes(field), field);
  });

  test('one article by id and by the address of its page, with what the page shows', async () => {
    const [first] = (await api.json<{ articles: Entry[] }>('/articles?limit=1')).articles;
    const article = await api.json<Record<string, unknown>>(`/articles/${first!.id}`);
    assert.equal(article.url, first!.url);
    assert.match(String(article.bodyHtml), /<p>/);
    assert.equal(article.dateline, 'CAPE TOWN');
    const image = article.featuredImage as {
      width: number;
      height: number;
      alt: string;
      caption: string;
      credit: string;
      variants: { url: string; type: string }[];
    };
    assert.ok(image.width > 0 && image.height > 0 && image.alt && image.caption && image.credit);
    assert.ok(
      image.variants.some((variant) => variant.type === 'image/avif') && image.variants.every((variant) => variant.url.startsWith('https://news.example/')),
    );
    assert.ok((article.bylines as unknown[]).length > 0 && (article.tags as unknown[]).length > 0);

    const path = new URL(String(first!.url)).pathname;
    for (const given of [path, `${path}/`, String(first!.url), `${first!.url}?utm_source=x#top`, path.slice(1)]) {
      const found = await api.get(`/articles/by-path?path=${encodeURIComponent(given)}`);
      assert.equal(found.statusCode, 200, given);
      assert.equal(found.body, (await api.get(`/articles/${first!.id}`)).body, given);
    }
    for (const given of [
      `https://elsewhere.example${path}`,
      '/culture/no-such-story',
      '/culture',
      'javascript:alert(1)',
      '//evil.example/a/b',
      '/%E0%A4%A/x',
    ]) {
      expectProblem(await api.get(`/articles/by-path?path=${encodeURIComponent(given)}`), 404, 'NOT_FOUND');
    }
    expectProblem(await api.get('/articles/999999'), 404, 'NOT_FOUND');
  });

  test('sections, tags and authors: those with published articles, tags and authors paged by slug', async () => {
    const { sections } = await api.json<{ sections: { slug: string; url: string; articleCount: number }[] }>('/sections');
    assert.deepEqual(
      sections.map((section) => section.slug),
      ['world', 'politics', 'science', 'culture'],
    );
    assert.ok(sections.every((section) => section.articleCount > 0 && section.url === `https://news.example/${section.slug}`));
    assert.equal((await api.json<{ name: string }>('/sections/world')).name, 'World');
    expectProblem(await api.get('/sections/nowhere'), 404, 'NOT_FOUND');

    for (const [list, limit, expected] of [
      ['tags', 4, 11],
      ['authors', 2, 5],
    ] as const) {
      const slugs: string[] = [];
      let next: string | null = null;
      let pages = 0;
      do {
        const page: { [key: string]: unknown; next: string | null } = await api.json(`/${list}?limit=${limit}${next ? `&cursor=${next}` : ''}`);
        slugs.push(...(page[list] as { slug: string }[]).map((item) => item.slug));
        next = page.next;
        pages += 1;
      } while (next && pages < 20);
      assert.equal(slugs.length, expected, list);
      assert.equal(new Set(slugs).size, expected, `${list}: none twice`);
      assert.deepEqual(slugs, [...slugs].sort(), `${list} by slug`);
      assert.equal(pages, Math.ceil(expected / limit));
    }
    const climate = await api.json<{ name: string; url: string; articleCount: number }>('/tags/climate');
    assert.deepEqual([climate.name, climate.url, climate.articleCount], ['Climate', 'https://news.example/tag/climate', 6]);
    const amara = await api.json<{ name: string; url: string; bio: string }>('/authors/amara-okafor');
    assert.equal(amara.url, 'https://news.example/author/amara-okafor');
    expectProblem(await api.get('/tags/no-such-tag'), 404, 'NOT_FOUND');
    expectProblem(await api.get('/authors/nobody'), 404, 'NOT_FOUND');
  });

  test('pages: published ones under published parents, by id or path, bodies sanitised', async () => {
    const { pages } = await api.json<{ pages: { id: number; path: string; parentId: number | null; url: string }[] }>('/pages');
    assert.deepEqual(pages.map((page) => page.path).sort(), ['about', 'about/team']);
    assert.equal(pages.find((page) => page.path === 'about/team')?.parentId, pageIds.about);
    for (const ref of ['about%2Fteam', String(pageIds.team)]) {
      const page = await api.json<{ id: number; url: string; bodyHtml: string }>(`/pages/${ref}`);
      assert.equal(page.id, pageIds.team, ref);
      assert.equal(page.url, 'https://news.example/page/about/team');
      assert.equal(page.bodyHtml, '<p>About team.</p>');
    }
    for (const ref of ['secret', String(pageIds.secret), 'secret%2Fhidden', String(pageIds.hidden), '..%2F..%2Fetc', '0']) {
      expectProblem(await api.get(`/pages/${ref}`), 404, 'NOT_FOUND');
    }
  });

  test('search: the site’s ranking, matches marked, paged, never cached', async () => {
    const found = await api.get('/search?q=glacier');
    assert.equal(found.headers['cache-control'], 'no-store');
    const body = found.json<{ results: { article: Entry; excerpt: string; excerptHtml: string }[]; match: string; next: string | null }>();
    assert.equal(body.match, 'all');
    assert.match(String(body.results[0]!.article.url), /alpine-glacier-lost-tenth-of-ice-in-one-summer$/);
    assert.match(body.results[0]!.excerptHtml, /<mark>[Gg]lacier/);
    assert.ok(!body.results[0]!.excerpt.includes('<mark>'));

    const first = await api.json<{ results: { article: Entry }[]; next: string }>('/search?q=climate%20water&limit=1');
    assert.ok(first.next, 'more than one result');
    const second = await api.json<{ results: { article: Entry }[] }>(`/search?q=climate%20water&cursor=${first.next}`);
    assert.equal(second.results.length, 1, 'the cursor keeps the first page’s size');
    assert.notEqual(second.results[0]!.article.id, first.results[0]!.article.id);
    assert.equal((await api.json<{ results: unknown[] }>('/search?q=glacier&section=culture')).results.length, 0);
    assert.deepEqual(await api.json('/search?q=the%20and%20of'), { results: [], match: null, total: 0, more: false, next: null });
    expectProblem(await api.get('/search?q=glacier&section=nowhere'), 400, 'BAD_REQUEST');
    expectProblem(await api.get('/search'), 422, 'VALIDATION_FAILED');
  });

  test('a malformed cursor is a 400 saying what to send; a limit out of range a 422 naming it', async () => {
    const tagsNext = (await api.json<{ next: string }>('/tags?limit=1')).next;
    for (const [path, cursor] of [
      ['/articles', 'garbage'],
      ['/articles', tagsNext],
      ['/articles', Buffer.from('["articles","yesterday",3]').toString('base64url')],
      ['/tags', 'eyJ'],
      ['/authors', tagsNext],
      ['/search?q=climate&', 'x'.repeat(5000)],
    ] as const) {
      const problem = expectProblem(await api.get(`${path}${path.includes('?') ? '' : '?'}cursor=${cursor}`), 400, 'BAD_REQUEST');
      assert.match(problem.detail, /Pass the "next" value/);
    }
    const [article] = (await api.json<{ articles: Entry[] }>('/articles?limit=1')).articles;
    expectProblem(await api.get(`/articles/${article!.id}/comments?cursor=nope`), 400, 'BAD_REQUEST');
    for (const limit of ['0', '101', '-1', 'abc', '1.5', '1e9']) {
      const problem = expectProblem(await api.get(`/articles?limit=${limit}`), 422, 'VALIDATION_FAILED');
      assert.ok(problem.errors?.['querystring.limit'], limit);
    }
  });

  test('hostile query strings and addresses get a 4xx problem, never a 500', async () => {
    const hostile = [
      '/articles?section=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      '/articles?section=..%2F..%2Fetc%2Fpasswd',
      "/articles?tag=x'%20OR%201=1--",
      '/articles?section=world&section=politics',
      '/articles?limit=5&limit=6',
      `/articles?fields=${'headline,'.repeat(200)}`,
      '/articles?fields=__proto__',
      '/articles?fields=constructor',
      '/articles?cursor=%00%00%00',
      `/articles?cursor=${Buffer.from('{"__proto__":{"admin":true}}').toString('base64url')}`,
      '/articles?updated_since=yesterday',
      '/articles?updated_since=2026-02-30',
      '/articles?updated_since=2026-11-27T10:00:00',
      `/articles?updated_since=${'9'.repeat(100)}`,
      '/articles/-1',
      '/articles/99999999999',
      "/articles/1'%20OR%201=1",
      '/articles/1/comments?limit=100000',
      '/articles/by-path',
      `/articles/by-path?path=${'a/'.repeat(1500)}`,
      '/tags/%3Cscript%3E',
      '/authors?limit=0',
      '/pages/%00',
      `/search?q=${'x'.repeat(3000)}`,
      '/search?q=harbour&section=%27',
    ];
    for (const path of hostile) {
      const response = await api.get(path);
      assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${path} answered ${response.statusCode}`);
      expectProblem(response, response.statusCode);
    }
  });

  test('CORS: any origin may read, on GET, HEAD and errors, with a preflight; never on the Admin API', async () => {
    const origin = { origin: 'https://elsewhere.example' };
    for (const method of ['GET', 'HEAD'] as const) {
      const response = await api.get('/articles?limit=1', { headers: origin, method });
      assert.equal(response.headers['access-control-allow-origin'], '*', method);
      assert.match(String(response.headers['access-control-expose-headers']), /ETag/);
    }
    assert.equal((await api.get('/articles/999999', { headers: origin })).headers['access-control-allow-origin'], '*');
    for (const path of ['/api/v1/articles', '/api/v1/articles/12/comments', '/api/v1/tags/climate', '/api/v1/search']) {
      const preflight = await api.gazette.app.inject({
        method: 'OPTIONS',
        url: path,
        headers: { ...origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
      });
      assert.equal(preflight.statusCode, 204, path);
      assert.equal(preflight.headers['access-control-allow-origin'], '*');
      assert.match(String(preflight.headers['access-control-allow-methods']), /\bGET\b/);
      assert.match(String(preflight.headers['access-control-allow-headers']), /If-None-Match/i);
    }
    for (const method of ['GET', 'OPTIONS'] as const) {
      const admin = await api.gazette.app.inject({ method, url: '/api/v1/admin/articles/1', headers: { ...origin, 'access-control-request-method': 'GET' } });
      assert.ok(admin.statusCode >= 400, `${method} admin answered ${admin.statusCode}`);
      assert.equal(admin.headers['access-control-allow-origin'], undefined, `${method} /api/v1/admin`);
    }
  });
});

describe('the Content API never shows what readers cannot see', () => {
  let api: Awaited<ReturnType<typeof openApi>>;
  let hidden: Record<'draft' | 'scheduled' | 'unpublished' | 'trashed', { id: number; path: string }>;
  let thread: Awaited<ReturnType<typeof seedCommentThread>>;
  let commentedId: number;

  before(async () => {
    api = await openApi();
    const { gazette, deps } = api;
    const sections = await sectionIds(gazette);
    const embargoTag = await findOrCreateTag(gazette.database.db, { name: 'Embargoed merger' });
    const ghost = await createAuthor(gazette.database.db, { name: 'Unpublished Writer', slug: 'unpublished-writer' });
    const make = async (slug: string) =>
      createArticle(deps, {
        headline: `Zanzibarine ${slug} story`,
        slug,
        bodyHtml: '<p>Zanzibarine secrets.</p>',
        sectionId: sections.world!,
        authorIds: [ghost.id],
        tagIds: [embargoTag.id],
      });
    const draft = await make('draft-story');
    const scheduled = await make('scheduled-story');
    await publishArticle(deps, scheduled.id, hoursAgo(-5));
    const unpublished = await make('unpublished-story');
    await publishArticle(deps, unpublished.id, hoursAgo(2));
    await unpublishArticle(deps, unpublished.id);
    const trashed = await make('trashed-story');
    await publishArticle(deps, trashed.id, hoursAgo(2));
    await trashArticle(deps, trashed.id);
    hidden = Object.fromEntries(
      Object.entries({ draft, scheduled, unpublished, trashed }).map(([name, article]) => [name, { id: article.id, path: `/world/${article.slug}` }]),
    ) as typeof hidden;

    const [newest] = (await api.json<{ articles: Entry[] }>('/articles?limit=1')).articles;
    commentedId = newest!.id;
    thread = await seedCommentThread(gazette, new URL(String(newest!.url)).pathname);
  });
  after(() => api.gazette.close());

  test('a draft, scheduled, unpublished or trashed article is a 404 problem, and in no list, search or count', async () => {
    for (const [state, { id, path }] of Object.entries(hidden)) {
      for (const url of [`/articles/${id}`, `/articles/${id}/comments`, `/articles/by-path?path=${encodeURIComponent(path)}`]) {
        expectProblem(await api.get(url), 404, 'NOT_FOUND');
      }
      assert.ok(!(await api.get('/articles?limit=100&fields=id')).json<{ articles: Entry[] }>().articles.some((article) => article.id === id), state);
    }
    assert.equal((await api.json<{ results: unknown[] }>('/search?q=zanzibarine')).results.length, 0);
    assert.equal((await api.json<{ articles: unknown[] }>('/articles?section=world')).articles.length, 4);
    expectProblem(await api.get('/tags/embargoed-merger'), 404, 'NOT_FOUND');
    expectProblem(await api.get('/authors/unpublished-writer'), 404, 'NOT_FOUND');
    const tags = await api.json<{ tags: { slug: string }[] }>('/tags?limit=100');
    assert.ok(!tags.tags.some((tag) => tag.slug === 'embargoed-merger'));
    const authors = await api.json<{ authors: { slug: string }[] }>('/authors?limit=100');
    assert.ok(!authors.authors.some((author) => author.slug === 'unpublished-writer'));
    // The filter still knows the tag, and finds nothing published under it.
    assert.deepEqual((await api.json<{ articles: unknown[] }>('/articles?tag=embargoed-merger')).articles, []);
  });

  test('comments: approved only, oldest first, replies naming their parent, text as the page shows it, paged', async () => {
    const { comments, next } = await api.json<{ comments: (Entry & { parentId: number | null; html: string; text: string })[]; next: null }>(
      `/articles/${commentedId}/comments`,
    );
    assert.deepEqual(
      comments.map((comment) => comment.id),
      [thread.top, thread.reply, thread.deepest, thread.other],
    );
    assert.equal(next, null);
    assert.ok(!comments.some((comment) => comment.id === thread.pending), 'a held comment is not shown');
    assert.deepEqual(
      comments.map((comment) => comment.parentId),
      [null, thread.top, thread.reply, null],
    );
    const [top] = comments;
    assert.equal(top!.authorName, 'Aiko Tanaka');
    assert.equal(top!.authorWebsite, 'https://aiko.example.org/');
    assert.match(top!.text, /^The report is at https:\/\/example\.org\/report/);
    assert.equal(
      top!.html,
      '<p>The report is at <a href="https://example.org/report" rel="nofollow ugc noopener">https://example.org/report</a> and worth reading.</p><p>Second paragraph,<br/>with a line break.</p>',
    );
    assert.equal((await api.json<{ commentCount: number }>(`/articles/${commentedId}`)).commentCount, 4);

    const seen: number[] = [];
    let cursor = '';
    for (let page = 0; page < 3; page++) {
      const body = await api.json<{ comments: Entry[]; next: string | null }>(`/articles/${commentedId}/comments?limit=3${cursor}`);
      seen.push(...body.comments.map((comment) => comment.id));
      if (!body.next) break;
      cursor = `&cursor=${body.next}`;
    }
    assert.deepEqual(seen, [thread.top, thread.reply, thread.deepest, thread.other]);
  });

  test('no answer carries an email or IP address, under any name', async () => {
    const secrets = ['aiko@example.com', 'bruno@example.com', 'chloe@example.com', 'dmitri@example.com', 'esi@example.com', '198.18.0.1', '198.18.0.2'];
    const everything =
      'id,url,headline,standfirst,dateline,language,kind,section,tags,bylines,publishedAt,updatedAt,bodyHtml,featuredImage,corrections,commentCount';
    const paths = [
      '/articles?limit=100',
      `/articles?limit=100&fields=${everything}`,
      '/sections',
      '/tags?limit=100',
      '/authors?limit=100',
      '/pages',
      '/search?q=night',
    ];
    for (const { id } of (await api.json<{ articles: Entry[] }>('/articles?limit=100')).articles)
      paths.push(`/articles/${id}`, `/articles/${id}/comments?limit=100`);
    const keys = new Set<string>();
    const collectKeys = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collectKeys);
      else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) keys.add(key) && collectKeys(item);
    };
    for (const path of paths) {
      const response = await api.get(path);
      assert.equal(response.statusCode, 200, path);
      const text = `${response.body}\n${JSON.stringify(response.headers)}`.toLowerCase();
      for (const secret of secrets) assert.ok(!text.includes(secret), `${path} shows ${secret}`);
      collectKeys(response.json());
    }
    assert.deepEqual(
      [...keys].filter((key) => /email|^ip|address|agent|spam|status/i.test(key)),
      [],
    );
  });
});

describe('Content API answers are cached like reader pages, and dropped by the same changes', () => {
  let api: Awaited<ReturnType<typeof openApi>>;
  let sections: Record<string, number>;

  before(async () => {
    api = await openApi();
    sections = await sectionIds(api.gazette);
  });
  after(() => api.gazette.close());

  const publish = async (slug: string, section = 'science') => {
    const article = await createArticle(api.deps, { headline: `Story ${slug}`, slug, sectionId: sections[section]!, authorIds: [], tagIds: [] });
    return publishArticle(api.deps, article.id, hoursAgo(0.5));
  };

  test('ETag, 304 to If-None-Match, X-Cache, and the reader pages’ Cache-Control', async () => {
    for (const path of ['/articles?limit=3', '/sections', '/tags', '/authors', '/pages', '/tags/climate']) {
      const first = await api.get(path);
      const second = await api.get(path);
      assert.equal(second.headers['x-cache'], 'HIT', path);
      assert.equal(second.headers['cache-control'], 'public, max-age=0, must-revalidate, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400');
      assert.ok(first.headers.etag && second.headers.etag === first.headers.etag, path);
      assert.equal(second.body, first.body);
      const unchanged = await api.get(path, { headers: { 'if-none-match': String(first.headers.etag) } });
      assert.equal(unchanged.statusCode, 304, path);
      assert.equal(unchanged.body, '');
      assert.equal((await api.get(path, { headers: { 'if-none-match': 'W/"other"' } })).statusCode, 200);
    }
    // Parameters are read, not copied: the same answer whatever their order or defaults.
    await api.get('/articles?fields=headline,url&limit=20');
    assert.equal((await api.get('/articles?limit=20&fields=url,%20headline&utm=1')).headers['x-cache'], 'HIT');
    const compressed = await api.gazette.app.inject({ url: '/api/v1/articles', headers: { 'accept-encoding': 'br' } });
    assert.equal(compressed.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(compressed.rawPayload).toString(), (await api.get('/articles')).body);
  });

  test('editing, publishing and trashing an article drop the list and the article', async () => {
    const article = await publish('cache-story');
    const read = async (path: string) => {
      await api.get(path);
      const cached = await api.get(path);
      assert.equal(cached.headers['x-cache'], 'HIT', path);
      return cached;
    };
    const before = await read(`/articles/${article.id}`);
    await read('/articles?section=science');
    await updateArticle(api.deps, article.id, { headline: 'Story cache-story, corrected', sectionId: sections.science!, authorIds: [], tagIds: [] });
    const after = await api.get(`/articles/${article.id}`);
    assert.equal(after.headers['x-cache'], 'MISS');
    assert.notEqual(after.headers.etag, before.headers.etag);
    assert.equal(after.json<{ headline: string }>().headline, 'Story cache-story, corrected');
    assert.equal((await api.json<{ articles: Entry[] }>('/articles?section=science')).articles[0]!.headline, 'Story cache-story, corrected');

    const newer = await publish('newer-story');
    assert.equal((await api.json<{ articles: Entry[] }>('/articles?section=science')).articles[0]!.id, newer.id);
    await read(`/articles/${newer.id}`);
    await trashArticle(api.deps, newer.id);
    expectProblem(await api.get(`/articles/${newer.id}`), 404, 'NOT_FOUND');
    assert.notEqual((await api.json<{ articles: Entry[] }>('/articles?section=science')).articles[0]!.id, newer.id);
  });

  test('an approved comment drops the comments and the count', async () => {
    const [newest] = (await api.json<{ articles: Entry[] }>('/articles?section=culture&limit=1')).articles;
    const path = `/articles/${newest!.id}/comments`;
    await api.get(path);
    assert.equal((await api.get(path)).headers['x-cache'], 'HIT');
    const countBefore = (await api.json<{ commentCount: number }>(`/articles/${newest!.id}`)).commentCount;
    await setCommentPolicy(api.gazette, { moderation: 'publish' });
    const id = postedCommentId(
      await commentOn(api.gazette, new URL(String(newest!.url)).pathname, { name: 'Rui Costa', email: 'rui@example.com', comment: 'Sold out in an hour.' }),
    );
    assert.deepEqual(
      (await api.json<{ comments: Entry[] }>(path)).comments.map((comment) => comment.id),
      [id],
    );
    assert.equal((await api.json<{ commentCount: number }>(`/articles/${newest!.id}`)).commentCount, countBefore + 1);
  });

  test('renaming a section drops what shows its name; its old slug still finds it', async () => {
    await api.get('/sections');
    const [article] = (await api.json<{ articles: Entry[] }>('/articles?section=politics&limit=1')).articles;
    await api.get(`/articles/${article!.id}`);
    await updateSection({ db: api.gazette.database.db, changes: api.gazette.changes, now: testNow }, sections.politics!, {
      name: 'Government',
      slug: 'government',
    });
    const { sections: listed } = await api.json<{ sections: { slug: string; name: string }[] }>('/sections');
    assert.ok(listed.some((section) => section.slug === 'government' && section.name === 'Government'));
    assert.equal((await api.json<{ section: { name: string } }>(`/articles/${article!.id}`)).section.name, 'Government');
    assert.equal((await api.json<{ slug: string }>('/sections/politics')).slug, 'government');
    assert.ok((await api.json<{ articles: unknown[] }>('/articles?section=politics')).articles.length > 0);
    const moved = await api.get(`/articles/by-path?path=${encodeURIComponent(`/politics/${String(article!.url).split('/').pop()}`)}`);
    assert.equal(moved.json<Entry>().id, article!.id, 'an address from before the rename still finds the article');
  });

  test('saving a page drops the pages', async () => {
    await api.get('/pages');
    await savePage(
      { db: api.gazette.database.db, clock: api.gazette.site.clock, changes: api.gazette.changes },
      {
        parentId: null,
        slug: 'contact',
        title: 'Contact',
        bodyHtml: '<p>Write to us.</p>',
        status: 'published',
      },
    );
    assert.deepEqual(
      (await api.json<{ pages: { path: string }[] }>('/pages')).pages.map((page) => page.path),
      ['contact'],
    );
  });
});

describe('the Content API is rate-limited per IP address', () => {
  let api: Awaited<ReturnType<typeof openApi>>;

  before(async () => {
    api = await openApi({ GAZETTE_CONTENT_API_PER_MINUTE: '3' });
  });
  after(() => api.gazette.close());

  test('past the limit: 429 problem with Retry-After; other addresses and the reader site go on', async () => {
    for (let index = 0; index < 3; index++) assert.equal((await api.get('/sections', { remoteAddress: '203.0.113.7' })).statusCode, 200);
    const limited = await api.get('/articles', { remoteAddress: '203.0.113.7' });
    const problem = expectProblem(limited, 429, 'RATE_LIMITED');
    assert.match(problem.detail, /Too many requests/);
    assert.ok(Number(limited.headers['retry-after']) > 0 && Number(limited.headers['retry-after']) <= 60, String(limited.headers['retry-after']));
    assert.equal(limited.headers['access-control-allow-origin'], '*', 'a script elsewhere can read why');
    assert.equal((await api.get('/sections', { remoteAddress: '203.0.113.8' })).statusCode, 200);
    assert.equal((await api.gazette.app.inject({ url: '/', remoteAddress: '203.0.113.7' })).statusCode, 200);
  });
});
