import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectDatabase } from './connect.ts';
import { isUniqueViolation } from './unique-violation.ts';

test('a broken unique constraint is recognised from SQLite, and by PostgreSQL’s code', async () => {
  const handle = connectDatabase({ sqliteFile: ':memory:' });
  try {
    await handle.db.schema
      .createTable('pairs')
      .addColumn('key', 'text', (column) => column.unique())
      .execute();
    await handle.db
      .insertInto('pairs' as never)
      .values({ key: 'a' } as never)
      .execute();
    const error = await handle.db
      .insertInto('pairs' as never)
      .values({ key: 'a' } as never)
      .execute()
      .catch((caught: unknown) => caught);
    assert.equal(isUniqueViolation(error), true);
  } finally {
    await handle.destroy();
  }
  assert.equal(isUniqueViolation(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' })), true);
  assert.equal(isUniqueViolation(new Error('something else')), false);
  assert.equal(isUniqueViolation(undefined), false);
});
