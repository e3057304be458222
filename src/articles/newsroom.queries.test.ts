import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createAuthor } from '../authors/index.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { createSection } from '../sections/index.ts';
import { findOrCreateTag } from '../tags/index.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import { findNames, keepExistingIds } from './newsroom.queries.ts';

forEachDialect('names of what a revision points at', (dialect) => {
  let database: DatabaseHandle;
  before(async () => {
    database = await createTestDatabase(dialect);
  });
  after(() => database.destroy());

  test('ids still there are kept and named, whichever table; gone ones are dropped', async () => {
    const world = (await createSection(database.db, { name: 'World', position: 0 })).id;
    const science = (await createSection(database.db, { name: 'Science', position: 1 })).id;
    const tag = (await findOrCreateTag(database.db, { name: 'Trams' })).id;
    const author = (await createAuthor(database.db, { slug: 'mina-park', name: 'Mina Park', jobTitle: 'Reporter', bio: '' })).id;
    assert.deepEqual(Object.fromEntries(await findNames(database.db, 'sections', [world, science, 999_999])), { [world]: 'World', [science]: 'Science' });
    assert.deepEqual(Object.fromEntries(await findNames(database.db, 'sections', [science])), { [science]: 'Science' });
    assert.deepEqual(Object.fromEntries(await findNames(database.db, 'tags', [tag])), { [tag]: 'Trams' });
    assert.deepEqual(Object.fromEntries(await findNames(database.db, 'authors', [author])), { [author]: 'Mina Park' });
    assert.deepEqual((await findNames(database.db, 'authors', [])).size, 0);
    assert.deepEqual((await keepExistingIds(database.db, 'sections', [world, 999_999, science])).sort(), [world, science].sort());
    assert.deepEqual(await keepExistingIds(database.db, 'tags', []), []);
  });
});
