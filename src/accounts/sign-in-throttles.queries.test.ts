import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DatabaseHandle } from '../db/connect.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import { addFailure, deleteFailures, deleteFailuresBefore, findFailureCounts } from './sign-in-throttles.queries.ts';

const t0 = new Date('2026-12-01T09:00:00.000Z');
const minutesLater = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

forEachDialect('sign-in throttle counts', (dialect) => {
  let database: DatabaseHandle;
  before(async () => {
    database = await createTestDatabase(dialect);
  });
  after(() => database.destroy());

  test('failures add up under their key, and a run older than forgetBefore starts again at one', async () => {
    assert.equal(await addFailure(database.db, 'a', t0, minutesLater(-60)), 1);
    assert.equal(await addFailure(database.db, 'a', minutesLater(1), minutesLater(-59)), 2);
    assert.equal(await addFailure(database.db, 'b', minutesLater(1), minutesLater(-59)), 1);
    assert.deepEqual(await findFailureCounts(database.db, ['a', 'b', 'c']).then((counts) => counts.sort((x, y) => x.key.localeCompare(y.key))), [
      { key: 'a', failures: 2, lastFailedAt: minutesLater(1) },
      { key: 'b', failures: 1, lastFailedAt: minutesLater(1) },
    ]);
    assert.equal(await addFailure(database.db, 'a', minutesLater(90), minutesLater(30)), 1, 'the last failure was before forgetBefore');
  });

  test('failures sent at the same moment all count', async () => {
    const counts = await Promise.all(Array.from({ length: 8 }, () => addFailure(database.db, 'burst', t0, minutesLater(-60))));
    assert.deepEqual(
      counts.sort((x, y) => x - y),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
  });

  test('deleting one key, and every run whose last failure is old', async () => {
    await addFailure(database.db, 'old', t0, minutesLater(-60));
    await addFailure(database.db, 'new', minutesLater(100), minutesLater(40));
    await deleteFailuresBefore(database.db, minutesLater(50));
    assert.deepEqual(
      (await findFailureCounts(database.db, ['old', 'new'])).map((count) => count.key),
      ['new'],
    );
    await deleteFailures(database.db, 'new');
    assert.deepEqual(await findFailureCounts(database.db, ['new']), []);
    assert.deepEqual(await findFailureCounts(database.db, []), []);
  });
});
