import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import type { DatabaseHandle } from './connect.ts';
import type { Db } from './database.ts';
import { preparedQuery } from './prepared-queries.ts';

/** The same query, built anew at every run: what a prepared one must answer like. */
function tagsQuery(db: Db, prefix: string, ids: readonly number[], limit: number) {
  return db
    .selectFrom('tags')
    .select(['id', 'slug', 'name'])
    .where('slug', 'like', prefix)
    .where('id', 'in', ids)
    .where('description', '!=', 'retired')
    .orderBy('id', 'desc')
    .limit(limit);
}

let builds = 0;
// One for the whole file, as in the application: each database handle keeps its own statements.
const preparedTags = preparedQuery((db, prefix: string, ids: readonly number[], limit: number) => {
  builds++;
  return tagsQuery(db, prefix, ids, limit);
});

forEachDialect('prepared queries', (dialect) => {
  let database: DatabaseHandle;

  before(async () => {
    database = await createTestDatabase(dialect);
    const rows = Array.from({ length: 40 }, (_, index) => ({
      slug: `${index % 3 === 0 ? 'harbour' : 'election'}-${index}`,
      name: `Tag ${index} ‘quoted’ %_`,
      description: index % 7 === 0 ? 'retired' : '',
    }));
    await database.db.insertInto('tags').values(rows).execute();
  });
  after(() => database.destroy());

  test('answers as the query built anew does, for lists of every length and values of every kind', async () => {
    const { db } = database;
    const ids = (await db.selectFrom('tags').select('id').execute()).map((row) => row.id);
    let seed = 7;
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    for (let run = 0; run < 120; run++) {
      const some = Array.from({ length: 1 + random(6) }, () => ids[random(ids.length)] ?? 0);
      const prefix = ['harbour-%', 'election-%', '%', "it's%", '%_%'][random(5)]!;
      const limit = 1 + random(5);
      assert.deepEqual(await preparedTags(db, prefix, some, limit), await tagsQuery(db, prefix, some, limit).execute(), `${prefix} ${some} ${limit}`);
    }
  });

  test('builds a shape once: another run with a list of the same length only binds the new values', async () => {
    const { db } = database;
    await preparedTags(db, '%', [1, 2, 3, 4, 5, 6, 7], 2);
    const before = builds;
    const answer = await preparedTags(db, 'harbour-%', [31, 32, 33, 34, 35, 36, 37], 10);
    assert.equal(builds, before, 'no new build for the same shape');
    assert.deepEqual(
      answer.map((row) => row.slug),
      ['harbour-36', 'harbour-33', 'harbour-30'],
    );
    await preparedTags(db, '%', [1, 2, 3, 4, 5, 6, 7, 8], 2);
    assert.equal(builds, before + 1, 'a list of another length is a shape of its own');
  });

  test('refuses a build that reads or converts its arguments instead of handing them to Kysely', async () => {
    const converting = preparedQuery((db, name: string) => db.selectFrom('tags').select('id').where('name', '=', name.trim()));
    await assert.rejects(converting(database.db, 'Tag 1'), /hand them to Kysely as given/);
    const measuring = preparedQuery((db, ids: readonly number[]) => db.selectFrom('tags').select('id').where('id', 'in', ids.slice(1)));
    await assert.rejects(measuring(database.db, [1, 2, 3]), /did not hand its argument 0 to Kysely as given/);
  });
});
