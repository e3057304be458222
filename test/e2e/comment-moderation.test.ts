import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { erasePastRetention } from '../../src/comments/housekeeping.ts';
import { reasonsFrom } from '../../src/comments/moderation.queries.ts';
import { sentenceIn } from '../../src/errors.ts';
import { FormClient } from '../helpers/form-client.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

/** The first article on the home page, with what its comment form carries. */
async function firstArticle(gazette: TestGazette) {
  const home = await gazette.app.inject({ url: '/' });
  const path = /<main[\s\S]*?href="(\/[a-z-]+\/[a-z0-9-]+)"/.exec(home.body)![1]!;
  const page = await gazette.app.inject({ url: path });
  return { path, articleId: /name="article_id" value="(\d+)"/.exec(page.body)![1]!, stamp: /name="stamp" value="([^"]+)"/.exec(page.body)![1]! };
}

let ipCounter = 1;
async function postComment(gazette: TestGazette, article: { articleId: string; stamp: string }, fields: Record<string, string>) {
  return gazette.app.inject({
    method: 'POST',
    url: '/comments',
    remoteAddress: `198.51.100.${ipCounter++}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    payload: new URLSearchParams({ article_id: article.articleId, stamp: article.stamp, parent_id: '', ...fields }).toString(),
  });
}

async function signedInOwner(gazette: TestGazette): Promise<FormClient> {
  const { sessionToken } = await createTestOwner(gazette);
  const client = new FormClient(gazette.app);
  client.setCookie('gazette_session', sessionToken);
  return client;
}

describe('comment moderation', () => {
  test('held comments wait in the queue with their reasons; approving publishes them and trusts the commenter', async (t) => {
    const gazette = await buildTestApp();
    t.after(() => gazette.close());
    const article = await firstArticle(gazette);
    gazette.setNow(new Date(testNow.getTime() + 10_000));
    const first = await postComment(gazette, article, { name: 'Ada Reader', email: 'ada@example.com', comment: 'A first comment about the harbour.' });
    assert.equal(first.statusCode, 201);
    assert.equal(first.json().status, 'pending');

    const owner = await signedInOwner(gazette);
    const queue = await owner.get('/admin/comments');
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /id="moderation-comment-\d+"/);
    assert.match(queue.body, /First comment from this email/);
    assert.match(queue.body, /Comments <span class="badge">1<span class="visually-hidden"> awaiting moderation/);
    const id = /id="moderation-comment-(\d+)"/.exec(queue.body)![1]!;

    const approved = await owner.post(`/admin/comments/${id}/approve`, {});
    assert.equal(approved.statusCode, 303);
    const page = await gazette.app.inject({ url: article.path });
    assert.match(page.body, new RegExp(`id="comment-${id}"`));
    assert.match(page.body, /A first comment about the harbour\./);
    assert.match(page.body, /"commentCount":1/);

    const second = await postComment(gazette, article, { name: 'Ada Reader', email: 'ADA@example.com', comment: 'And a second, published straight away.' });
    assert.equal(second.json().status, 'approved');
  });

  test('marking spam teaches the filter, bulk actions move many, and the trash restores', async (t) => {
    const gazette = await buildTestApp();
    t.after(() => gazette.close());
    const article = await firstArticle(gazette);
    gazette.setNow(new Date(testNow.getTime() + 10_000));
    for (const [index, text] of ['Cheap pills casino bonus now', 'Win casino money fast', 'Thoughtful note on the council vote'].entries()) {
      await postComment(gazette, article, { name: `Person ${index}`, email: `p${index}@example.com`, comment: text });
    }
    const owner = await signedInOwner(gazette);
    const queue = await owner.get('/admin/comments?status=pending');
    const ids = [...queue.body.matchAll(/id="moderation-comment-(\d+)"/g)].map((match) => match[1]!);
    assert.equal(ids.length, 3);
    const spamIds = ids.slice(1); // newest first: the two casino comments
    const bulk = await gazette.app.inject({
      method: 'POST',
      url: '/admin/comments/bulk',
      remoteAddress: owner.remoteAddress,
      headers: { cookie: owner.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(/name="_csrf" value="([^"]+)"/.exec(queue.body)![1]!)}&action=spam&${spamIds.map((id) => `ids=${id}`).join('&')}`,
    });
    assert.equal(bulk.statusCode, 303);
    const totals = await gazette.database.db.selectFrom('spam_totals').selectAll().executeTakeFirstOrThrow();
    assert.equal(Number(totals.spam_documents), 2);
    const casino = await gazette.database.db.selectFrom('spam_tokens').selectAll().where('token', '=', 'casino').executeTakeFirst();
    assert.equal(Number(casino?.spam_count), 2);

    const spamTab = await owner.get('/admin/comments?status=spam');
    assert.match(spamTab.body, /Spam <span class="count">\(2\)/);
    // Changing one's mind untrains the lesson it gave.
    await owner.post(`/admin/comments/${spamIds[0]}/approve`, {});
    const after = await gazette.database.db.selectFrom('spam_totals').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual([Number(after.spam_documents), Number(after.ham_documents)], [1, 1]);

    await owner.get('/admin/comments');
    await owner.post(`/admin/comments/${ids[0]}/trash`, {});
    await owner.get('/admin/comments?status=trash');
    await owner.post(`/admin/comments/${ids[0]}/restore`, {});
    const restored = await gazette.database.db.selectFrom('comments').select('status').where('id', '=', Number(ids[0])).executeTakeFirstOrThrow();
    assert.equal(restored.status, 'pending');
  });

  test('authors and contributors cannot moderate; editors can', async (t) => {
    const gazette = await buildTestApp();
    t.after(() => gazette.close());
    const { user: owner } = await createTestOwner(gazette);
    for (const [role, status] of [
      ['author', 403],
      ['contributor', 403],
      ['editor', 200],
    ] as const) {
      const member = await addTestMember(gazette, owner, role, `A ${role}`);
      const client = new FormClient(gazette.app);
      client.setCookie('gazette_session', member.sessionToken);
      assert.equal((await client.get('/admin/comments')).statusCode, status, role);
      assert.equal((await client.get('/admin/comments/blocks')).statusCode, status, role);
    }
  });
});

test('a staff reply is published at once with a badge, under the comment it answers', async (t) => {
  const gazette = await buildTestApp();
  t.after(() => gazette.close());
  const article = await firstArticle(gazette);
  gazette.setNow(new Date(testNow.getTime() + 10_000));
  const posted = await postComment(gazette, article, { name: 'Bea', email: 'bea@example.com', comment: 'Is the ferry running?' });
  const owner = await signedInOwner(gazette);
  const edit = await owner.get(`/admin/comments/${posted.json().id}/edit`);
  assert.equal(edit.statusCode, 200);
  const empty = await owner.post(`/admin/comments/${posted.json().id}/reply`, { reply: '   ' });
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /Write your comment\.|Write your reply/);
  await owner.get(`/admin/comments/${posted.json().id}/edit`);
  const reply = await owner.post(`/admin/comments/${posted.json().id}/reply`, { reply: 'Yes, from Monday.' });
  assert.equal(reply.statusCode, 303);
  // The moderator goes back to the queue the comment was in, told that the reply is out.
  assert.equal(reply.headers.location, '/admin/comments?status=pending&done=replied');
  assert.match((await owner.get(String(reply.headers.location))).body, /Your reply is published under the comment, with a staff badge\./);
  const page = await gazette.app.inject({ url: article.path });
  assert.match(page.body, /comment comment--staff/);
  assert.match(page.body, /class="comment__badge">Staff</);
  assert.match(page.body, /Is the ferry running\?[\s\S]*comment-list--replies[\s\S]*Yes, from Monday\./);
});

test('the block list and bans send comments to spam; the policy form refuses bad numbers and keeps them', async (t) => {
  const gazette = await buildTestApp();
  t.after(() => gazette.close());
  const article = await firstArticle(gazette);
  gazette.setNow(new Date(testNow.getTime() + 10_000));
  const owner = await signedInOwner(gazette);
  await owner.get('/admin/comments/blocks');
  const bad = await owner.post('/admin/comments/blocks', { kind: 'ip', pattern: '999.1.1.1' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /value="999\.1\.1\.1"/);
  await owner.get('/admin/comments/blocks');
  assert.equal((await owner.post('/admin/comments/blocks', { kind: 'word', pattern: 'miracle cure' })).statusCode, 303);
  await owner.get('/admin/comments/blocks');
  assert.equal((await owner.post('/admin/comments/blocks', { kind: 'ip', pattern: '203.0.113.0/24' })).statusCode, 303);

  const worded = await postComment(gazette, article, { name: 'Cy', email: 'cy@example.com', comment: 'Try this Miracle Cure today' });
  assert.equal(worded.json().status, 'pending', 'spam is answered like any held comment');
  const fromRange = await gazette.app.inject({
    method: 'POST',
    url: '/comments',
    remoteAddress: '203.0.113.77',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    payload: new URLSearchParams({
      article_id: article.articleId,
      stamp: article.stamp,
      name: 'Di',
      email: 'di@example.com',
      comment: 'Hello from a blocked range',
    }).toString(),
  });
  assert.equal(fromRange.statusCode, 201);
  await owner.get('/admin/comments?email=eve%40example.com');
  await owner.post('/admin/comments/commenter', { email: 'eve@example.com', standing: 'ban' });
  await postComment(gazette, article, { name: 'Eve', email: 'eve@example.com', comment: 'Banned but trying' });
  const statuses = await gazette.database.db.selectFrom('comments').select(['author_email', 'status', 'spam_reasons']).orderBy('id').execute();
  assert.deepEqual(
    statuses.map((row) => row.status),
    ['spam', 'spam', 'spam'],
  );
  // Stored as phrases, read back in the words they always had in English.
  const english = statuses.map((row) => reasonsFrom(row.spam_reasons).map((reason) => sentenceIn(reason)));
  assert.ok(english[0]!.includes('Blocked word "miracle cure"'), english[0]!.join('; '));
  assert.ok(english[1]!.includes('Blocked address 203.0.113.0/24'), english[1]!.join('; '));
  assert.ok(english[2]!.includes('This email is banned'), english[2]!.join('; '));
  assert.deepEqual(JSON.parse(statuses[0]!.spam_reasons)[0], { key: 'moderation.reason.blockedWord', values: { word: 'miracle cure' } });

  await owner.get('/admin/comments/policy');
  const policy = await owner.post('/admin/comments/policy', {
    moderation: 'publish',
    order: 'newest',
    closeAfterDays: 'ten',
    maxDepth: '3',
    perPage: '50',
    ipRetentionDays: '30',
    maxLinks: '2',
  });
  assert.equal(policy.statusCode, 422);
  assert.match(policy.body, /value="ten"/);
  assert.equal(gazette.settings.current().comments.moderation, 'hold-first', 'nothing saved from a refused form');
  await owner.get('/admin/comments/policy');
  assert.equal(
    (
      await owner.post('/admin/comments/policy', {
        moderation: 'publish',
        order: 'newest',
        closeAfterDays: '7',
        maxDepth: '2',
        perPage: '20',
        ipRetentionDays: '10',
        maxLinks: '1',
      })
    ).statusCode,
    303,
  );
  assert.deepEqual(gazette.settings.current().comments, {
    moderation: 'publish',
    order: 'newest',
    closeAfterDays: 7,
    maxDepth: 2,
    perPage: 20,
    ipRetentionDays: 10,
    maxLinks: 1,
  });
});

test('privacy: export everything about an email, erase it, and forget IP addresses after the retention period', async (t) => {
  const gazette = await buildTestApp();
  t.after(() => gazette.close());
  const article = await firstArticle(gazette);
  gazette.setNow(new Date(testNow.getTime() + 10_000));
  await postComment(gazette, article, { name: 'Fay', email: 'fay@example.com', comment: 'My first words', website: 'https://fay.example' });
  const owner = await signedInOwner(gazette);
  const exported = await owner.get('/admin/comments/privacy/export?email=FAY%40example.com');
  assert.equal(exported.statusCode, 200);
  const data = exported.json();
  assert.equal(data.comments.length, 1);
  assert.equal(data.comments[0].website, 'https://fay.example/');
  assert.match(data.comments[0].ipAddress, /^198\.51\.100\./);

  // The retention job runs with its own clock a month on; the owner's session stays on today's.
  assert.equal(
    await erasePastRetention({
      db: gazette.database.db,
      clock: { now: () => new Date(testNow.getTime() + 31 * 24 * 60 * 60 * 1000) },
      settings: gazette.settings,
    }),
    1,
  );
  const kept = await gazette.database.db.selectFrom('comments').select(['ip_address', 'user_agent', 'body']).executeTakeFirstOrThrow();
  assert.deepEqual(kept, { ip_address: null, user_agent: null, body: 'My first words' });

  await owner.get('/admin/comments/privacy?email=fay%40example.com');
  const mismatch = await owner.post('/admin/comments/privacy/erase', { email: 'fay@example.com', confirm: 'someone@example.com' });
  assert.equal(mismatch.statusCode, 422);
  await owner.get('/admin/comments/privacy?email=fay%40example.com');
  assert.equal((await owner.post('/admin/comments/privacy/erase', { email: 'fay@example.com', confirm: 'fay@example.com' })).statusCode, 303);
  const left = await gazette.database.db.selectFrom('comments').select('id').where('author_email', '=', 'fay@example.com').execute();
  assert.equal(left.length, 0);
});

test('an editor closes one article’s comments: the form gives way to a note and posts are refused', async (t) => {
  const gazette = await buildTestApp();
  t.after(() => gazette.close());
  const article = await firstArticle(gazette);
  const owner = await signedInOwner(gazette);
  await owner.get('/admin/comments');
  assert.equal((await owner.post(`/admin/comments/article/${article.articleId}`, { comments: 'closed' })).statusCode, 303);
  const page = await gazette.app.inject({ url: article.path });
  assert.match(page.body, /Comments are closed on this article\./);
  assert.doesNotMatch(page.body, /data-comment-form/);
  gazette.setNow(new Date(testNow.getTime() + 10_000));
  const refused = await postComment(gazette, article, { name: 'Gil', email: 'gil@example.com', comment: 'Too late?' });
  assert.equal(refused.statusCode, 403);
  assert.match(refused.json().message, /Comments are closed/);
});

test('a moderator who opts in gets an email for each held comment; a commenter confirms reply alerts and can stop them', async (t) => {
  const gazette = await buildTestApp();
  t.after(() => gazette.close());
  const article = await firstArticle(gazette);
  const owner = await signedInOwner(gazette);
  await owner.get('/admin/comments');
  assert.equal((await owner.post('/admin/comments/notifications', { notify: 'on' })).statusCode, 303);
  gazette.setNow(new Date(testNow.getTime() + 10_000));
  const posted = await postComment(gazette, article, { name: 'Hal', email: 'hal@example.com', comment: 'Held, please look.', reply_alerts: 'on' });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const toModerator = gazette.sentMail.find((mail) => mail.subject.startsWith('Comment awaiting moderation'));
  assert.ok(toModerator, 'the moderator was told');
  assert.match(toModerator.text, /Held, please look\./);
  assert.match(toModerator.text, /^Held because: First comment from this email$/m);
  const confirmation = gazette.sentMail.find((mail) => mail.to === 'hal@example.com');
  assert.ok(confirmation, 'the commenter was asked to confirm');
  const confirmUrl = /https:\/\/news\.example(\/comments\/alerts\/confirm\?token=\S+)/.exec(confirmation.text)![1]!;
  assert.equal((await gazette.app.inject({ url: confirmUrl.replace('.', '.x') })).statusCode, 404, 'a tampered link does nothing');
  assert.equal((await gazette.app.inject({ url: confirmUrl })).statusCode, 200);

  await owner.get('/admin/comments');
  await owner.post(`/admin/comments/${posted.json().id}/approve`, {});
  await owner.get(`/admin/comments/${posted.json().id}/edit`);
  await owner.post(`/admin/comments/${posted.json().id}/reply`, { reply: 'Thanks, Hal.' });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const alert = gazette.sentMail.find((mail) => mail.to === 'hal@example.com' && mail.subject.includes('replied'));
  assert.ok(alert, 'the reply alert went out');
  assert.match(alert.headers?.['List-Unsubscribe'] ?? '', /\/comments\/alerts\/stop\?token=/);
  assert.equal(alert.headers?.['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
  const stopUrl = /<https:\/\/news\.example(\S+)>/.exec(alert.headers!['List-Unsubscribe']!)![1]!;
  assert.equal((await gazette.app.inject({ url: stopUrl })).statusCode, 200);
  const stillOn = await gazette.database.db.selectFrom('comments').select('reply_alerts').where('id', '=', posted.json().id).executeTakeFirstOrThrow();
  assert.equal(stillOn.reply_alerts, 'on', 'following the link alone unsubscribes nobody');
  const stop = await gazette.app.inject({
    method: 'POST',
    url: stopUrl,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'List-Unsubscribe=One-Click',
  });
  assert.equal(stop.statusCode, 200);
  const off = await gazette.database.db.selectFrom('comments').select('reply_alerts').where('id', '=', posted.json().id).executeTakeFirstOrThrow();
  assert.equal(off.reply_alerts, 'off');
});

test('emails speak their reader’s language: moderators the site’s, a commenter that of the article they commented on', async (t) => {
  const gazette = await buildTestApp();
  t.after(() => gazette.close());
  await gazette.settings.update({ language: 'es', timeZone: 'Europe/Madrid' });
  const siteName = gazette.settings.current().name;
  const article = await firstArticle(gazette);
  // A Korean article on a Spanish site: its comment section, and so its commenters' emails, are in Korean.
  const { headline } = await gazette.database.db
    .updateTable('articles')
    .set({ language: 'ko' })
    .where('id', '=', Number(article.articleId))
    .returning('headline')
    .executeTakeFirstOrThrow();
  const owner = await signedInOwner(gazette);
  await owner.get('/admin/comments');
  assert.equal((await owner.post('/admin/comments/notifications', { notify: 'on' })).statusCode, 303);
  gazette.setNow(new Date(testNow.getTime() + 10_000));
  const posted = await postComment(gazette, article, { name: 'Hal', email: 'hal@example.com', comment: 'Held, please look.', reply_alerts: 'on' });
  await new Promise((resolve) => setTimeout(resolve, 200));

  const toModerator = gazette.sentMail.find((mail) => mail.to !== 'hal@example.com');
  assert.ok(toModerator, 'the moderator was told');
  assert.equal(toModerator.subject, `Comentario pendiente de moderación en «${headline}»`);
  assert.match(
    toModerator.text,
    /^Hal escribió:\nHeld, please look\.\n\nMotivo de la retención: First comment from this email\nModerar: https:\/\/news\.example\/admin\/comments\n\nRecibes estos correos porque activaste los avisos de comentarios en tu cuenta de la redacción\.$/,
  );

  const confirmation = gazette.sentMail.find((mail) => mail.to === 'hal@example.com');
  assert.ok(confirmation, 'the commenter was asked to confirm');
  assert.equal(confirmation.subject, `${siteName} 댓글 답글 알림 신청을 확인해 주세요`);
  const [asked, , confirmLine, , notYou] = confirmation.text.split('\n');
  assert.equal(asked, `“${headline}” 기사에 남긴 댓글에 답글이 달리면 이메일로 알려 달라고 신청하셨습니다.`);
  assert.match(confirmLine!, /^신청 확인: https:\/\/news\.example\/comments\/alerts\/confirm\?token=\S+$/);
  assert.equal(notYou, '직접 신청하지 않았다면 이 이메일을 무시하세요. 알림은 보내지 않습니다.');
  assert.equal((await gazette.app.inject({ url: confirmLine!.replace(/^.*https:\/\/news\.example/, '') })).statusCode, 200);

  await owner.get('/admin/comments');
  await owner.post(`/admin/comments/${posted.json().id}/approve`, {});
  await owner.get(`/admin/comments/${posted.json().id}/edit`);
  await owner.post(`/admin/comments/${posted.json().id}/reply`, { reply: 'Thanks, Hal.' });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const alert = gazette.sentMail.find((mail) => mail.to === 'hal@example.com' && mail !== confirmation);
  assert.ok(alert, 'the reply alert went out');
  assert.equal(alert.subject, 'Mina Park 님이 내 댓글에 답글을 달았습니다');
  const [intro, link, , stop] = alert.text.split('\n');
  assert.equal(intro, `Mina Park 님이 “${headline}” 기사에 남긴 내 댓글에 답글을 달았습니다:`);
  assert.match(link!, new RegExp(`^https://news\\.example${article.path}#comment-\\d+$`));
  assert.match(stop!, /^알림 이메일 그만 받기: https:\/\/news\.example\/comments\/alerts\/stop\?token=\S+$/);
});

test('with the page cache off, every moderation step shows at the next render of the article, though its comments are kept between renders', async (t) => {
  const gazette = await buildTestApp({ env: { GAZETTE_PAGE_CACHE: 'off' } });
  t.after(() => gazette.close());
  const article = await firstArticle(gazette);
  gazette.setNow(new Date(testNow.getTime() + 10_000));
  const owner = await signedInOwner(gazette);
  const post = async (name: string, comment: string) =>
    (await postComment(gazette, article, { name, email: `${name.toLowerCase()}@example.com`, comment })).json().id as number;
  const shown = async () => [...(await gazette.app.inject({ url: article.path })).body.matchAll(/<li id="comment-(\d+)"/g)].map((match) => Number(match[1]));

  const first = await post('Ada', 'The first word on the harbour.');
  const second = await post('Bea', 'The second word on the harbour.');
  await owner.get('/admin/comments');
  assert.equal((await owner.post(`/admin/comments/${first}/approve`, {})).statusCode, 303);
  assert.deepEqual(await shown(), [first]);
  assert.deepEqual(await shown(), [first], 'rendered again from the kept comments');
  assert.equal((await owner.post(`/admin/comments/${second}/approve`, {})).statusCode, 303);
  assert.deepEqual(await shown(), [first, second], 'an approval shows at once');
  assert.equal((await owner.post(`/admin/comments/${second}/reply`, { reply: 'Thanks, Bea.' })).statusCode, 303);
  const withReply = await gazette.app.inject({ url: article.path });
  assert.match(withReply.body, /The second word on the harbour\.[\s\S]*comment-list--replies[\s\S]*Thanks, Bea\./);
  assert.equal((await owner.post(`/admin/comments/${first}/trash`, {})).statusCode, 303);
  const afterTrash = await gazette.app.inject({ url: article.path });
  assert.doesNotMatch(afterTrash.body, /The first word on the harbour/);
  assert.match(afterTrash.body, /"commentCount":2/, 'the reply and the second comment');
});
