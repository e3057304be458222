import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type ArticleDeps, createArticle, publishArticle } from '../../src/articles/index.ts';
import { commentOn, postedCommentId, setCommentPolicy } from '../helpers/comment-forms.ts';
import { forEachDialect } from '../helpers/databases.ts';
import { expectInjectedResponseMatchesOpenApi, fetchOpenApiDocument, type OpenApiDocument } from '../helpers/openapi.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

// The Content API's lists and their cursors on each database: the keyset (published_at, id) and
// the ordering by slug must page the same way whichever one answers.

interface Page<T> {
  readonly next: string | null;
  readonly [list: string]: T[] | string | null;
}

forEachDialect('Content API lists and cursors', (dialect) => {
  let gazette: TestGazette;
  let document: OpenApiDocument;
  let deps: ArticleDeps;
  let sections: Record<string, number>;

  before(async () => {
    gazette = await buildTestApp({ dialect, commentsPerMinute: 1000, env: { GAZETTE_CONTENT_API_PER_MINUTE: '100000' } });
    document = await fetchOpenApiDocument(gazette.app);
    deps = { db: gazette.database.db, clock: gazette.site.clock, changes: gazette.changes };
    const rows = await gazette.database.db.selectFrom('sections').select(['id', 'slug']).execute();
    sections = Object.fromEntries(rows.map((row) => [row.slug, row.id]));
  });
  after(() => gazette.close());

  async function json<T>(path: string): Promise<T> {
    const response = await gazette.app.inject({ url: `/api/v1${path}` });
    expectInjectedResponseMatchesOpenApi(document, response);
    assert.equal(response.statusCode, 200, `${path}: ${response.body.slice(0, 300)}`);
    return response.json<T>();
  }

  /** Follows `next` from `path` to the end (at most 50 pages), calling `between` after the first page. */
  async function walk(path: string, list: string, between?: () => Promise<void>): Promise<{ id: number; slug?: string }[]> {
    const items: { id: number; slug?: string }[] = [];
    let next: string | null = null;
    for (let page = 0; page < 50; page++) {
      const body: Page<{ id: number; slug?: string }> = await json(`${path}${path.includes('?') ? '&' : '?'}${next ? `cursor=${next}` : ''}`);
      items.push(...(body[list] as { id: number; slug?: string }[]));
      if (page === 0) await between?.();
      next = body.next;
      if (!next) return items;
    }
    throw new Error(`${path}: more than 50 pages`);
  }

  async function publish(headline: string, at: Date, section = 'world') {
    const article = await createArticle(deps, { headline, sectionId: sections[section]!, authorIds: [], tagIds: [] });
    return publishArticle(deps, article.id, at);
  }

  const ids = (items: readonly { id: number }[]) => items.map((item) => item.id);

  test('pages newest first across page boundaries while an article is published: none repeated, none skipped', async () => {
    const before = ids((await json<{ articles: { id: number }[] }>('/articles?limit=100&fields=id')).articles);
    let fresh = 0;
    const paged = await walk('/articles?limit=3&fields=id,publishedAt', 'articles', async () => {
      fresh = (await publish('Ferry timetable changes from Monday', new Date(gazette.site.clock.now().getTime() - 60_000))).id;
    });
    assert.deepEqual(ids(paged), before);
    assert.equal((await json<{ articles: { id: number }[] }>('/articles?limit=1')).articles[0]!.id, fresh, 'a fresh first page starts with it');

    const world = ids((await json<{ articles: { id: number }[] }>('/articles?section=world&limit=100')).articles);
    assert.deepEqual(ids(await walk('/articles?section=world&limit=1', 'articles')), world);
    assert.deepEqual(
      ids(await walk('/articles?tag=climate&updated_since=2000-01-01&limit=2', 'articles')),
      ids((await json<{ articles: { id: number }[] }>('/articles?tag=climate&limit=100')).articles),
    );
  });

  test('articles published at the same instant page by id, none lost at a boundary', async () => {
    const instant = new Date(testNow.getTime() - 30 * 3_600_000);
    const twins = [];
    for (const name of ['one', 'two', 'three', 'four']) twins.push((await publish(`Same-moment story ${name}`, instant, 'science')).id);
    const listed = await walk('/articles?section=science&limit=1&fields=id,publishedAt', 'articles');
    const atInstant = listed.filter((item) => Date.parse(String((item as { publishedAt?: string }).publishedAt)) === instant.getTime());
    assert.deepEqual(
      ids(atInstant),
      [...twins].sort((a, b) => b - a),
    );
    assert.equal(new Set(ids(listed)).size, listed.length);
  });

  test('tags and authors page by slug; comments by time', async () => {
    const tags = await walk('/tags?limit=3', 'tags');
    const allTags = (await json<{ tags: { id: number; slug: string }[] }>('/tags?limit=100')).tags;
    assert.deepEqual(
      tags.map((tag) => tag.slug),
      allTags.map((tag) => tag.slug),
    );
    assert.deepEqual(
      allTags.map((tag) => tag.slug),
      allTags.map((tag) => tag.slug).sort(),
    );
    assert.equal(allTags.length, 11);
    assert.equal((await walk('/authors?limit=2', 'authors')).length, 5);

    const [newest] = (await json<{ articles: { id: number; url: string }[] }>('/articles?section=culture&limit=1')).articles;
    await setCommentPolicy(gazette, { moderation: 'publish' });
    const posted: number[] = [];
    for (const n of [1, 2, 3, 4, 5]) {
      const response = await commentOn(
        gazette,
        new URL(newest!.url).pathname,
        { name: `Reader ${n}`, email: `reader-${n}@example.com`, comment: `Comment number ${n}.` },
        { remoteAddress: `198.51.100.${n}` },
      );
      posted.push(postedCommentId(response));
    }
    assert.deepEqual(ids(await walk(`/articles/${newest!.id}/comments?limit=2`, 'comments')), posted);
  });
});
