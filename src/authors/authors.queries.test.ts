import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DatabaseHandle } from '../db/connect.ts';
import { createTestDatabase, forEachDialect, insertTestUser } from '../../test/helpers/databases.ts';
import { claimAuthorForUser, findAuthorForLinking, findAuthorIdForUser, insertAuthor, listAuthorsForLinking, unlinkAuthorsOfUser } from './authors.queries.ts';

const t0 = new Date('2026-12-07T11:00:00.000Z');

forEachDialect('author queries linking profiles to staff accounts', (dialect) => {
  let database: DatabaseHandle;
  let ana: number;
  let ben: number;
  const profile = async (name: string) =>
    insertAuthor(database.db, { slug: name.toLowerCase().replace(/\W+/g, '-'), name, jobTitle: '', bio: '', photoMediaId: null });

  before(async () => {
    database = await createTestDatabase(dialect);
    ana = await insertTestUser(database.db, { email: 'ana@example.org', name: 'Ana Costa', role: 'author' }, t0);
    ben = await insertTestUser(database.db, { email: 'ben@example.org', name: 'Ben Osei', role: 'contributor' }, t0);
  });
  after(() => database.destroy());

  test('a profile is claimed by one account; another account cannot take it, its holder may claim it again', async () => {
    const column = await profile('Column One');
    assert.equal(await findAuthorIdForUser(database.db, ana), undefined);
    assert.equal(await claimAuthorForUser(database.db, column, ana), true);
    assert.equal(await findAuthorIdForUser(database.db, ana), column);
    assert.equal(await claimAuthorForUser(database.db, column, ben), false);
    assert.equal(await claimAuthorForUser(database.db, column, ana), true);
    assert.deepEqual((await findAuthorForLinking(database.db, column))?.linkedTo, { userId: ana, name: 'Ana Costa' });
    assert.equal(await claimAuthorForUser(database.db, 999_999, ana), false, 'no such profile');
    await unlinkAuthorsOfUser(database.db, ana);
  });

  test('an account holds at most one profile: the database refuses a second', async () => {
    const first = await profile('Unique First');
    const second = await profile('Unique Second');
    assert.equal(await claimAuthorForUser(database.db, first, ben), true);
    await assert.rejects(claimAuthorForUser(database.db, second, ben));
    await unlinkAuthorsOfUser(database.db, ben, first);
    assert.equal(await findAuthorIdForUser(database.db, ben), first, 'the kept profile stays linked');
    await unlinkAuthorsOfUser(database.db, ben);
    assert.equal(await findAuthorIdForUser(database.db, ben), undefined);
    assert.equal((await findAuthorForLinking(database.db, first))?.linkedTo, null);
  });

  test('every profile is listed by name with whom it belongs to', async () => {
    const listed = await profile('Listed Linked');
    await profile('Listed Free');
    await claimAuthorForUser(database.db, listed, ben);
    const rows = (await listAuthorsForLinking(database.db)).filter((author) => author.name.startsWith('Listed'));
    assert.deepEqual(
      rows.map((author) => [author.name, author.linkedTo?.name ?? null]),
      [
        ['Listed Free', null],
        ['Listed Linked', 'Ben Osei'],
      ],
    );
    await unlinkAuthorsOfUser(database.db, ben);
  });

  test('deleting an account frees its profile and keeps the profile', async () => {
    const leaving = await insertTestUser(database.db, { email: 'leaving@example.org', name: 'Lee Leaving', role: 'author' }, t0);
    const kept = await profile('Kept After Leaving');
    await claimAuthorForUser(database.db, kept, leaving);
    await database.db.deleteFrom('users').where('id', '=', leaving).execute();
    const after = await findAuthorForLinking(database.db, kept);
    assert.equal(after?.name, 'Kept After Leaving');
    assert.equal(after?.linkedTo, null);
  });
});
