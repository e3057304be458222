import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { type Kysely, sql } from 'kysely';
import type { User } from '../../src/accounts/index.ts';
import { type ArticleDeps, createArticle, publishArticle, publishDueArticles } from '../../src/articles/index.ts';
import { publishDueArticlesOncePerCluster, type SchedulerDeps } from '../../src/articles/scheduler.ts';
import { runCommentHousekeeping } from '../../src/comments/housekeeping.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import type { Database } from '../../src/db/database.ts';
import { articleUrl } from '../../src/platform/urls.ts';
import { createSection } from '../../src/sections/index.ts';
import { registerWebhookEndpoint } from '../../src/webhooks/index.ts';
import { commentOn, postedCommentId } from '../helpers/comment-forms.ts';
import { connectAgain, createTestDatabase, insertTestUser } from '../helpers/databases.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

// Two instances on one PostgreSQL database, each with its own pool, as two machines behind a load
// balancer: every leader runs the scheduler and housekeeping, and each pass runs once per cluster.

const postgresUrl = process.env.GAZETTE_TEST_PG_URL;
const hourMs = 60 * 60 * 1000;

/**
 * Starts `job` while a transaction keeps `table` from being written, waits until the job is stuck on
 * that (holding whatever it took before), runs `meanwhile`, then lets the job finish and returns its result.
 */
async function whileStuckWriting<T>(db: Kysely<Database>, table: string, job: () => Promise<T>, meanwhile: () => Promise<void>): Promise<T> {
  let running: Promise<T> | undefined;
  await db.transaction().execute(async (trx) => {
    await sql`lock table ${sql.table(table)} in exclusive mode`.execute(trx);
    running = job();
    running.catch(() => {});
    for (const deadline = Date.now() + 5000; ; await sleep(10)) {
      const { rows } = await sql<{ waiting: number }>`
        select count(*)::int as waiting from pg_locks
        where not granted and relation = ${table}::regclass and database = (select oid from pg_database where datname = current_database())`.execute(trx);
      if (rows[0]!.waiting > 0) break;
      if (Date.now() > deadline) throw new Error(`the job never came to write ${table}`);
    }
    await meanwhile();
  });
  return running!;
}

describe('periodic jobs on two instances sharing one PostgreSQL database', {
  skip: postgresUrl ? false : 'GAZETTE_TEST_PG_URL is not set',
  timeout: 20_000,
}, () => {
  let database: DatabaseHandle;
  let otherPool: DatabaseHandle;
  let one: TestGazette;
  let two: TestGazette;
  let sectionId: number;
  let now = testNow;

  const schedulerOf = (gazette: TestGazette): SchedulerDeps => ({
    db: gazette.database.db,
    dialect: gazette.database.dialect,
    clock: gazette.site.clock,
    changes: gazette.changes,
    events: gazette.articleEvents,
  });
  /** Moves both instances' clocks. */
  const moveTo = (date: Date) => {
    now = date;
    one.setNow(date);
    two.setNow(date);
  };
  const write = async (headline: string, at?: Date) => {
    const deps: ArticleDeps = schedulerOf(one);
    const { id } = await createArticle(deps, { headline, sectionId, authorIds: [], tagIds: [] });
    const article = await publishArticle(deps, id, at);
    return { id, status: article.status, path: articleUrl(article) };
  };
  const statusOf = async (id: number) => (await database.db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  before(async () => {
    database = await createTestDatabase('postgres');
    otherPool = await connectAgain(database);
    one = await buildTestApp({ database });
    two = await buildTestApp({ database: otherPool });
    sectionId = (await createSection(database.db, { name: 'World' })).id;
  });
  after(async () => {
    await one?.close();
    await two?.close();
    await otherPool?.destroy();
    await database?.destroy();
  });

  test('an article scheduled in the past is published exactly once: one audit entry, one webhook event', async () => {
    const ownerId = await insertTestUser(database.db, { email: 'owner@example.org', name: 'Owner', role: 'owner' }, now);
    const owner: User = { id: ownerId, email: 'owner@example.org', name: 'Owner', role: 'owner' };
    const meta = { ip: '127.0.0.1', userAgent: 'test' };
    const hooks = { url: 'https://93.184.216.34/hooks', events: ['article.published' as const], description: '' };
    await registerWebhookEndpoint({ db: database.db, clock: one.site.clock, allowPrivateAddresses: false }, owner, hooks, meta);
    const { id, status, path } = await write('Harbour cranes return', new Date(now.getTime() + hourMs));
    assert.equal(status, 'scheduled');
    moveTo(new Date(now.getTime() + 2 * hourMs));

    // Both schedulers' passes at once, and, past the lock, two bare passes: the article's own
    // conditional update is the second line of defence.
    const passes = await Promise.all([
      publishDueArticlesOncePerCluster(schedulerOf(one)),
      publishDueArticlesOncePerCluster(schedulerOf(two)),
      publishDueArticles(schedulerOf(one)),
      publishDueArticles(schedulerOf(two)),
    ]);
    assert.deepEqual(
      passes.flatMap((published) => published ?? []),
      [id],
    );
    assert.equal(await statusOf(id), 'published');
    const audits = await database.db.selectFrom('audit_log').select('subject').where('action', '=', 'article.published').execute();
    assert.deepEqual(
      audits.map((row) => row.subject),
      [`${id}: Harbour cranes return (went live on schedule)`],
    );
    const events = await database.db.selectFrom('webhook_events').select(['type', 'payload']).execute();
    assert.deepEqual(
      events.map((event) => [event.type, (JSON.parse(event.payload) as { data: { id: number } }).data.id]),
      [['article.published', id]],
    );
    for (const gazette of [one, two]) assert.equal((await gazette.app.inject({ url: path })).statusCode, 200);
  });

  test('while one instance’s scheduler pass runs, the other’s skips its turn; the next turn runs', async () => {
    const first = await write('Ferry timetable changes', new Date(now.getTime() + hourMs));
    moveTo(new Date(now.getTime() + 2 * hourMs));
    const published = await whileStuckWriting(
      database.db,
      'articles',
      () => publishDueArticlesOncePerCluster(schedulerOf(one)),
      async () => {
        assert.equal(await publishDueArticlesOncePerCluster(schedulerOf(two)), undefined, 'the second instance skips its turn');
        assert.equal(await statusOf(first.id), 'scheduled');
      },
    );
    assert.deepEqual(published, [first.id]);

    const next = await write('Night market reopens', new Date(now.getTime() + hourMs));
    moveTo(new Date(now.getTime() + 2 * hourMs));
    assert.deepEqual(await publishDueArticlesOncePerCluster(schedulerOf(two)), [next.id], 'with no pass running, the second instance publishes');
  });

  test('two housekeeping passes at once: the second does nothing while the first holds the lock', async () => {
    const { path } = await write('Tram line opens');
    const posted = await commentOn(one, path, { name: 'Hana Kim', email: 'hana@example.org', comment: 'Finally, a tram to the harbour.' });
    const commentId = postedCommentId(posted);
    const networkData = () => database.db.selectFrom('comments').select(['ip_address', 'user_agent']).where('id', '=', commentId).executeTakeFirstOrThrow();
    assert.notEqual((await networkData()).ip_address, null);

    const pastRetention = { now: () => new Date(now.getTime() + 400 * 24 * hourMs) };
    const housekeepingOf = (gazette: TestGazette) => ({
      db: gazette.database.db,
      dialect: gazette.database.dialect,
      clock: pastRetention,
      settings: gazette.settings,
    });
    const erased = await whileStuckWriting(
      database.db,
      'comments',
      () => runCommentHousekeeping(housekeepingOf(one)),
      async () => {
        assert.equal(await runCommentHousekeeping(housekeepingOf(two)), undefined, 'the second pass skips its turn');
        assert.notEqual((await networkData()).ip_address, null);
      },
    );
    assert.equal(erased, 1);
    assert.deepEqual(await networkData(), { ip_address: null, user_agent: null });
    assert.equal(await runCommentHousekeeping(housekeepingOf(two)), 0, 'with no pass running, the second instance runs one');
  });
});
