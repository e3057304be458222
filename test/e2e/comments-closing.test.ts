import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contentTags } from '../../src/platform/content-changes.ts';
import { commentOn, commentSection, postCommentForm, postedCommentId, readCommentForm } from '../helpers/comment-forms.ts';
import { articleIdOf, assertHas, assertLacks, demo, freshAddress, inputValue, ok, textareaValue, useCommentTestSite } from '../helpers/comment-pages.ts';
import { buildTestApp, testNow } from '../helpers/test-app.ts';

// Closing comments by hand and by age, time passing, and the rate limit.
describe('comments on the reader site', () => {
  const site = useCommentTestSite();

  describe('closing', () => {
    test('an article closed by the newsroom says so, shows no form, and refuses posts', async () => {
      const articleId = await articleIdOf(site.gazette, demo.football);
      await site.setCommentPolicy({ moderation: 'publish' });
      const earlier = postedCommentId(await site.post(demo.football, { ...ok, email: 'before.close@example.com', comment: 'Said before closing.' }));
      await site.setCommentPolicy({ moderation: 'hold-first' });
      const open = await site.gazette.app.inject({ url: demo.football });
      const form = readCommentForm(open.body);
      await site.gazette.database.db.updateTable('articles').set({ comments_open: 0 }).where('id', '=', articleId).execute();
      site.gazette.changes.announce([contentTags.article(articleId)]);
      const closed = await site.gazette.app.inject({ url: demo.football });
      const section = commentSection(closed.body);
      assert.match(section, /Comments are closed on this article\./);
      assertLacks(closed.body, /<form class="comment-form"/);
      assertLacks(closed.body, /comments\.[^"]*\.js|comments\.js/, 'no comment script without a form');
      assert.match(section, new RegExp(`id="comment-${earlier}"`), 'earlier comments stay');
      assert.doesNotMatch(section, /class="comment__reply"/, 'no Reply links on a closed article');
      site.advanceClock(5_000);
      const before = (await site.storedComments()).length;
      const refused = await site.postForm(form, { ...ok, email: 'after.close@example.com', comment: 'Too late.' });
      assert.equal(refused.statusCode, 403);
      assertHas(refused.body, /Comments are closed on this article/);
      const json = await site.postForm(form, { ...ok, email: 'after.close@example.com', comment: 'Too late.' }, { json: true });
      assert.equal(json.statusCode, 403);
      assert.equal((await site.storedComments()).length, before);
    });

    test('an article older than closeAfterDays is closed; setting 0 keeps comments open', async () => {
      const closed = await site.gazette.app.inject({ url: demo.choir });
      assert.match(commentSection(closed.body), /Comments are closed on this article\./);
      await site.setCommentPolicy({ closeAfterDays: 0 });
      try {
        const reopened = await site.gazette.app.inject({ url: demo.choir });
        assertHas(reopened.body, /<form class="comment-form"/);
      } finally {
        await site.setCommentPolicy({ closeAfterDays: 14 });
      }
    });
  });
});

// These move the clock by days, so each has an app of its own.
describe('comments and the passing of time', () => {
  test('comments close by themselves 14 days after publication', async () => {
    const gazette = await buildTestApp({ commentsPerMinute: 1000 });
    try {
      const open = await gazette.app.inject({ url: demo.vancouver });
      const form = readCommentForm(open.body);
      gazette.setNow(new Date('2026-11-27T15:00:01Z'));
      gazette.pages.clear();
      const closed = await gazette.app.inject({ url: demo.vancouver });
      assert.match(commentSection(closed.body), /Comments are closed on this article\./);
      assertLacks(closed.body, /<form class="comment-form"/);
      const response = await postCommentForm(gazette, form, ok, { remoteAddress: freshAddress() });
      assert.equal(response.statusCode, 403);
    } finally {
      await gazette.close();
    }
  });

  test('a page cached before the closing time no longer offers the form after it', async () => {
    const gazette = await buildTestApp({ commentsPerMinute: 1000 });
    try {
      assert.match((await gazette.app.inject({ url: demo.vancouver })).body, /<form class="comment-form"/);
      gazette.setNow(new Date('2026-11-27T15:00:01Z'));
      const later = await gazette.app.inject({ url: demo.vancouver });
      assertLacks(later.body, /<form class="comment-form"/, 'the cached page still offers a form whose posts are refused');
      assertHas(later.body, /Comments are closed on this article\./);
    } finally {
      await gazette.close();
    }
  });

  test('a page cached more than two days ago still carries a form that works', async () => {
    const gazette = await buildTestApp({ commentsPerMinute: 1000 });
    try {
      await gazette.app.inject({ url: demo.busan });
      gazette.setNow(new Date(testNow.getTime() + 3 * 24 * 60 * 60 * 1000));
      const page = await gazette.app.inject({ url: demo.busan });
      const response = await postCommentForm(gazette, readCommentForm(page.body), ok, { remoteAddress: freshAddress() });
      assert.equal(response.statusCode, 303, 'a reader who just opened the page is told the form expired');
    } finally {
      await gazette.close();
    }
  });

  test('over the rate limit (2 a minute): 429 with the form and the text kept', async () => {
    const gazette = await buildTestApp({ commentsPerMinute: 2 });
    try {
      const address = '192.0.2.77';
      for (const n of [1, 2]) {
        const response = await commentOn(gazette, demo.busan, { ...ok, email: `rate-${n}@example.com`, comment: `Allowed ${n}.` }, { remoteAddress: address });
        assert.equal(response.statusCode, 303);
      }
      const text = 'The third one, kept when refused.';
      const limited = await commentOn(gazette, demo.busan, { ...ok, email: 'rate-3@example.com', comment: text }, { remoteAddress: address });
      assert.equal(limited.statusCode, 429);
      assert.equal(textareaValue(limited.body), text);
      assert.equal(inputValue(limited.body, 'email'), 'rate-3@example.com');
      assertHas(limited.body, /<p class="comment-form__message" role="alert">[^<]+<\/p>/);
      const json = await commentOn(
        gazette,
        demo.busan,
        { ...ok, email: 'rate-4@example.com', comment: 'JSON over the limit.' },
        { remoteAddress: address, json: true },
      );
      assert.equal(json.statusCode, 429);
      assert.ok((json.json() as { message: string }).message);

      // Per email too: one commenter from many addresses.
      for (const n of [1, 2]) {
        const response = await commentOn(
          gazette,
          demo.nairobi,
          { ...ok, email: 'roaming@example.com', comment: `Roaming ${n}.` },
          { remoteAddress: `192.0.2.${100 + n}` },
        );
        assert.equal(response.statusCode, 303);
      }
      const roaming = await commentOn(gazette, demo.nairobi, { ...ok, email: 'Roaming@Example.com', comment: 'Roaming 3.' }, { remoteAddress: '192.0.2.103' });
      assert.equal(roaming.statusCode, 429);
      const stored = await gazette.database.db.selectFrom('comments').select('body').execute();
      assert.deepEqual(stored.map((row) => row.body).sort(), ['Allowed 1.', 'Allowed 2.', 'Roaming 1.', 'Roaming 2.']);
    } finally {
      await gazette.close();
    }
  });
});
