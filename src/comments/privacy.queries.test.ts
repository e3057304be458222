import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createArticle, publishArticle } from '../articles/index.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { createSection } from '../sections/index.ts';
import { testCommentRow } from '../../test/helpers/comment-rows.ts';
import { assertPlanUses } from '../../test/helpers/query-plans.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import { insertComment } from './comments.queries.ts';
import { eraseExpiredNetworkData } from './privacy.queries.ts';

const t0 = new Date('2026-11-20T10:00:00.000Z');
const daysBefore = (days: number) => new Date(t0.getTime() - days * 86_400_000);

forEachDialect('erasing network data past retention', (dialect) => {
  let database: DatabaseHandle;
  let articleId: number;

  before(async () => {
    database = await createTestDatabase(dialect);
    const deps = { db: database.db, clock: { now: () => t0 }, changes: new ContentChanges() };
    const sectionId = (await createSection(database.db, { name: 'World', position: 0 })).id;
    const article = await createArticle(deps, { headline: 'Harbour reopens', sectionId, authorIds: [], tagIds: [] });
    await publishArticle(deps, article.id, daysBefore(400));
    articleId = article.id;
  });
  after(() => database.destroy());

  const comment = (createdAt: Date, network: { ipAddress: string | null; userAgent: string | null }) =>
    insertComment(database.db, testCommentRow({ articleId, createdAt, ...network }));

  test('old addresses and browser names are erased a batch at a time, every one of them, and recent ones kept', async () => {
    const old: number[] = [];
    for (let day = 100; day < 111; day++) old.push(await comment(daysBefore(day), { ipAddress: '198.51.100.7', userAgent: 'Firefox' }));
    old.push(await comment(daysBefore(120), { ipAddress: null, userAgent: 'Only a browser' }));
    old.push(await comment(daysBefore(121), { ipAddress: '203.0.113.9', userAgent: null }));
    const alreadyClean = await comment(daysBefore(130), { ipAddress: null, userAgent: null });
    const recent = await comment(daysBefore(10), { ipAddress: '192.0.2.1', userAgent: 'Safari' });

    let statements = 0;
    const counted = database.db.withPlugin({
      transformQuery: (args) => {
        if (args.node.kind === 'UpdateQueryNode') statements++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    assert.equal(await eraseExpiredNetworkData(counted, daysBefore(90), 4), old.length);
    assert.equal(statements, 4, 'three full batches of 4 and a last one of 1');
    const rows = await database.db.selectFrom('comments').select(['id', 'ip_address', 'user_agent']).orderBy('id').execute();
    for (const row of rows) {
      const kept = row.id === recent;
      assert.deepEqual([row.ip_address !== null, row.user_agent !== null], [kept, kept], `comment ${row.id}`);
    }
    assert.ok(rows.some((row) => row.id === alreadyClean));
    assert.equal(await eraseExpiredNetworkData(database.db, daysBefore(90), 4), 0, 'nothing left to erase');
  });

  test('the comments still holding network data are found through their own index, not by reading every comment', async () => {
    const before = '2026-08-22T10:00:00.000Z';
    const finding = `select id from comments where created_at < '${before}' and (ip_address is not null or user_agent is not null) limit 5000`;
    await assertPlanUses(database, finding, 'comments_network_data_idx');
  });
});
