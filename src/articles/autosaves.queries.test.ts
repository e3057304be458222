import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DatabaseHandle } from '../db/connect.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { createTestDatabase, forEachDialect, insertTestUser } from '../../test/helpers/databases.ts';
import { createArticle, updateArticle } from './articles.service.ts';
import { deleteAutosave, findAutosave, findLatestSave, listOtherEditors, upsertAutosave } from './autosaves.queries.ts';

const t0 = new Date('2026-11-27T09:00:00.000Z');
const minutesLater = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

forEachDialect('article autosaves', (dialect) => {
  let database: DatabaseHandle;
  let articleId: number;
  const users: Record<'mina' | 'tomas', number> = { mina: 0, tomas: 0 };

  before(async () => {
    database = await createTestDatabase(dialect);
    for (const name of ['mina', 'tomas'] as const) {
      users[name] = await insertTestUser(database.db, { email: `${name}@example.org`, name: name === 'mina' ? 'Mina Park' : 'Tomás Ruiz', role: 'editor' }, t0);
    }
    const deps = { db: database.db, clock: { now: () => t0 }, changes: new ContentChanges() };
    articleId = (await createArticle(deps, { headline: 'Draft', sectionId: null, authorIds: [], tagIds: [] }, { actorId: users.mina })).id;
  });
  after(() => database.destroy());

  test('one autosave per article and person, replaced by the next, read back with its fields', async () => {
    await upsertAutosave(database.db, { articleId, userId: users.mina, savedAt: minutesLater(1), baseVersion: 1, fields: { headline: 'First' } });
    await upsertAutosave(database.db, {
      articleId,
      userId: users.mina,
      savedAt: minutesLater(2),
      baseVersion: 1,
      fields: { headline: 'Second', bodyHtml: '<p>é “quotes”</p>' },
    });
    const found = await findAutosave(database.db, articleId, users.mina);
    assert.deepEqual(found, {
      articleId,
      userId: users.mina,
      savedAt: minutesLater(2),
      baseVersion: 1,
      fields: { headline: 'Second', bodyHtml: '<p>é “quotes”</p>' },
    });
    assert.equal(await findAutosave(database.db, articleId, users.tomas), undefined);
  });

  test('others typing recently are listed with their names, newest first; oneself and old autosaves are not', async () => {
    await upsertAutosave(database.db, { articleId, userId: users.tomas, savedAt: minutesLater(3), baseVersion: 1, fields: {} });
    assert.deepEqual(await listOtherEditors(database.db, articleId, users.mina, minutesLater(2)), [{ name: 'Tomás Ruiz', savedAt: minutesLater(3) }]);
    assert.deepEqual(await listOtherEditors(database.db, articleId, users.mina, minutesLater(4)), []);
    assert.deepEqual(await listOtherEditors(database.db, articleId, users.tomas, minutesLater(0)), [{ name: 'Mina Park', savedAt: minutesLater(2) }]);
  });

  test('the latest save names who made it', async () => {
    const deps = { db: database.db, clock: { now: () => minutesLater(5) }, changes: new ContentChanges() };
    await updateArticle(
      deps,
      articleId,
      { headline: 'Saved by Tomás', sectionId: null, authorIds: [], tagIds: [] },
      { actorId: users.tomas, expectedVersion: 1 },
    );
    assert.deepEqual(await findLatestSave(database.db, articleId), { savedByName: 'Tomás Ruiz', savedAt: minutesLater(5) });
  });

  test('deleting says whether there was anything to delete', async () => {
    assert.equal(await deleteAutosave(database.db, articleId, users.mina), true);
    assert.equal(await deleteAutosave(database.db, articleId, users.mina), false);
    assert.equal(await findAutosave(database.db, articleId, users.mina), undefined);
  });
});
