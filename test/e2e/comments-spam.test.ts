import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CommentSigner } from '../../src/comments/index.ts';
import { stampForm } from '../../src/comments/comment-signing.ts';
import { reasonsFrom } from '../../src/comments/moderation.queries.ts';
import { sentenceIn } from '../../src/errors.ts';
import { cookieFrom, postedCommentId, readCommentForm } from '../helpers/comment-forms.ts';
import { articleIdOf, assertHas, demo, fieldError, inputValue, ok, textareaValue, useCommentTestSite } from '../helpers/comment-pages.ts';

// Spam defences: the honeypot, the time stamp, duplicates and links.

/** A stored comment's reasons as an English newsroom reads them; they are stored as phrases (`{ key, values }`). */
function englishReasons(json: string): string {
  return reasonsFrom(json)
    .map((reason) => sentenceIn(reason))
    .join('; ');
}

/** The phrase keys stored in the column, to show the reasons are kept as phrases and not as English. */
function storedKeys(json: string): string[] {
  return (JSON.parse(json) as { key: string }[]).map((reason) => reason.key);
}
describe('comments on the reader site', () => {
  const site = useCommentTestSite();

  describe('spam defences', () => {
    test('a filled honeypot is stored as spam, answered like success, and never shown', async () => {
      const response = await site.post(demo.glacier, { ...ok, email: 'robot@example.com', comment: 'Buy now.', homepage: 'http://spam.example' });
      assert.equal(response.statusCode, 303, 'the robot is told nothing');
      const id = postedCommentId(response);
      const stored = await site.storedComment(id);
      assert.equal(stored.status, 'spam');
      assert.match(englishReasons(stored.spam_reasons), /The hidden field that only robots see was filled in/);
      assert.ok(storedKeys(stored.spam_reasons).includes('moderation.reason.honeypot'), stored.spam_reasons);
      const json = await site.post(demo.glacier, { ...ok, email: 'robot2@example.com', comment: 'Buy now again.', homepage: 'x' }, { json: true });
      assert.equal(json.statusCode, 201);
      assert.equal((json.json() as { status: string }).status, 'pending', 'spam is reported as awaiting moderation');
      for (const cookie of [undefined, cookieFrom(response)]) {
        const page = await site.gazette.app.inject({ url: demo.glacier, headers: cookie ? { cookie } : {} });
        assert.ok(!page.body.includes('Buy now'), 'not to the public, not even to the robot’s own browser');
      }
    });

    test('a form sent within 3 s of being rendered is stored as spam, answered like success', async () => {
      const page = await site.gazette.app.inject({ url: demo.arsenic });
      const form = readCommentForm(page.body);
      site.advanceClock(1_000);
      const response = await site.postForm(form, { ...ok, email: 'quick@example.com', comment: 'Too quick.' });
      assert.equal(response.statusCode, 303);
      const stored = await site.storedComment(postedCommentId(response));
      assert.equal(stored.status, 'spam');
      assert.match(englishReasons(stored.spam_reasons), /Sent within seconds of the form being shown/);
    });

    test('forged stamps are stored as spam', async () => {
      const page = await site.gazette.app.inject({ url: demo.arsenic });
      const form = readCommentForm(page.body);
      site.advanceClock(5_000);
      const [articleId, renderedAt, signature] = form.stamp.split('.');
      const otherArticle = readCommentForm((await site.gazette.app.inject({ url: demo.wheat })).body).stamp;
      site.advanceClock(5_000);
      const forgeries = {
        empty: '',
        garbage: 'not-a-stamp',
        'an earlier time with the old signature': `${articleId}.${Number(renderedAt) - 60_000}.${signature}`,
        'a signature of another length': `${articleId}.${renderedAt}.${signature}x`,
        'another article’s stamp': otherArticle,
        'an extra part': `${form.stamp}.1`,
      };
      for (const [name, stamp] of Object.entries(forgeries)) {
        const response = await site.postForm({ ...form, stamp }, { ...ok, email: 'forger@example.com', comment: `Forged: ${name}.` });
        assert.equal(response.statusCode, 303, `${name}: answered like success`);
        const stored = await site.storedComment(postedCommentId(response));
        assert.equal(stored.status, 'spam', `${name}: stored as spam`);
      }
    });

    test('a stamp older than two days: 422 "form expired", the text kept, nothing stored', async () => {
      const articleId = await articleIdOf(site.gazette, demo.arsenic);
      const signer = await CommentSigner.load(site.gazette.database.db);
      const now = site.gazette.site.clock.now();
      const stamp = stampForm(signer, articleId, new Date(now.getTime() - 2 * 24 * 60 * 60 * 1000 - 60_000));
      const before = (await site.storedComments()).length;
      const text = 'Written over a long weekend.\n\nStill relevant.';
      const response = await site.postForm({ articleId: String(articleId), stamp, parentId: '' }, { ...ok, email: 'slow@example.com', comment: text });
      assert.equal(response.statusCode, 422);
      assertHas(response.body, /expired/);
      assert.equal(textareaValue(response.body), text);
      assert.equal(inputValue(response.body, 'email'), 'slow@example.com');
      const json = await site.postForm(
        { articleId: String(articleId), stamp, parentId: '' },
        { ...ok, email: 'slow@example.com', comment: text },
        { json: true },
      );
      assert.equal(json.statusCode, 422);
      assert.match((json.json() as { message: string }).message, /expired/);
      assert.equal((await site.storedComments()).length, before);
      // The refused page carries a fresh form that works.
      site.advanceClock(5_000);
      const retry = await site.postForm(readCommentForm(response.body), { ...ok, email: 'slow@example.com', comment: text });
      assert.equal(retry.statusCode, 303);
      assert.equal((await site.storedComment(postedCommentId(retry))).status, 'pending');
    });

    test('the same comment twice from the same email: 422 on the second, text kept', async () => {
      const fields = { ...ok, email: 'twice@example.com', comment: 'Sent twice by a double click.' };
      assert.equal((await site.post(demo.wheat, fields)).statusCode, 303);
      const again = await site.post(demo.wheat, fields);
      assert.equal(again.statusCode, 422);
      assert.ok(fieldError(again.body, 'comment'));
      assert.equal(textareaValue(again.body), fields.comment);
      assert.equal((await site.storedComments()).filter((row) => row.body === fields.comment).length, 1);
    });

    test('correcting a refused form and sending it again at once is not taken for a robot', async () => {
      const refused = await site.post(demo.wheat, { ...ok, name: '', email: 'corrector@example.com', comment: 'I forgot my name.' });
      assert.equal(refused.statusCode, 422);
      // A person who only has to type a short name sends again within a couple of seconds of the refusal.
      site.advanceClock(2_000);
      const response = await site.postForm(readCommentForm(refused.body), { ...ok, email: 'corrector@example.com', comment: 'I forgot my name.' });
      assert.equal(response.statusCode, 303);
      const stored = await site.storedComment(postedCommentId(response));
      assert.notEqual(stored.status, 'spam', `the corrected comment went to spam: ${stored.spam_reasons}`);
    });

    test('a comment with more links than the policy allows is held', async () => {
      await site.setCommentPolicy({ moderation: 'publish' });
      try {
        const threeLinks = 'https://a.example/ https://b.example/ https://c.example/';
        const response = await site.post(demo.wheat, { ...ok, email: 'linker@example.com', comment: threeLinks });
        const stored = await site.storedComment(postedCommentId(response));
        assert.equal(stored.status, 'pending');
        assert.equal(englishReasons(stored.spam_reasons), '3 links; the limit is 2');
        assert.deepEqual(JSON.parse(stored.spam_reasons), [{ key: 'moderation.reason.tooManyLinks', values: { count: 3, limit: 2 } }]);
      } finally {
        await site.setCommentPolicy({ moderation: 'hold-first' });
      }
    });
  });
});
