import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Role } from '../accounts/roles.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { createSection } from '../sections/index.ts';
import { createTag, updateTag } from '../tags/index.ts';
import { createTestDatabase, forEachDialect, insertTestUser } from '../../test/helpers/databases.ts';
import { saveArticleEdit } from './article-edits.ts';
import { type ArticleInput, createArticle, publishArticle, requestReview, unpublishArticle, updateArticle } from './articles.service.ts';
import { newsroomListScope } from './editing-rules.ts';
import { NewsroomCounts } from './newsroom-counts.ts';
import { countNewsroomLists, type NewsroomView } from './newsroom.queries.ts';
import type { NewsroomListFilters } from './newsroom-filters.queries.ts';
import { acceptPendingChange, rejectPendingChange, withdrawPendingChange } from './pending-changes.ts';
import { deleteArticleForever, restoreArticle, trashArticle } from './trash.service.ts';

const t0 = new Date('2026-12-01T08:00:00.000Z');

forEachDialect('newsroom list counts kept between requests', (dialect) => {
  let database: DatabaseHandle;
  const ids = { world: 0, science: 0, harbour: 0 };
  const changes = new ContentChanges();
  const kept = new NewsroomCounts(changes);
  const deps = () => ({ db: database.db, clock: { now: () => t0 }, changes });
  const staff: Record<'editor' | 'contributor', { id: number; role: Role }> = {
    editor: { id: 0, role: 'editor' },
    contributor: { id: 0, role: 'contributor' },
  };
  const input = (headline: string, extra: Partial<ArticleInput> = {}): ArticleInput => ({
    headline,
    sectionId: ids.world,
    authorIds: [],
    tagIds: [],
    bodyHtml: '<p>Text.</p>',
    ...extra,
  });

  /** The lists a newsroom looks at: each view, some filters, everyone's and a contributor's. */
  const lists = (): { view: NewsroomView; scope: ReturnType<typeof newsroomListScope>; filters?: NewsroomListFilters }[] =>
    (['articles', 'changes', 'trash'] as const).flatMap((view) =>
      [newsroomListScope(staff.editor), newsroomListScope(staff.contributor)].flatMap((scope) => [
        { view, scope },
        { view, scope, filters: { sectionId: ids.science } },
        { view, scope, filters: { status: 'draft' as const } },
        { view, scope, filters: { status: 'review' as const } },
        { view, scope, filters: { tag: 'Harbour' } },
        { view, scope, filters: { text: 'ferry' } },
      ]),
    );

  /** After each change, every kept count is what counting afresh gives. */
  async function assertCountsExact(after: string): Promise<void> {
    for (const list of lists()) {
      assert.deepEqual(
        await countNewsroomLists(database.db, list, { counts: kept, now: t0 }),
        await countNewsroomLists(database.db, list),
        `${after}: ${JSON.stringify(list)}`,
      );
    }
  }

  before(async () => {
    database = await createTestDatabase(dialect);
    ids.world = (await createSection(database.db, { name: 'World', position: 0 })).id;
    ids.science = (await createSection(database.db, { name: 'Science', position: 1 })).id;
    ids.harbour = (await createTag(database.db, { name: 'Harbour' })).id;
    for (const [key, person] of Object.entries(staff)) {
      person.id = await insertTestUser(database.db, { email: `${key}@example.org`, name: key, role: person.role }, t0);
    }
  });
  after(() => database.destroy());

  test('every change a newsroom makes shows in the very next count', async () => {
    await assertCountsExact('empty');
    const draft = await createArticle(deps(), input('Ferry timetable changes'), { actorId: staff.contributor.id });
    await assertCountsExact('a draft made');
    await requestReview(deps(), draft.id);
    await assertCountsExact('sent for review');
    await updateArticle(deps(), draft.id, input('Ferry timetable changes', { sectionId: ids.science, tagIds: [ids.harbour] }), { actorId: staff.editor.id });
    await assertCountsExact('moved and tagged');
    const live = await publishArticle(deps(), draft.id, new Date(t0.getTime() - 60_000));
    await assertCountsExact('published');

    const proposal = async () => {
      const outcome = await saveArticleEdit(deps(), live.id, input('Ferry timetable changes again', { sectionId: ids.science }), {
        editor: staff.contributor,
      });
      assert.equal(outcome.kind, 'held');
      await assertCountsExact('a change proposed');
      return outcome.kind === 'held' ? outcome.change.id : 0;
    };
    await rejectPendingChange(deps(), live.id, { editor: staff.editor, changeId: await proposal() });
    await assertCountsExact('a change rejected');
    await withdrawPendingChange(deps(), live.id, { editor: staff.contributor, changeId: await proposal() });
    await assertCountsExact('a change withdrawn');
    const current = await acceptPendingChange(deps(), live.id, { editor: staff.editor, changeId: await proposal(), expectedVersion: live.version });
    await assertCountsExact('a change accepted');

    await unpublishArticle(deps(), current.article.id);
    await assertCountsExact('unpublished');
    await trashArticle(deps(), live.id);
    await assertCountsExact('trashed');
    await restoreArticle(deps(), live.id);
    await assertCountsExact('restored');
    await trashArticle(deps(), live.id);
    await deleteArticleForever(deps(), live.id);
    await assertCountsExact('deleted for good');

    const tagged = await createArticle(deps(), input('Harbour cranes', { tagIds: [ids.harbour] }), { actorId: staff.editor.id });
    await assertCountsExact('another draft');
    await updateTag({ db: database.db, changes, now: t0 }, ids.harbour, { name: 'Port' });
    await assertCountsExact('its tag renamed');
    assert.ok(tagged.id > 0);
  });

  test('a count is read once, and again only after a change or when it has been kept too long', async () => {
    const counts = new NewsroomCounts(changes, 1_000);
    let reads = 0;
    const read = async () => ++reads;
    assert.equal(await counts.count('list', t0, read), 1);
    assert.equal(await counts.count('list', new Date(t0.getTime() + 999), read), 1);
    changes.announce(['article:1']);
    assert.equal(await counts.count('list', t0, read), 1, "a change to one article's comments keeps it");
    changes.announce(['newsroom']);
    assert.equal(await counts.count('list', t0, read), 2);
    assert.equal(await counts.count('list', new Date(t0.getTime() + 1_000), read), 3);
  });
});
