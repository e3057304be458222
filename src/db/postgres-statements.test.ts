import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../test/helpers/databases.ts';
import { connectDatabase, type DatabaseHandle } from './connect.ts';
import { preparedQuery } from './prepared-queries.ts';

const postgresUrl = process.env.GAZETTE_TEST_PG_URL;

const tagBySlug = preparedQuery((db, slug: string) => db.selectFrom('tags').select(['id', 'name']).where('slug', '=', slug));

describe('named statements on PostgreSQL', { skip: postgresUrl ? false : 'GAZETTE_TEST_PG_URL is not set' }, () => {
  let database: DatabaseHandle;
  /** A second pool of one connection on the test schema, so that every query here meets the same connection. */
  const onOneConnection = async (preparedStatements: boolean) => {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db);
    const url = new URL(postgresUrl!);
    url.searchParams.set('options', `-c search_path=${rows[0]!.schema}`);
    return connectDatabase({ databaseUrl: url.href, poolSize: 1, preparedStatements });
  };
  const preparedTexts = async (handle: DatabaseHandle) =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements where name like 'gazette_%'`.execute(handle.db)).rows.map(
      (row) => row.statement,
    );

  before(async () => {
    database = await createTestDatabase('postgres');
    await database.db.insertInto('tags').values({ slug: 'harbour', name: 'Harbour', description: '' }).execute();
  });
  after(() => database.destroy());

  test("a prepared query's text is prepared once by the connection and answers as before; other texts are sent bare", async () => {
    const handle = await onOneConnection(true);
    try {
      for (let run = 0; run < 8; run++) assert.deepEqual(await tagBySlug(handle.db, run % 2 ? 'harbour' : 'none'), run % 2 ? [{ id: 1, name: 'Harbour' }] : []);
      await handle.db.selectFrom('tags').select('id').where('slug', '=', 'harbour').execute();
      const texts = await preparedTexts(handle);
      assert.equal(texts.filter((text) => text.includes('from "tags"')).length, 1, texts.join('\n'));
      assert.match(texts.find((text) => text.includes('from "tags"'))!, /select "id", "name" from "tags" where "slug" = \$1/);
    } finally {
      await handle.destroy();
    }
  });

  test('GAZETTE_PG_PREPARED_STATEMENTS=off sends every text bare', async () => {
    const handle = await onOneConnection(false);
    try {
      assert.deepEqual(await tagBySlug(handle.db, 'harbour'), [{ id: 1, name: 'Harbour' }]);
      assert.deepEqual(await preparedTexts(handle), []);
    } finally {
      await handle.destroy();
    }
  });
});
