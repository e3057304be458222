import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DatabaseHandle } from '../db/connect.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import { deleteTagRow, findTagById, findTagBySlug, findTagsBySlugs, insertTag, listTagsWithCounts, searchTagsByName, updateTagRow } from './tags.queries.ts';

forEachDialect('tag queries', (dialect) => {
  let database: DatabaseHandle;
  const tag = (name: string, slug: string) => insertTag(database.db, { name, slug, description: '' });

  before(async () => {
    database = await createTestDatabase(dialect);
    for (const [name, slug] of [
      ['São Paulo', 'sao-paulo'],
      ['Transport', 'transport'],
      ['Public transport', 'public-transport'],
      ['Trams', 'trams'],
      ['100% Renewable', '100-renewable'],
    ] as const) {
      await tag(name, slug);
    }
  });
  after(() => database.destroy());

  test('suggestions match the name anywhere, ignoring case, names that start with the text first', async () => {
    const names = async (text: string, slug: string | null, limit = 10) =>
      (await searchTagsByName(database.db, { text, slug, limit })).map((found) => found.name);
    assert.deepEqual(await names('TRANS', null), ['Transport', 'Public transport']);
    assert.deepEqual(await names('trans', 'trans', 1), ['Transport']);
    assert.deepEqual(await names('sao', 'sao'), ['São Paulo'], 'the slug finds names typed without accents');
    assert.deepEqual(await names('sao', null), []);
    assert.deepEqual(await names('%', null), ['100% Renewable'], 'a % is a character, not a wildcard');
    assert.deepEqual(await names('_', null), []);
  });

  test('tags by slug, by slugs and by id; edited and deleted', async () => {
    const trams = (await findTagBySlug(database.db, 'trams'))!;
    assert.equal(trams.name, 'Trams');
    assert.deepEqual((await findTagsBySlugs(database.db, ['trams', 'transport', 'missing'])).map((found) => found.slug).sort(), ['trams', 'transport']);
    assert.deepEqual(await findTagsBySlugs(database.db, []), []);
    await updateTagRow(database.db, trams.id, { name: 'Trams', slug: 'trams', description: 'Light rail.' });
    assert.equal((await findTagById(database.db, trams.id))?.description, 'Light rail.');
    const spare = await tag('Spare', 'spare');
    await deleteTagRow(database.db, spare);
    assert.equal(await findTagById(database.db, spare), undefined);
  });

  test('the tag list counts articles as numbers, zero included', async () => {
    const listed = await listTagsWithCounts(database.db);
    assert.ok(listed.length >= 5);
    for (const row of listed) assert.equal(row.articleCount, 0, row.name);
  });
});
