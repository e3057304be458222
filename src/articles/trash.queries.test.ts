import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DatabaseHandle } from '../db/connect.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { createSection } from '../sections/index.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import { findPublishedArticleBySlug } from './articles.queries.ts';
import { createArticle, publishArticle } from './articles.service.ts';
import { countNewsroomArticles, listNewsroomArticles } from './newsroom.queries.ts';
import { deleteTrashedArticle, isTrashedAfterPublication } from './trash.queries.ts';
import { deleteArticleForever, restoreArticle, trashArticle } from './trash.service.ts';

const t0 = new Date('2026-11-01T08:00:00.000Z');
const everything = { kind: 'everything' } as const;

forEachDialect('article trash data layer', (dialect) => {
  let database: DatabaseHandle;
  let sectionId: number;
  const changes = new ContentChanges();
  const announced: string[][] = [];
  changes.subscribe((tags) => announced.push([...tags]));
  const deps = () => ({ db: database.db, clock: { now: () => t0 }, changes });
  const headlines = async (view: 'articles' | 'trash') =>
    (await listNewsroomArticles(database.db, { view, scope: everything, limit: 50, offset: 0 })).map((row) => row.headline);

  before(async () => {
    database = await createTestDatabase(dialect);
    sectionId = (await createSection(database.db, { name: 'World', position: 0 })).id;
  });
  after(() => database.destroy());

  test('a trashed article is a draft with a trash time: out of reader queries and the working list, in the trash', async () => {
    const live = await createArticle(deps(), { headline: 'Harbour reopens', sectionId, authorIds: [], tagIds: [] });
    await publishArticle(deps(), live.id, new Date(t0.getTime() - 60_000));
    const kept = await createArticle(deps(), { headline: 'Kept draft', sectionId, authorIds: [], tagIds: [] });
    announced.length = 0;
    const trashed = await trashArticle(deps(), live.id);
    assert.equal(trashed.status, 'draft');
    assert.equal(trashed.trashedAt?.getTime(), t0.getTime());
    assert.ok(announced.flat().includes(`article:${live.id}`), 'cached pages showing it are dropped');
    assert.equal(await findPublishedArticleBySlug(database.db, 'harbour-reopens', t0), undefined);
    assert.deepEqual(await headlines('articles'), ['Kept draft']);
    assert.deepEqual(await headlines('trash'), ['Harbour reopens']);
    assert.deepEqual([await countNewsroomArticles(database.db, 'articles', everything), await countNewsroomArticles(database.db, 'trash', everything)], [1, 1]);
    assert.equal(await isTrashedAfterPublication(database.db, 'harbour-reopens', t0), true);
    assert.equal(await isTrashedAfterPublication(database.db, 'kept-draft', t0), false);
    assert.equal(await deleteTrashedArticle(database.db, kept.id), false, 'only what is in the trash is deleted');

    const restored = await restoreArticle(deps(), live.id);
    assert.equal(restored.trashedAt, null);
    assert.equal(restored.status, 'draft');
    assert.ok(restored.publishedAt, 'it keeps its first publication time for when it comes back');
    await assert.rejects(restoreArticle(deps(), live.id), { code: 'CONFLICT' });
    await assert.rejects(deleteArticleForever(deps(), live.id), { code: 'CONFLICT' });
    await trashArticle(deps(), live.id);
    await deleteArticleForever(deps(), live.id);
    assert.deepEqual(await headlines('trash'), []);
  });

  test('a scheduled article in the trash loses its time: it was never on the site', async () => {
    const scheduled = await createArticle(deps(), { headline: 'Museum opens', sectionId, authorIds: [], tagIds: [] });
    await publishArticle(deps(), scheduled.id, new Date(t0.getTime() + 3_600_000));
    const trashed = await trashArticle(deps(), scheduled.id);
    assert.equal(trashed.publishedAt, null);
    assert.equal(await isTrashedAfterPublication(database.db, 'museum-opens', new Date(t0.getTime() + 7_200_000)), false);
  });
});
