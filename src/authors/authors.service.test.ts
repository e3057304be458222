import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createArticle, trashArticle } from '../articles/index.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { ContentChanges, contentTags } from '../platform/content-changes.ts';
import { findFormerOwner } from '../platform/slug-history.ts';
import { createTestDatabase, forEachDialect, insertTestUser } from '../../test/helpers/databases.ts';
import { findAuthorById, findAuthorForLinking, findAuthorIdForUser } from './authors.queries.ts';
import { createAuthor, createAuthorForUser, deleteUnusedAuthor, linkAuthorToUser, updateAuthor } from './authors.service.ts';

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

forEachDialect('deleting author profiles', (dialect) => {
  let database: DatabaseHandle;

  before(async () => {
    database = await createTestDatabase(dialect);
  });
  after(() => database.destroy());

  test('a profile in any byline, even a trashed article’s, is refused with the count; the byline stays', async () => {
    const changes = new ContentChanges();
    const deps = { db: database.db, clock: { now: () => t0 }, changes };
    const author = await createAuthor(database.db, { name: 'Rae Trashed' });
    const articles = [];
    for (const headline of ['Draft one', 'Draft two'])
      articles.push(await createArticle(deps, { headline, sectionId: null, authorIds: [author.id], tagIds: [] }));
    await trashArticle(deps, articles[0]!.id);
    await assert.rejects(deleteUnusedAuthor(deps, author.id), (error: unknown) => {
      assert.ok(error instanceof ConflictError);
      assert.match(error.message, /byline of 2 articles, counting drafts and the trash/);
      return true;
    });
    assert.ok(await findAuthorById(database.db, author.id));
    const bylines = await database.db.selectFrom('article_authors').select('article_id').where('author_id', '=', author.id).orderBy('article_id').execute();
    assert.deepEqual(
      bylines.map((row) => row.article_id),
      articles.map((article) => article.id),
    );
    await assert.rejects(deleteUnusedAuthor(deps, 999_999), NotFoundError);
  });

  test('an unused profile is deleted: its linked account keeps no byline, its old slugs are forgotten, its pages are dropped', async () => {
    const changes = new ContentChanges();
    const announced: string[] = [];
    changes.subscribe((tags) => announced.push(...tags));
    const lee = await insertTestUser(database.db, { email: 'lee@example.org', name: 'Lee Unused', role: 'author' }, t0);
    const author = await createAuthor(database.db, { name: 'Lee U.', slug: 'lee-u' });
    await updateAuthor({ db: database.db, changes, now: t0 }, author.id, { name: 'Lee U.', slug: 'lee-unused' });
    assert.equal(await findFormerOwner(database.db, 'author', 'lee-u'), author.id);
    await linkAuthorToUser(database.db, author.id, lee);
    announced.length = 0;

    await deleteUnusedAuthor({ db: database.db, changes }, author.id);
    assert.equal(await findAuthorById(database.db, author.id), undefined);
    assert.equal(await findAuthorIdForUser(database.db, lee), undefined);
    assert.ok(await database.db.selectFrom('users').select('id').where('id', '=', lee).executeTakeFirst(), 'the account stays');
    assert.equal(await findFormerOwner(database.db, 'author', 'lee-u'), undefined, 'no old address leads to a deleted profile');
    assert.deepEqual(announced, [contentTags.author(author.id), contentTags.scope({ kind: 'author', authorId: author.id })]);
    await assert.rejects(deleteUnusedAuthor({ db: database.db, changes }, author.id), NotFoundError);
  });
});
