import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { commentOn, postedCommentId, setCommentPolicy } from '../helpers/comment-forms.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

describe('reader page addresses and the page cache', () => {
  let gazette: TestGazette;
  /** An article with two approved comments, one page of them. */
  let articlePath: string;
  let approvedIds: number[];
  /** A comment on another article, and one still pending on this one. */
  let elsewhereId: number;
  let pendingId: number;
  /** An article open for comments with none yet, for several pages of them. */
  let longPath: string;
  /** How many pages were rendered into the cache since the counter was last read. */
  let stores = 0;

  const post = (path: string, n: number) =>
    commentOn(
      gazette,
      path,
      { name: `Reader ${n}`, email: `reader-${n}@example.com`, comment: `Comment ${n} on the story.` },
      { remoteAddress: `198.51.100.${n}` },
    );

  before(async () => {
    gazette = await buildTestApp({ commentsPerMinute: 1000 });
    const home = await gazette.app.inject({ url: '/' });
    const paths = [...home.body.matchAll(/<main[\s\S]*?href="(\/[a-z-]+\/[a-z0-9-]+)"/g)].map((match) => match[1]!);
    const links = [...new Set([...home.body.matchAll(/href="(\/(?:world|politics|science|culture)\/[a-z0-9-]+)"/g)].map((match) => match[1]!))];
    articlePath = paths[0]!;
    const [otherPath, ...rest] = links.filter((path) => path !== articlePath);
    for (const path of rest) {
      if ((await gazette.app.inject({ url: path })).body.includes('<form class="comment-form"')) {
        longPath = path;
        break;
      }
    }
    await setCommentPolicy(gazette, { moderation: 'publish' });
    approvedIds = [postedCommentId(await post(articlePath, 1)), postedCommentId(await post(articlePath, 2))];
    elsewhereId = postedCommentId(await post(otherPath!, 3));
    await setCommentPolicy(gazette, { moderation: 'hold-all' });
    pendingId = postedCommentId(await post(articlePath, 4));

    const store = gazette.pages.store.bind(gazette.pages);
    gazette.pages.store = (key, built) => {
      stores += 1;
      return store(key, built);
    };
  });
  after(() => gazette.close());

  function takeStores(): number {
    const count = stores;
    stores = 0;
    return count;
  }

  test('1,200 distinct ?comments-page=N on an article with one page of comments: each a redirect to that page, no render, no new cache entry', async () => {
    assert.equal((await gazette.app.inject({ url: articlePath })).statusCode, 200);
    takeStores();
    const entries = gazette.pages.size;
    for (let page = 2; page <= 1201; page += 1) {
      const response = await gazette.app.inject({ url: `${articlePath}?comments-page=${page}` });
      assert.equal(response.statusCode, 302, `page ${page}`);
      assert.equal(response.headers.location, articlePath, `page ${page}`);
      assert.equal(response.body, '');
    }
    assert.equal(takeStores(), 0, 'no page was rendered');
    assert.equal(gazette.pages.size, entries, 'the cache holds no new entry');
  });

  test('?replyto= with ids not open to replies here is a redirect without a render; a real one is rendered once and cached', async () => {
    assert.equal((await gazette.app.inject({ url: articlePath })).statusCode, 200);
    takeStores();
    const entries = gazette.pages.size;
    const madeUp = [...Array.from({ length: 300 }, (_, index) => 1_000_000 + index * 7919), elsewhereId, pendingId];
    for (const id of madeUp) {
      const response = await gazette.app.inject({ url: `${articlePath}?replyto=${id}` });
      assert.equal(response.statusCode, 302, `replyto=${id}`);
      assert.equal(response.headers.location, articlePath);
    }
    assert.equal(takeStores(), 0, 'no page was rendered');
    assert.equal(gazette.pages.size, entries);

    const first = await gazette.app.inject({ url: `${articlePath}?replyto=${approvedIds[0]}` });
    const second = await gazette.app.inject({ url: `${articlePath}?replyto=${approvedIds[0]}` });
    assert.equal(first.statusCode, 200);
    assert.match(first.body, new RegExp(`<input type="hidden" name="parent_id" value="${approvedIds[0]}"`));
    assert.match(first.body, /Reply to <bdi>Reader 1<\/bdi>/);
    assert.match(String(first.headers['cache-control']), /public/);
    assert.equal(second.headers.etag, first.headers.etag);
    assert.equal(takeStores(), 1, 'the reply form was rendered once, then served from the cache');
  });

  test('the default order, page 1 and unknown parameters share the canonical page’s cache entry', async () => {
    const canonical = await gazette.app.inject({ url: articlePath });
    takeStores();
    const entries = gazette.pages.size;
    for (const query of ['comments=oldest', 'comments-page=1', 'comments=oldest&comments-page=1', 'utm_source=newsletter', 'fbclid=abc123']) {
      const response = await gazette.app.inject({ url: `${articlePath}?${query}` });
      assert.equal(response.statusCode, 200, query);
      assert.equal(response.headers.etag, canonical.headers.etag, query);
    }
    assert.equal(takeStores(), 0);
    assert.equal(gazette.pages.size, entries);
  });

  test('section, topic and author pages past the last one: 404, nothing rendered into the cache', async () => {
    const home = await gazette.app.inject({ url: '/' });
    const lists = ['/world', ...[...new Set([...home.body.matchAll(/href="(\/(?:tag|author)\/[a-z0-9-]+)"/g)].map((match) => match[1]!))].slice(0, 2)];
    takeStores();
    const entries = gazette.pages.size;
    for (const list of lists) {
      for (let page = 50; page < 250; page += 1) {
        assert.equal((await gazette.app.inject({ url: `${list}?page=${page}` })).statusCode, 404, `${list}?page=${page}`);
      }
    }
    assert.equal(takeStores(), 0);
    assert.equal(gazette.pages.size, entries);
  });

  test('with two pages of comments: a page past the last goes to the last, and a reply form opens on the page showing its comment', async () => {
    await setCommentPolicy(gazette, { moderation: 'publish', perPage: 5 });
    try {
      const ids: number[] = [];
      for (let n = 20; n < 27; n += 1) ids.push(postedCommentId(await post(longPath, n)));
      const answer = (query: string) => gazette.app.inject({ url: `${longPath}?${query}` });
      // Oldest first, five threads a page: the last two comments are on page 2.
      const second = await answer('comments-page=2');
      assert.equal(second.statusCode, 200);
      assert.match(second.body, new RegExp(`<a class="comment__reply" href="\\?comments-page=2&amp;replyto=${ids[6]}#respond"`));
      for (const [query, location] of [
        ['comments-page=3', 'comments-page=2'],
        ['comments-page=99999', 'comments-page=2'],
        [`replyto=${ids[6]}`, `comments-page=2&replyto=${ids[6]}`],
        [`comments-page=2&replyto=${ids[0]}`, `replyto=${ids[0]}`],
        [`comments=newest&comments-page=2&replyto=${ids[6]}`, `comments=newest&replyto=${ids[6]}`],
      ] as const) {
        const response = await answer(query);
        assert.equal(response.statusCode, 302, query);
        assert.equal(response.headers.location, `${longPath}?${location}`, query);
      }
      const replyForm = await answer(`comments-page=2&replyto=${ids[6]}`);
      assert.equal(replyForm.statusCode, 200);
      assert.match(replyForm.body, new RegExp(`<li id="comment-${ids[6]}"`), 'the comment answered is on the page');
      assert.match(replyForm.body, new RegExp(`<input type="hidden" name="parent_id" value="${ids[6]}"`));
    } finally {
      await setCommentPolicy(gazette, { moderation: 'hold-all', perPage: 50 });
    }
  });
});
