import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DatabaseHandle } from '../db/connect.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { createTestDatabase, forEachDialect, insertTestUser } from '../../test/helpers/databases.ts';
import { findAuthorForLinking, findAuthorIdForUser } from './authors.queries.ts';
import { createAuthor, createAuthorForUser, linkAuthorToUser } from './authors.service.ts';

const t0 = new Date('2026-12-07T11:00:00.000Z');

forEachDialect('linking bylines to staff accounts', (dialect) => {
  let database: DatabaseHandle;
  let accounts = 0;
  const user = async (name: string) => ({ id: await insertTestUser(database.db, { email: `staff${++accounts}@example.org`, name, role: 'author' }, t0), name });

  before(async () => {
    database = await createTestDatabase(dialect);
  });
  after(() => database.destroy());

  test('linking moves the account to the new profile and frees the old one; null frees it', async () => {
    const ana = await user('Ana Costa');
    const first = await createAuthor(database.db, { name: 'Ana C.' });
    const second = await createAuthor(database.db, { name: 'Ana Costa (columns)' });
    assert.equal((await linkAuthorToUser(database.db, first.id, ana.id))?.linkedTo?.userId, ana.id);
    const moved = await linkAuthorToUser(database.db, second.id, ana.id);
    assert.deepEqual(moved?.linkedTo, { userId: ana.id, name: 'Ana Costa' });
    assert.equal((await findAuthorForLinking(database.db, first.id))?.linkedTo, null);
    assert.equal((await linkAuthorToUser(database.db, second.id, ana.id))?.id, second.id, 'linking the same profile again changes nothing');
    assert.equal(await linkAuthorToUser(database.db, null, ana.id), null);
    assert.equal(await findAuthorIdForUser(database.db, ana.id), undefined);
  });

  test("another person's profile is refused, naming them, and the refused account keeps what it had", async () => {
    const holder = await user('Priya Raman');
    const taker = await user('Tom Taker');
    const held = await createAuthor(database.db, { name: 'Priya R.' });
    const own = await createAuthor(database.db, { name: 'Tom T.' });
    await linkAuthorToUser(database.db, held.id, holder.id);
    await linkAuthorToUser(database.db, own.id, taker.id);
    await assert.rejects(linkAuthorToUser(database.db, held.id, taker.id), (error: unknown) => {
      assert.ok(error instanceof ConflictError);
      assert.match(error.message, /Priya Raman/);
      return true;
    });
    assert.equal(await findAuthorIdForUser(database.db, taker.id), own.id);
    assert.equal(await findAuthorIdForUser(database.db, holder.id), held.id);
    await assert.rejects(linkAuthorToUser(database.db, 999_999, taker.id), NotFoundError);
  });

  test('a byline made from the name gets a free slug, and is linked; a second one is refused', async () => {
    await createAuthor(database.db, { name: 'Sam Lee' });
    const sam = await user('Sam Lee');
    const made = await createAuthorForUser(database.db, sam);
    assert.equal(made.name, 'Sam Lee');
    assert.equal(made.slug, 'sam-lee-2', 'the existing profile keeps sam-lee');
    assert.equal(await findAuthorIdForUser(database.db, sam.id), made.id);
    await assert.rejects(createAuthorForUser(database.db, sam), ConflictError);
  });

  test('names a URL cannot carry still make a readable slug; other scripts keep theirs', async () => {
    const stars = await user('★★★');
    assert.equal((await createAuthorForUser(database.db, stars)).slug, `author-${stars.id}`);
    const markup = await user('<b>Jo</b>');
    assert.equal((await createAuthorForUser(database.db, markup)).slug, 'b-jo-b');
    const korean = await user('박지원');
    assert.equal((await createAuthorForUser(database.db, korean)).slug, '박지원');
  });
});
