import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type AdminApi, adminApiClient, apiTokenFor } from '../helpers/admin-api.ts';
import { commentOn, commentSection, postedCommentId, setCommentPolicy } from '../helpers/comment-forms.ts';
import { articleIdOf, demo, freshAddress } from '../helpers/comment-pages.ts';
import { forEachDialect } from '../helpers/databases.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { fetchOpenApiDocument } from '../helpers/openapi.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

forEachDialect('Admin API: comments', (dialect) => {
  let gazette: TestGazette;
  /** Every answer is held to the OpenAPI document: its status, type and body must be the ones declared. */
  let api: AdminApi;
  let editorToken: string;
  let authorToken: string;
  let contributorToken: string;
  let emailCounter = 0;

  /** A reader's comment, held for moderation (the site holds every comment in these tests). */
  const held = async (path: string, comment: string, name = 'Ada Reader') => {
    emailCounter += 1;
    const posted = await commentOn(gazette, path, { name, email: `reader${emailCounter}@example.com`, comment }, { json: true, remoteAddress: freshAddress() });
    return postedCommentId(posted);
  };

  const auditSubjects = async (action: string) =>
    (await gazette.database.db.selectFrom('audit_log').select('subject').where('action', '=', action).orderBy('id').execute()).map((entry) => entry.subject);

  before(async () => {
    gazette = await buildTestApp({ dialect, commentsPerMinute: 1000 });
    api = adminApiClient(gazette, await fetchOpenApiDocument(gazette.app));
    const owner = await createTestOwner(gazette);
    editorToken = await apiTokenFor(gazette, (await addTestMember(gazette, owner.user, 'editor', 'Eda Editor')).user, 'Moderation bot');
    authorToken = await apiTokenFor(gazette, (await addTestMember(gazette, owner.user, 'author', 'Ada Author')).user, 'Author script');
    contributorToken = await apiTokenFor(gazette, (await addTestMember(gazette, owner.user, 'contributor', 'Cato Contributor')).user, 'Contributor script');
    await setCommentPolicy(gazette, { moderation: 'hold-all' });
  });
  after(() => gazette.close());

  test('only moderators may: an author’s or a contributor’s token is refused with a 403 problem, and nothing changes', async () => {
    const id = await held(demo.busan, 'A comment nobody but an editor may approve.');
    for (const token of [authorToken, contributorToken]) {
      for (const attempt of [
        api('GET', '/comments', { token }),
        api('GET', `/comments/${id}`, { token }),
        api('POST', `/comments/${id}/approve`, { token }),
        api('POST', `/comments/${id}/replies`, { token, body: { body: 'Thanks.' } }),
      ]) {
        const answer = await attempt;
        assert.equal(answer.statusCode, 403, answer.body);
        assert.match(String(answer.headers['content-type']), /^application\/problem\+json/);
        assert.equal(answer.json().code, 'FORBIDDEN');
      }
    }
    assert.equal((await api('GET', `/comments/${id}`, { token: editorToken })).json().state, 'pending');
    assert.equal((await api('GET', '/comments')).statusCode, 401);
  });

  test('a held comment is listed with what the queue shows; approving it puts it on the article’s (cached) page, and the audit log names the token', async () => {
    const articleId = await articleIdOf(gazette, demo.nairobi);
    const id = await held(demo.nairobi, 'Cold rooms cut our losses by half.', 'Wanjiru Trader');
    const pageBefore = await gazette.app.inject(demo.nairobi);
    assert.doesNotMatch(pageBefore.body, /Cold rooms cut our losses by half/);
    assert.equal(pageBefore.headers['x-cache'], 'HIT', 'the page is served from the cache until something drops it');

    const list = await api('GET', `/comments?state=pending&article=${articleId}`, { token: editorToken });
    assert.equal(list.statusCode, 200, list.body);
    const listed = list.json().comments.find((comment: { id: number }) => comment.id === id);
    assert.ok(listed, 'the held comment is in the pending list');
    assert.equal(listed.state, 'pending');
    assert.equal(listed.authorName, 'Wanjiru Trader');
    assert.match(listed.authorEmail, /^reader\d+@example\.com$/);
    assert.equal(typeof listed.ipAddress, 'string');
    assert.equal(listed.article.id, articleId);
    assert.equal(listed.article.url, `https://news.example${demo.nairobi}`);
    assert.ok(Array.isArray(listed.spamReasons));
    assert.equal(list.headers['cache-control'], 'no-store');

    const approved = await api('POST', `/comments/${id}/approve`, { token: editorToken });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().state, 'approved');
    const pageAfter = await gazette.app.inject(demo.nairobi);
    assert.equal(pageAfter.headers['x-cache'], 'MISS');
    assert.match(commentSection(pageAfter.body), new RegExp(`id="comment-${id}"`));
    assert.match(commentSection(pageAfter.body), /Cold rooms cut our losses by half\./);
    assert.ok((await auditSubjects('comments.approve')).includes(`${id} via API token Moderation bot`));
    const pendingNow = (await api('GET', `/comments?article=${articleId}`, { token: editorToken })).json().comments;
    assert.ok(!pendingNow.some((comment: { id: number }) => comment.id === id), 'the default list is the pending queue');
  });

  test('spam and trash take a published comment off the page and file it under its state', async () => {
    const spamId = await held(demo.toronto, 'Cheap casino bonus, click now.');
    const trashId = await held(demo.toronto, 'Off-topic remark about something else.');
    for (const id of [spamId, trashId]) await api('POST', `/comments/${id}/approve`, { token: editorToken });
    assert.match((await gazette.app.inject(demo.toronto)).body, /Cheap casino bonus/);

    const spam = await api('POST', `/comments/${spamId}/spam`, { token: editorToken });
    assert.equal(spam.json().state, 'spam');
    const trash = await api('POST', `/comments/${trashId}/trash`, { token: editorToken });
    assert.equal(trash.json().state, 'trash');
    const page = (await gazette.app.inject(demo.toronto)).body;
    assert.doesNotMatch(page, /Cheap casino bonus/);
    assert.doesNotMatch(page, /Off-topic remark about something else/);
    const articleId = await articleIdOf(gazette, demo.toronto);
    const idsIn = async (state: string) =>
      (await api('GET', `/comments?state=${state}&article=${articleId}`, { token: editorToken })).json().comments.map((comment: { id: number }) => comment.id);
    assert.deepEqual(await idsIn('spam'), [spamId]);
    assert.deepEqual(await idsIn('trash'), [trashId]);
    assert.ok((await auditSubjects('comments.spam')).includes(`${spamId} via API token Moderation bot`));
  });

  test('pages follow `next`, newest first, without repeats or gaps even when the queue moves between pages', async () => {
    const articleId = await articleIdOf(gazette, demo.mekong);
    const ids = [];
    for (const text of ['First of four.', 'Second of four.', 'Third of four.', 'Fourth of four.']) ids.push(await held(demo.mekong, text));
    const query = `/comments?state=pending&article=${articleId}&limit=2`;
    const first = (await api('GET', query, { token: editorToken })).json();
    assert.deepEqual(
      first.comments.map((comment: { id: number }) => comment.id),
      [ids[3], ids[2]],
    );
    assert.equal(typeof first.next, 'string');
    // Approving a comment already seen must not make the next page skip one.
    await api('POST', `/comments/${ids[3]}/approve`, { token: editorToken });
    const second = (await api('GET', `${query}&cursor=${encodeURIComponent(first.next)}`, { token: editorToken })).json();
    assert.deepEqual(
      second.comments.map((comment: { id: number }) => comment.id),
      [ids[1], ids[0]],
    );

    // Following `next` to the end gives the whole queue once, as one long page does.
    const whole = (await api('GET', `/comments?state=pending&article=${articleId}&limit=100`, { token: editorToken })).json();
    assert.equal(whole.next, null);
    const walked: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { comments: { id: number }[]; next: string | null } = (
        await api('GET', `${query}${cursor ? `&cursor=${cursor}` : ''}`, { token: editorToken })
      ).json();
      walked.push(...page.comments.map((comment: { id: number }) => comment.id));
      cursor = page.next;
    } while (cursor);
    assert.deepEqual(
      walked,
      whole.comments.map((comment: { id: number }) => comment.id),
    );
  });

  test('bad input: an unknown state or limit is a 422 naming the parameter, a made-up cursor a 400, an unknown comment a 404', async () => {
    const state = await api('GET', '/comments?state=published', { token: editorToken });
    assert.equal(state.statusCode, 422);
    assert.ok(state.json().errors['querystring.state']);
    const limit = await api('GET', '/comments?limit=1000', { token: editorToken });
    assert.equal(limit.statusCode, 422);
    assert.ok(limit.json().errors['querystring.limit']);
    for (const cursor of ['not-a-cursor', Buffer.from('["articles","2026-01-01T00:00:00.000Z",1]').toString('base64url')]) {
      const answer = await api('GET', `/comments?cursor=${cursor}`, { token: editorToken });
      assert.equal(answer.statusCode, 400, cursor);
      assert.equal(answer.json().code, 'BAD_REQUEST');
    }
    const missing = await api('POST', '/comments/99999/approve', { token: editorToken });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().code, 'NOT_FOUND');
  });

  test('a staff reply is published at once under the comment, escaped on the page, approving the comment it answers', async () => {
    const parentId = await held(demo.rotterdam, 'When does the tram open?');
    const hostile = '<script>alert("reply")</script> It opens in <b>May</b>.';
    const replied = await api('POST', `/comments/${parentId}/replies`, { token: editorToken, body: { body: hostile } });
    assert.equal(replied.statusCode, 201, replied.body);
    const reply = replied.json();
    assert.equal(reply.parentId, parentId);
    assert.equal(reply.isStaff, true);
    assert.equal(reply.state, 'approved');
    assert.equal(reply.authorName, 'Eda Editor');
    assert.equal(reply.authorEmail, '');
    assert.equal(replied.headers.location, `/api/v1/admin/comments/${reply.id}`);
    assert.equal((await api('GET', `/comments/${parentId}`, { token: editorToken })).json().state, 'approved');

    const section = commentSection((await gazette.app.inject(demo.rotterdam)).body);
    assert.match(section, new RegExp(`id="comment-${reply.id}"`));
    assert.match(section, /&lt;script&gt;alert\(&quot;reply&quot;\)&lt;\/script&gt; It opens in &lt;b&gt;May&lt;\/b&gt;\./);
    assert.doesNotMatch(section, /<script>alert/);
    assert.ok((await auditSubjects('comments.replied')).includes(`${reply.id} in reply to ${parentId} via API token Moderation bot`));
  });

  test('a reply is checked as the moderation page checks it, and an Idempotency-Key makes a retry reply once', async () => {
    const parentId = await held(demo.aarhus, 'Will the referendum be binding?');
    const empty = await api('POST', `/comments/${parentId}/replies`, { token: editorToken, body: { body: '   ' } });
    assert.equal(empty.statusCode, 422);
    assert.ok(empty.json().errors.body, empty.body);
    const long = await api('POST', `/comments/${parentId}/replies`, { token: editorToken, body: { body: 'x'.repeat(5001) } });
    assert.equal(long.statusCode, 422);
    assert.ok(long.json().errors.body);
    const typo = await api('POST', `/comments/${parentId}/replies`, { token: editorToken, body: { text: 'Yes.' } });
    assert.equal(typo.statusCode, 422);
    assert.ok(typo.json().errors.text);
    assert.ok(typo.json().errors.body);

    const countReplies = async () =>
      Number(
        (
          await gazette.database.db
            .selectFrom('comments')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('parent_id', '=', parentId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const headers = { 'idempotency-key': 'reply-aarhus-1' };
    const first = await api('POST', `/comments/${parentId}/replies`, { token: editorToken, body: { body: 'Yes, it is binding.' }, headers });
    const retry = await api('POST', `/comments/${parentId}/replies`, { token: editorToken, body: { body: 'Yes, it is binding.' }, headers });
    assert.equal(first.statusCode, 201);
    assert.equal(retry.statusCode, 201);
    assert.equal(retry.headers['idempotent-replayed'], 'true');
    assert.equal(retry.json().id, first.json().id);
    assert.equal(await countReplies(), 1);
  });
});
