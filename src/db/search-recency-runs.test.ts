import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../test/helpers/databases.ts';
import type { DatabaseHandle } from './connect.ts';
import { up } from './migrations/2026-12-14T1100-search-recency-runs.ts';

const postgresUrl = process.env.GAZETTE_TEST_PG_URL;

describe('a database migrated with the first search-recency index', { skip: postgresUrl ? false : 'GAZETTE_TEST_PG_URL is not set' }, () => {
  let database: DatabaseHandle;
  const searchIndexes = async () =>
    (
      await sql<{
        name: string;
      }>`select indexname as name from pg_indexes where schemaname = current_schema() and tablename = 'article_search' and indexname like 'article_search_document%' order by 1`.execute(
        database.db,
      )
    ).rows.map((row) => row.name);

  before(async () => {
    database = await createTestDatabase('postgres');
  });
  after(() => database.destroy());

  test('gets the runs index and loses the per-id one; a database already right is left as it is', async () => {
    assert.deepEqual(await searchIndexes(), ['article_search_document_recency_idx'], 'as migrated today');
    await up(database.db);
    assert.deepEqual(await searchIndexes(), ['article_search_document_recency_idx'], 'nothing to do');
    // As 2026-12-13T1000 left it in its first version.
    await sql`drop index article_search_document_recency_idx`.execute(database.db);
    await sql`create index article_search_document_id_idx on article_search using gin (document, (article_id::bigint))`.execute(database.db);
    await up(database.db);
    assert.deepEqual(await searchIndexes(), ['article_search_document_recency_idx']);
  });
});
