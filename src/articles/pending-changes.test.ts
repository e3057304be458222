import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Role } from '../accounts/roles.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ConflictError, ForbiddenError } from '../errors.ts';
import { ContentChanges, contentTags } from '../platform/content-changes.ts';
import { createSection } from '../sections/index.ts';
import { createTestDatabase, forEachDialect, insertTestUser } from '../../test/helpers/databases.ts';
import { saveArticleEdit } from './article-edits.ts';
import { findArticleIdBySlugHistory, findPublishedArticleBySlug } from './articles.queries.ts';
import { type ArticleInput, createArticle, getArticle, publishArticle } from './articles.service.ts';
import { newsroomListScope } from './editing-rules.ts';
import { countNewsroomArticles, listNewsroomArticles } from './newsroom.queries.ts';
import { listRevisions } from './revisions.queries.ts';
import { acceptPendingChange, findPendingChange, getProposedChange, rejectPendingChange, withdrawPendingChange } from './pending-changes.ts';
import { restoreRevision } from './revisions.ts';
import { trashArticle } from './trash.service.ts';

const t0 = new Date('2026-12-01T08:00:00.000Z');

forEachDialect('changes to live articles held for review', (dialect) => {
  let database: DatabaseHandle;
  let sectionId: number;
  const changes = new ContentChanges();
  const announced: string[] = [];
  changes.subscribe((tags) => announced.push(...tags));
  const deps = () => ({ db: database.db, clock: { now: () => t0 }, changes });
  const staff: Record<'editor' | 'contributor' | 'otherContributor', { id: number; role: Role }> = {
    editor: { id: 0, role: 'editor' },
    contributor: { id: 0, role: 'contributor' },
    otherContributor: { id: 0, role: 'contributor' },
  };
  const input = (headline: string, extra: Partial<ArticleInput> = {}): ArticleInput => ({
    headline,
    sectionId,
    authorIds: [],
    tagIds: [],
    bodyHtml: '<p>Text.</p>',
    ...extra,
  });

  /** A contributor's piece, published by an editor. */
  async function publishedPiece(headline: string, by = staff.contributor) {
    const article = await createArticle(deps(), input(headline), { actorId: by.id });
    return publishArticle(deps(), article.id, new Date(t0.getTime() - 60_000));
  }

  before(async () => {
    database = await createTestDatabase(dialect);
    sectionId = (await createSection(database.db, { name: 'World', position: 0 })).id;
    for (const [key, person] of Object.entries(staff)) {
      person.id = await insertTestUser(database.db, { email: `${key}@example.org`, name: key, role: person.role }, t0);
    }
  });
  after(() => database.destroy());

  test("a contributor's edit to their published piece is kept aside: the article, its address and its revisions are untouched", async () => {
    const live = await publishedPiece('Harbour reopens');
    announced.length = 0;
    const outcome = await saveArticleEdit(deps(), live.id, input('Harbour closes again', { slug: 'harbour-closes-again' }), {
      editor: staff.contributor,
      expectedVersion: live.version,
    });
    assert.equal(outcome.kind, 'held');
    const after = await getArticle(database.db, live.id);
    assert.deepEqual([after.headline, after.slug, after.version, after.status], ['Harbour reopens', 'harbour-reopens', live.version, 'published']);
    assert.ok(await findPublishedArticleBySlug(database.db, 'harbour-reopens', t0));
    assert.equal(await findArticleIdBySlugHistory(database.db, 'world', 'harbour-reopens'), undefined);
    assert.equal((await listRevisions(database.db, live.id)).length, 1, 'only the first save is a revision');
    // Only the newsroom's lists change, and no page carries their tag.
    assert.deepEqual(announced, [contentTags.newsroom], 'no cached page is dropped: nothing readers see changed');
    const waiting = await findPendingChange(database.db, live.id);
    assert.equal(waiting?.snapshot.headline, 'Harbour closes again');
    assert.equal(waiting?.proposedBy, staff.contributor.id);
    assert.equal(waiting?.baseVersion, live.version);
  });

  test("a newer proposal from the same person replaces theirs; someone else's is refused while one waits", async () => {
    const live = await publishedPiece('Bridge vote delayed');
    const first = await saveArticleEdit(deps(), live.id, input('Bridge vote delayed again'), { editor: staff.contributor });
    const second = await saveArticleEdit(deps(), live.id, input('Bridge vote delayed a third time'), { editor: staff.contributor });
    assert.ok(first.kind === 'held' && second.kind === 'held');
    assert.notEqual(first.change.id, second.change.id);
    assert.equal((await findPendingChange(database.db, live.id))?.snapshot.headline, 'Bridge vote delayed a third time');
    await assert.rejects(getProposedChange(database.db, live.id, first.change.id), /no such change/);
    // Another contributor could only reach here through a role or ownership change; the waiting change still wins.
    await database.db.updateTable('articles').set({ created_by: staff.otherContributor.id }).where('id', '=', live.id).execute();
    await assert.rejects(saveArticleEdit(deps(), live.id, input('Mine now'), { editor: staff.otherContributor }), ConflictError);
  });

  test('a proposal made from an older copy of the article is refused like a stale save', async () => {
    const live = await publishedPiece('Ferry strike ends');
    await saveArticleEdit(deps(), live.id, input('Ferry strike ends, editor’s words'), { editor: staff.editor });
    await assert.rejects(
      saveArticleEdit(deps(), live.id, input('Ferry strike over'), { editor: staff.contributor, expectedVersion: live.version }),
      ConflictError,
    );
    assert.equal(await findPendingChange(database.db, live.id), undefined);
  });

  test("accepting publishes the proposal through the ordinary save: new address, old one kept, revision in the writer's name", async () => {
    const live = await publishedPiece('Night trains return');
    const held = await saveArticleEdit(deps(), live.id, input('Night trains return in spring', { slug: 'night-trains-return-in-spring' }), {
      editor: staff.contributor,
    });
    assert.equal(held.kind, 'held');
    const waiting = (await findPendingChange(database.db, live.id))!;
    await assert.rejects(
      acceptPendingChange(deps(), live.id, { editor: staff.contributor, changeId: waiting.id, expectedVersion: live.version }),
      ForbiddenError,
    );
    await assert.rejects(
      acceptPendingChange(deps(), live.id, { editor: staff.editor, changeId: waiting.id + 1000, expectedVersion: live.version }),
      ConflictError,
    );
    announced.length = 0;
    const { article } = await acceptPendingChange(deps(), live.id, { editor: staff.editor, changeId: waiting.id, expectedVersion: live.version });
    assert.deepEqual([article.headline, article.slug, article.status], ['Night trains return in spring', 'night-trains-return-in-spring', 'published']);
    assert.equal(await findArticleIdBySlugHistory(database.db, 'world', 'night-trains-return'), live.id);
    assert.ok(announced.includes(`article:${live.id}`), 'cached pages are dropped');
    const revisions = await listRevisions(database.db, live.id);
    assert.equal(revisions[0]?.savedByName, 'contributor');
    assert.equal(await findPendingChange(database.db, live.id), undefined);
    const decided = await getProposedChange(database.db, live.id, waiting.id);
    assert.equal(decided.state, 'accepted');
    assert.equal(decided.decidedByName, 'editor');
  });

  test('accepting is refused when the live article was saved after the editor compared it', async () => {
    const live = await publishedPiece('Market day moves');
    await saveArticleEdit(deps(), live.id, input('Market day moves to Friday'), { editor: staff.contributor });
    const waiting = (await findPendingChange(database.db, live.id))!;
    await saveArticleEdit(deps(), live.id, input('Market day moves, says council'), { editor: staff.editor });
    await assert.rejects(acceptPendingChange(deps(), live.id, { editor: staff.editor, changeId: waiting.id, expectedVersion: live.version }), ConflictError);
    assert.equal((await findPendingChange(database.db, live.id))?.id, waiting.id, 'still waiting');
    assert.equal((await getArticle(database.db, live.id)).headline, 'Market day moves, says council');
  });

  test('rejecting and withdrawing leave the article as it was and keep the proposal, marked', async () => {
    const live = await publishedPiece('Library hours cut');
    await saveArticleEdit(deps(), live.id, input('Library hours cut in half'), { editor: staff.contributor });
    const rejected = (await findPendingChange(database.db, live.id))!;
    await rejectPendingChange(deps(), live.id, { editor: staff.editor, changeId: rejected.id });
    assert.equal((await getProposedChange(database.db, live.id, rejected.id)).state, 'rejected');
    await assert.rejects(rejectPendingChange(deps(), live.id, { editor: staff.editor, changeId: rejected.id }), ConflictError);

    await saveArticleEdit(deps(), live.id, input('Library hours cut, again'), { editor: staff.contributor });
    const withdrawn = (await findPendingChange(database.db, live.id))!;
    await assert.rejects(withdrawPendingChange(deps(), live.id, { editor: staff.editor, changeId: withdrawn.id }), ForbiddenError);
    await withdrawPendingChange(deps(), live.id, { editor: staff.contributor, changeId: withdrawn.id });
    assert.equal((await getProposedChange(database.db, live.id, withdrawn.id)).state, 'withdrawn');
    assert.equal((await getArticle(database.db, live.id)).headline, 'Library hours cut');
  });

  test('restoring an old version of a live article is held the same way; a draft is saved at once', async () => {
    const live = await publishedPiece('Tram line opens');
    const oldest = (await listRevisions(database.db, live.id)).at(-1)!;
    await saveArticleEdit(deps(), live.id, input('Tram line opens late'), { editor: staff.editor });
    const restored = await restoreRevision(deps(), live.id, oldest.id, { editor: staff.contributor });
    assert.equal(restored.kind, 'held');
    assert.equal((await getArticle(database.db, live.id)).headline, 'Tram line opens late');

    const draft = await createArticle(deps(), input('A draft of mine'), { actorId: staff.contributor.id });
    const saved = await saveArticleEdit(deps(), draft.id, input('A draft of mine, longer'), { editor: staff.contributor });
    assert.ok(saved.kind === 'saved' && !saved.wasLive);
    assert.equal((await getArticle(database.db, draft.id)).headline, 'A draft of mine, longer');
  });

  test("a writer's list holds their own work in any state and others' published articles; the query decides, counts included", async () => {
    const writer = { id: staff.otherContributor.id, role: 'contributor' as const };
    const mine = await createArticle(deps(), input('List: my own draft'), { actorId: writer.id });
    const myTrashed = await createArticle(deps(), input('List: my trashed draft'), { actorId: writer.id });
    await trashArticle(deps(), myTrashed.id);
    await createArticle(deps(), input('List: an editor’s draft'), { actorId: staff.editor.id });
    const scheduled = await createArticle(deps(), input('List: an editor’s scheduled piece'), { actorId: staff.editor.id });
    await publishArticle(deps(), scheduled.id, new Date(t0.getTime() + 3_600_000));
    const othersTrashed = await createArticle(deps(), input('List: an editor’s trashed piece'), { actorId: staff.editor.id });
    await trashArticle(deps(), othersTrashed.id);
    const published = await publishedPiece('List: published by someone else', staff.editor);

    const scope = newsroomListScope(writer);
    const headlines = async (view: 'articles' | 'trash') =>
      (await listNewsroomArticles(database.db, { view, scope, limit: 500, offset: 0 })).map((row) => row.headline);
    const working = await headlines('articles');
    assert.ok(working.includes(mine.headline) && working.includes(published.headline));
    assert.equal(working.filter((headline) => headline.startsWith('List: an editor')).length, 0, working.join(' | '));
    assert.deepEqual(await headlines('trash'), ['List: my trashed draft']);
    assert.equal(await countNewsroomArticles(database.db, 'articles', scope), working.length);
    assert.equal(await countNewsroomArticles(database.db, 'trash', scope), 1);
    const everything = await listNewsroomArticles(database.db, { view: 'articles', scope: { kind: 'everything' }, limit: 500, offset: 0 });
    assert.ok(everything.some((row) => row.headline === 'List: an editor’s draft'));
  });

  test('the list of changes awaiting review holds live articles with a held proposal, for everyone and for a writer', async () => {
    const waiting = await publishedPiece('Changes: a proposal waits');
    await saveArticleEdit(deps(), waiting.id, input('Changes: the proposed headline'), { editor: staff.contributor, expectedVersion: waiting.version });
    const untouched = await publishedPiece('Changes: nothing proposed');
    const changed = async (scope: Parameters<typeof countNewsroomArticles>[2]) =>
      (await listNewsroomArticles(database.db, { view: 'changes', scope, limit: 500, offset: 0 })).filter((row) => row.headline.startsWith('Changes:'));
    const forEditors = await changed({ kind: 'everything' });
    assert.deepEqual(
      forEditors.map((row) => [row.id, row.changePending]),
      [[waiting.id, true]],
    );
    assert.ok(!forEditors.some((row) => row.id === untouched.id));
    const scope = newsroomListScope(staff.contributor);
    assert.deepEqual(
      (await changed(scope)).map((row) => row.id),
      [waiting.id],
    );
    const all = await countNewsroomArticles(database.db, 'changes', { kind: 'everything' });
    assert.equal(typeof all, 'number');
    assert.ok(all >= 1);
    assert.ok((await countNewsroomArticles(database.db, 'changes', scope)) >= 1);
  });
});
