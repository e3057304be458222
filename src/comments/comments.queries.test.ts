import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { insertUser } from '../accounts/accounts.queries.ts';
import { createArticle, publishArticle } from '../articles/index.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { createSection } from '../sections/index.ts';
import { testCommentRow } from '../../test/helpers/comment-rows.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import {
  filterPendingCommentIds,
  findCommentableArticle,
  findReplyAlertRecipient,
  findReplyTarget,
  hasRecentDuplicate,
  insertComment,
  listAncestorIds,
  listCommentOutline,
  listNewestApprovedComments,
  listPublicCommentsByIds,
  type NewCommentRow,
  setArticleCommentsOpen,
  setReplyAlerts,
} from './comments.queries.ts';
import {
  countCommentsByStatus,
  countPendingComments,
  deleteBlock,
  findCommenterStanding,
  findModeratedComment,
  insertBlock,
  listBlocks,
  listModeratedComments,
  listModeratorsToNotify,
  readModeratorNotifications,
  setCommenterStanding,
  setCommentStatus,
  setModeratorNotifications,
  setTrainedAs,
  updateCommentText,
} from './moderation.queries.ts';
import { readSpamCounts, teachSpamModel } from './spam-model.queries.ts';

const t0 = new Date('2026-11-20T10:00:00.000Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

forEachDialect('comment, moderation and spam-model queries', (dialect) => {
  let database: DatabaseHandle;
  let articleId: number;
  let otherArticleId: number;
  let editorId: number;

  const comment = (row: Partial<NewCommentRow>): Promise<number> =>
    insertComment(database.db, testCommentRow({ articleId, createdAt: t0, ipAddress: '198.51.100.1', userAgent: 'test', ...row }));

  before(async () => {
    database = await createTestDatabase(dialect);
    const deps = { db: database.db, clock: { now: () => t0 }, changes: new ContentChanges() };
    const sectionId = (await createSection(database.db, { name: 'World', position: 0 })).id;
    for (const headline of ['Harbour reopens', 'Tram vote tonight']) {
      const article = await createArticle(deps, { headline, sectionId, authorIds: [], tagIds: [] });
      await publishArticle(deps, article.id, minutes(-60));
      if (headline === 'Harbour reopens') articleId = article.id;
      else otherArticleId = article.id;
    }
    editorId = await insertUser(database.db, { email: 'eddie@example.org', name: 'Eddie', role: 'editor', passwordHash: 'x' }, t0);
  });
  after(() => database.destroy());

  test('a published article is commentable with its section and an open flag; closing it is seen at once', async () => {
    const found = await findCommentableArticle(database.db, articleId, t0);
    assert.deepEqual(
      { ...found, publishedAt: found?.publishedAt.toISOString() },
      {
        id: articleId,
        slug: 'harbour-reopens',
        sectionSlug: 'world',
        headline: 'Harbour reopens',
        publishedAt: minutes(-60).toISOString(),
        commentsOpen: true,
        language: null,
      },
    );
    assert.equal(await findCommentableArticle(database.db, articleId, minutes(-61)), undefined, 'not before its publication');
    assert.equal(await setArticleCommentsOpen(database.db, otherArticleId, false), true);
    assert.equal((await findCommentableArticle(database.db, otherArticleId, t0))?.commentsOpen, false);
    assert.equal(await setArticleCommentsOpen(database.db, 999_999, false), false);
  });

  test('public comments: approved ones in order, plus the reader’s own pending ones; replies and their chain', async () => {
    const first = await comment({ body: 'First.', createdAt: minutes(1) });
    const reply = await comment({ parentId: first, body: 'Reply.', createdAt: minutes(2), staffUserId: editorId });
    const deeper = await comment({ parentId: reply, body: 'Deeper.', createdAt: minutes(3) });
    const pending = await comment({ status: 'pending', body: 'Mine, waiting.', createdAt: minutes(4) });
    await comment({ status: 'spam', body: 'Spam.', createdAt: minutes(5) });
    const elsewhere = await comment({ articleId: otherArticleId, status: 'pending', createdAt: minutes(6) });

    const outline = await listCommentOutline(database.db, articleId);
    assert.deepEqual(
      outline.map((row) => [row.id, row.parentId, row.status]),
      [
        [first, null, 'approved'],
        [reply, first, 'approved'],
        [deeper, reply, 'approved'],
      ],
    );
    const whole = await listPublicCommentsByIds(database.db, articleId, outline);
    const everyone = outline.map((row) => whole.get(row.id)!);
    assert.deepEqual(
      everyone.map((row) => [row.body, row.status, row.isStaff]),
      [
        ['First.', 'approved', false],
        ['Reply.', 'approved', true],
        ['Deeper.', 'approved', false],
      ],
    );
    assert.ok(everyone[0]!.createdAt instanceof Date && everyone[0]!.createdAt.getTime() === minutes(1).getTime());
    assert.equal(everyone[1]!.parentId, first);
    const mine = await listCommentOutline(database.db, articleId, [pending, elsewhere]);
    const mineWhole = await listPublicCommentsByIds(database.db, articleId, mine);
    assert.deepEqual(
      mine.map((row) => mineWhole.get(row.id)!.body),
      ['First.', 'Reply.', 'Deeper.', 'Mine, waiting.'],
    );
    assert.equal(mineWhole.get(pending)!.status, 'pending');
    assert.deepEqual(
      (await listNewestApprovedComments(database.db, articleId, 2)).map((row) => row.body),
      ['Deeper.', 'Reply.'],
      'the feed: newest approved first, at most the limit',
    );
    assert.deepEqual(await filterPendingCommentIds(database.db, articleId, [pending, elsewhere, first]), [pending]);
    assert.deepEqual(await filterPendingCommentIds(database.db, articleId, []), []);

    assert.deepEqual(await findReplyTarget(database.db, articleId, reply), { id: reply, parentId: first });
    assert.equal(await findReplyTarget(database.db, articleId, pending), undefined, 'not to a pending comment');
    assert.equal(await findReplyTarget(database.db, otherArticleId, reply), undefined, 'not across articles');
    assert.deepEqual(await listAncestorIds(database.db, deeper, 5), [reply, first]);
    assert.deepEqual(await listAncestorIds(database.db, deeper, 1), [reply]);
  });

  test('a recent duplicate is found by article, email, text and time', async () => {
    await comment({ authorEmail: 'twice@example.com', body: 'Sent twice.', createdAt: minutes(10) });
    const candidate = { articleId, email: 'twice@example.com', body: 'Sent twice.', since: minutes(9) };
    assert.equal(await hasRecentDuplicate(database.db, candidate), true);
    assert.equal(await hasRecentDuplicate(database.db, { ...candidate, since: minutes(11) }), false);
    assert.equal(await hasRecentDuplicate(database.db, { ...candidate, body: 'Other text.' }), false);
    assert.equal(await hasRecentDuplicate(database.db, { ...candidate, articleId: otherArticleId }), false);
  });

  test('reply alerts go to a confirmed commenter, never to themselves, and stop on request', async () => {
    const parent = await comment({ authorEmail: 'alerts@example.com', authorName: 'Alert Reader', replyAlertsRequested: true });
    const reply = await comment({ parentId: parent, authorEmail: 'other@example.com' });
    const ownReply = await comment({ parentId: parent, authorEmail: 'alerts@example.com' });
    assert.equal(await findReplyAlertRecipient(database.db, parent, reply), undefined, 'not before confirming');
    assert.deepEqual(await setReplyAlerts(database.db, parent, 'on'), { articleId });
    assert.deepEqual(await findReplyAlertRecipient(database.db, parent, reply), { commentId: parent, email: 'alerts@example.com', name: 'Alert Reader' });
    assert.equal(await findReplyAlertRecipient(database.db, parent, ownReply), undefined);
    await setReplyAlerts(database.db, parent, 'off');
    await setReplyAlerts(database.db, parent, 'on');
    assert.equal(await findReplyAlertRecipient(database.db, parent, reply), undefined, 'an old confirmation link cannot undo an unsubscribe');
    assert.equal(await setReplyAlerts(database.db, 999_999, 'off'), undefined);
  });

  test('the moderation queue: by status or commenter, newest first, with counts, reasons and scores', async () => {
    const held = await comment({
      status: 'pending',
      authorEmail: 'queue@example.com',
      body: 'Held one.',
      spamScore: 0.75,
      spamReasons: ['links'],
      createdAt: minutes(20),
    });
    const later = await comment({ status: 'pending', authorEmail: 'queue@example.com', body: 'Held two.', createdAt: minutes(21) });
    await comment({ status: 'approved', authorEmail: 'queue@example.com', body: 'Approved.', createdAt: minutes(22) });

    const queue = await listModeratedComments(database.db, { status: 'pending', email: 'queue@example.com', offset: 0, limit: 10 });
    assert.deepEqual(
      queue.map((row) => row.id),
      [later, held],
    );
    const found = await findModeratedComment(database.db, held);
    assert.equal(found?.spamScore, 0.75);
    assert.deepEqual(found?.spamReasons, ['links']);
    assert.deepEqual(found?.article, { id: articleId, headline: 'Harbour reopens', slug: 'harbour-reopens', sectionSlug: 'world' });
    assert.ok(found?.createdAt instanceof Date);
    assert.equal((await listModeratedComments(database.db, { email: 'queue@example.com', offset: 1, limit: 1 }))[0]?.id, later);
    assert.deepEqual(await countCommentsByStatus(database.db, 'queue@example.com'), { pending: 2, approved: 1, spam: 0, trash: 0 });
    const allPending = await countPendingComments(database.db);
    assert.equal(typeof allPending, 'number');
    assert.equal(allPending, (await countCommentsByStatus(database.db)).pending);

    const changes = await setCommentStatus(database.db, [held, later], 'spam', editorId, minutes(30));
    assert.deepEqual(
      changes.map((change) => [change.id, change.from, change.trainedAs]).sort(),
      [
        [held, 'pending', null],
        [later, 'pending', null],
      ].sort(),
    );
    assert.deepEqual(await countCommentsByStatus(database.db, 'queue@example.com'), { pending: 0, approved: 1, spam: 2, trash: 0 });
    assert.deepEqual(await setCommentStatus(database.db, [], 'approved', editorId, t0), []);
    await setTrainedAs(database.db, held, 'spam');
    assert.equal((await setCommentStatus(database.db, [held], 'trash', editorId, minutes(31)))[0]?.trainedAs, 'spam');

    assert.equal(
      await updateCommentText(database.db, later, { authorName: 'Renamed', authorWebsite: 'https://example.org/', body: 'Edited.' }, minutes(32)),
      articleId,
    );
    assert.equal((await findModeratedComment(database.db, later))?.body, 'Edited.');
    assert.equal(await updateCommentText(database.db, 999_999, { authorName: '', authorWebsite: '', body: '' }, t0), undefined);
  });

  test('commenters are trusted or banned by email; blocks are listed once; moderators choose notifications', async () => {
    assert.deepEqual(await findCommenterStanding(database.db, 'new@example.com'), { trusted: false, banned: false });
    await setCommenterStanding(database.db, 'new@example.com', { trusted: true }, t0);
    await setCommenterStanding(database.db, 'new@example.com', { banned: true }, t0);
    assert.deepEqual(await findCommenterStanding(database.db, 'new@example.com'), { trusted: true, banned: true });
    await setCommenterStanding(database.db, 'new@example.com', { trusted: false }, t0);
    assert.deepEqual(await findCommenterStanding(database.db, 'new@example.com'), { trusted: false, banned: true });

    assert.equal(await insertBlock(database.db, { kind: 'word', pattern: 'casino', by: editorId, at: t0 }), true);
    assert.equal(await insertBlock(database.db, { kind: 'word', pattern: 'casino', by: editorId, at: t0 }), false, 'already listed');
    const blocks = await listBlocks(database.db);
    assert.deepEqual(
      blocks.map((block) => [block.kind, block.pattern, block.createdAt.getTime()]),
      [['word', 'casino', t0.getTime()]],
    );
    await deleteBlock(database.db, blocks[0]!.id);
    assert.deepEqual(await listBlocks(database.db), []);

    assert.equal(await readModeratorNotifications(database.db, editorId), false);
    await setModeratorNotifications(database.db, editorId, true);
    assert.equal(await readModeratorNotifications(database.db, editorId), true);
    assert.deepEqual(await listModeratorsToNotify(database.db), [{ email: 'eddie@example.org', name: 'Eddie' }]);
  });

  test('the spam model counts features per label, and a lesson taken back never goes below zero', async () => {
    assert.deepEqual((await readSpamCounts(database.db, [])).counts, new Map());
    await teachSpamModel(database.db, ['w:casino', 'w:win'], 'spam', 1);
    await teachSpamModel(database.db, ['w:casino'], 'spam', 1);
    await teachSpamModel(database.db, ['w:win', 'w:harbour'], 'ham', 1);
    const learned = await readSpamCounts(database.db, ['w:casino', 'w:win', 'w:harbour', 'w:unseen']);
    assert.deepEqual(Object.fromEntries(learned.counts), { 'w:casino': { spam: 2, ham: 0 }, 'w:win': { spam: 1, ham: 1 }, 'w:harbour': { spam: 0, ham: 1 } });
    assert.deepEqual(learned.totals, { spamDocuments: 2, hamDocuments: 1 });
    await teachSpamModel(database.db, ['w:harbour', 'w:win'], 'ham', -1);
    await teachSpamModel(database.db, ['w:harbour'], 'ham', -1);
    await teachSpamModel(database.db, ['w:casino'], 'spam', -1);
    const unlearned = await readSpamCounts(database.db, ['w:harbour', 'w:win', 'w:casino']);
    assert.deepEqual(Object.fromEntries(unlearned.counts), { 'w:win': { spam: 1, ham: 0 }, 'w:harbour': { spam: 0, ham: 0 }, 'w:casino': { spam: 1, ham: 0 } });
    assert.deepEqual(unlearned.totals, { spamDocuments: 1, hamDocuments: 0 });
  });
});
