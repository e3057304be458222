import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fetchOk, readFeedItems } from '../helpers/feeds.ts';
import { buildTestApp, testNow } from '../helpers/test-app.ts';

describe('per-article comments feed', () => {
  test('carries approved comments only, follows moderation at once, and never an email', async (t) => {
    const gazette = await buildTestApp();
    t.after(() => gazette.close());
    await gazette.settings.update({ comments: { ...gazette.settings.current().comments, moderation: 'hold-all' } });
    const home = await gazette.app.inject({ url: '/' });
    const path = /<main[\s\S]*?href="(\/[a-z-]+\/[a-z0-9-]+)"/.exec(home.body)![1]!;
    const page = await gazette.app.inject({ url: path });
    assert.match(page.body, new RegExp(`<link rel="alternate" type="application/rss\\+xml" title="[^"]*" href="${path}/comments.xml"`));
    const articleId = /name="article_id" value="(\d+)"/.exec(page.body)![1]!;
    const stamp = /name="stamp" value="([^"]+)"/.exec(page.body)![1]!;

    const empty = await fetchOk(gazette, `${path}/comments.xml`);
    assert.deepEqual(await readFeedItems(empty.body, String(empty.headers['content-type'])), []);

    gazette.setNow(new Date(testNow.getTime() + 10_000));
    const posted = await gazette.app.inject({
      method: 'POST',
      url: '/comments',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      payload: new URLSearchParams({
        article_id: articleId,
        stamp,
        name: 'Iris <b>Feed</b>',
        email: 'iris-feed-secret@example.com',
        comment: 'Held & then approved',
      }).toString(),
    });
    assert.equal(posted.json().status, 'pending');
    for (const format of ['xml', 'atom', 'json']) {
      const feed = await fetchOk(gazette, `${path}/comments.${format}`);
      assert.equal((await readFeedItems(feed.body, String(feed.headers['content-type']))).length, 0, `pending stays out of ${format}`);
    }
    await gazette.database.db.updateTable('comments').set({ status: 'approved' }).execute();
    gazette.changes.announce([`article:${articleId}`]);
    for (const format of ['xml', 'atom', 'json']) {
      const feed = await fetchOk(gazette, `${path}/comments.${format}`);
      const items = await readFeedItems(feed.body, String(feed.headers['content-type']));
      assert.equal(items.length, 1, format);
      assert.equal(items[0]!.title, 'Comment by Iris <b>Feed</b>');
      assert.match(items[0]!.url, new RegExp(`${path}#comment-${posted.json().id}$`));
      assert.doesNotMatch(feed.body, /iris-feed-secret/i);
    }
    assert.equal((await gazette.app.inject({ url: '/world/no-such-article/comments.xml' })).statusCode, 404);
  });
});
