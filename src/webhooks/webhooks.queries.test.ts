import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DatabaseHandle } from '../db/connect.ts';
import { phrase } from '../errors.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import { recordWebhookEvent } from './record-event.ts';
import {
  claimDueDeliveries,
  findNextAttemptAt,
  listRecentDeliveries,
  pruneWebhookHistory,
  recordDelivered,
  recordFailedAttempt,
  releaseLeases,
  resendDelivery,
} from './webhook-deliveries.queries.ts';
import {
  disableFailingEndpoint,
  enableEndpoint,
  insertEndpoint,
  listEndpoints,
  markEndpointFailing,
  rotateEndpointSecret,
} from './webhook-endpoints.queries.ts';
import type { WebhookEventType } from './webhook-events.ts';

const t0 = new Date('2026-12-08T10:00:00.000Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const claimAt = (now: Date, owner: string, limit = 10, perEndpoint = 10) => ({ owner, now, leaseUntil: new Date(now.getTime() + 60_000), limit, perEndpoint });

forEachDialect('webhook outbox and deliveries', (dialect) => {
  let database: DatabaseHandle;
  before(async () => {
    database = await createTestDatabase(dialect);
  });
  after(() => database.destroy());

  /** Each test starts from no endpoints (their deliveries go with them) and no events. */
  const fresh = async () => {
    await database.db.deleteFrom('webhook_endpoints').execute();
    await database.db.deleteFrom('webhook_events').execute();
  };
  const endpoint = (events: readonly WebhookEventType[], url = 'https://hooks.example.org/in') =>
    insertEndpoint(database.db, { url, description: '', events, secret: 'whsec_c2VjcmV0', createdBy: null, at: t0 });

  test('an event gets one delivery for each enabled endpoint subscribed to it, and none elsewhere', async () => {
    await fresh();
    const articles = await endpoint(['article.published', 'article.updated']);
    const comments = await endpoint(['comment.created']);
    const off = await endpoint(['article.published']);
    await markEndpointFailing(database.db, off, t0);
    assert.equal(await disableFailingEndpoint(database.db, off, t0, t0), true);
    const id = await recordWebhookEvent(database.db, 'article.published', { id: 7 }, t0);
    assert.match(id ?? '', /^msg_[A-Za-z0-9_-]{22}$/);
    const claimed = await claimDueDeliveries(database.db, claimAt(t0, 'worker'));
    assert.deepEqual(
      claimed.map((delivery) => [delivery.endpointId, delivery.eventId]),
      [[articles, id]],
    );
    assert.deepEqual(JSON.parse(claimed[0]!.payload), { type: 'article.published', timestamp: t0.toISOString(), data: { id: 7 } });
    assert.equal(await recordWebhookEvent(database.db, 'media.created', { id: 1 }, t0), undefined, 'nobody subscribes: nothing written');
    assert.equal((await database.db.selectFrom('webhook_events').select('id').execute()).length, 1);
    assert.equal((await listRecentDeliveries(database.db, comments, 10)).length, 0);
  });

  test('recorded in a transaction that rolls back, the event is gone with the change', async () => {
    await fresh();
    await endpoint(['article.trashed']);
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await recordWebhookEvent(trx, 'article.trashed', { id: 3 }, t0);
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    assert.deepEqual(await database.db.selectFrom('webhook_events').select('id').execute(), []);
    assert.deepEqual(await database.db.selectFrom('webhook_deliveries').select('id').execute(), []);
  });

  test('a leased delivery is nobody else’s until its lease runs out; then another worker takes it', async () => {
    await fresh();
    await endpoint(['comment.created']);
    await recordWebhookEvent(database.db, 'comment.created', { id: 1 }, t0);
    const first = await claimDueDeliveries(database.db, claimAt(t0, 'worker-a'));
    assert.equal(first.length, 1);
    assert.deepEqual(await claimDueDeliveries(database.db, claimAt(later(59), 'worker-b')), [], 'leased for 60 s');
    const taken = await claimDueDeliveries(database.db, claimAt(later(61), 'worker-b'));
    assert.deepEqual(
      taken.map((delivery) => delivery.id),
      [first[0]!.id],
      'worker-a died: its lease ran out',
    );
    // worker-a comes back to life late: what it says about the delivery is ignored, worker-b's counts.
    await recordDelivered(database.db, first[0]!.id, 'worker-a', { at: later(62), responseStatus: 200 });
    assert.equal((await listRecentDeliveries(database.db, first[0]!.endpointId, 1))[0]!.status, 'pending');
    await recordDelivered(database.db, first[0]!.id, 'worker-b', { at: later(62), responseStatus: 204 });
    const [delivered] = await listRecentDeliveries(database.db, first[0]!.endpointId, 1);
    assert.deepEqual([delivered!.status, delivered!.responseStatus, delivered!.attempts], ['delivered', 204, 1]);
    assert.deepEqual(await claimDueDeliveries(database.db, claimAt(later(3600), 'worker-c')), []);
  });

  test('claims that race never share a delivery', async () => {
    await fresh();
    await endpoint(['article.updated']);
    for (let n = 0; n < 30; n++) await recordWebhookEvent(database.db, 'article.updated', { n }, t0);
    const ids: number[] = [];
    // Rounds of six workers claiming at once; on PostgreSQL a worker that lost a race may come back with fewer.
    for (let round = 0; round < 10 && ids.length < 30; round++) {
      const claims = await Promise.all(Array.from({ length: 6 }, (_, n) => claimDueDeliveries(database.db, claimAt(t0, `worker-${round}-${n}`, 4, 100))));
      ids.push(...claims.flat().map((delivery) => delivery.id));
    }
    assert.equal(new Set(ids).size, ids.length, 'no delivery claimed twice');
    assert.equal(ids.length, 30);
  });

  test('no more than `perEndpoint` deliveries to one endpoint are in flight, counting other workers’ leases', async () => {
    await fresh();
    const slow = await endpoint(['article.updated'], 'https://slow.example.org/in');
    const quick = await endpoint(['article.updated'], 'https://quick.example.org/in');
    for (let n = 0; n < 5; n++) await recordWebhookEvent(database.db, 'article.updated', { n }, t0);
    const first = await claimDueDeliveries(database.db, claimAt(t0, 'worker-a', 10, 2));
    assert.deepEqual(first.map((delivery) => delivery.endpointId).sort(), [slow, slow, quick, quick].sort());
    assert.deepEqual(await claimDueDeliveries(database.db, claimAt(t0, 'worker-b', 10, 2)), [], 'both endpoints have two in flight');
    await recordDelivered(database.db, first.find((delivery) => delivery.endpointId === quick)!.id, 'worker-a', { at: t0, responseStatus: 200 });
    assert.deepEqual(
      (await claimDueDeliveries(database.db, claimAt(t0, 'worker-b', 10, 2))).map((delivery) => delivery.endpointId),
      [quick],
    );
  });

  test('a failed attempt waits for its retry; the last one gives up; a resend starts again', async () => {
    await fresh();
    const id = await endpoint(['media.created']);
    await recordWebhookEvent(database.db, 'media.created', { id: 9 }, t0);
    const [claimed] = await claimDueDeliveries(database.db, claimAt(t0, 'worker'));
    const problem = phrase('webhooks.problem.status', { status: 500 });
    await recordFailedAttempt(database.db, claimed!.id, 'worker', { at: t0, responseStatus: 500, problem, nextAttemptAt: later(30) });
    assert.deepEqual(await claimDueDeliveries(database.db, claimAt(later(29), 'worker')), []);
    assert.deepEqual(await findNextAttemptAt(database.db), later(30));
    const [again] = await claimDueDeliveries(database.db, claimAt(later(30), 'worker'));
    assert.equal(again!.attempts, 1);
    await recordFailedAttempt(database.db, again!.id, 'worker', { at: later(30), responseStatus: null, problem, nextAttemptAt: null });
    const [failed] = await listRecentDeliveries(database.db, id, 1);
    assert.deepEqual([failed!.status, failed!.attempts, failed!.nextAttemptAt, failed!.problem], ['failed', 2, null, problem]);
    assert.equal(await findNextAttemptAt(database.db), undefined);
    assert.equal(await resendDelivery(database.db, id + 1000, failed!.id, later(60), later(86_460)), false, 'not that endpoint’s delivery');
    assert.equal(await resendDelivery(database.db, id, failed!.id, later(60), later(86_460)), true);
    const [resent] = await claimDueDeliveries(database.db, claimAt(later(60), 'worker'));
    assert.deepEqual([resent!.eventId, resent!.attempts], [claimed!.eventId, 0], 'the same event, so the same webhook-id');
  });

  test('a stored problem that is not one of the delivery problems is not shown', async () => {
    await fresh();
    const id = await endpoint(['media.created']);
    await recordWebhookEvent(database.db, 'media.created', { id: 9 }, t0);
    await database.db
      .updateTable('webhook_deliveries')
      .set({ last_error: JSON.stringify({ key: 'settings.saved' }) })
      .execute();
    assert.equal((await listRecentDeliveries(database.db, id, 1))[0]!.problem, undefined);
    await database.db.updateTable('webhook_deliveries').set({ last_error: 'not json' }).execute();
    assert.equal((await listRecentDeliveries(database.db, id, 1))[0]!.problem, undefined);
  });

  test('handing a lease back makes the delivery due at once for anyone', async () => {
    await fresh();
    await endpoint(['comment.approved']);
    await recordWebhookEvent(database.db, 'comment.approved', { id: 4 }, t0);
    const [claimed] = await claimDueDeliveries(database.db, claimAt(t0, 'worker-a'));
    await releaseLeases(database.db, [claimed!.id], 'worker-b');
    assert.deepEqual(await claimDueDeliveries(database.db, claimAt(t0, 'worker-b')), [], 'only the holder hands it back');
    await releaseLeases(database.db, [claimed!.id], 'worker-a');
    assert.equal((await claimDueDeliveries(database.db, claimAt(t0, 'worker-b'))).length, 1);
  });

  test('rotation keeps the previous secret signing until it expires; endpoints list without secrets', async () => {
    await fresh();
    const id = await endpoint(['article.published']);
    await rotateEndpointSecret(database.db, id, { secret: 'whsec_bmV3', previousUntil: later(86_400), at: t0 });
    await recordWebhookEvent(database.db, 'article.published', { id: 1 }, t0);
    const [during] = await claimDueDeliveries(database.db, claimAt(later(60), 'worker'));
    assert.deepEqual([during!.secret, during!.previousSecret], ['whsec_bmV3', 'whsec_c2VjcmV0']);
    await releaseLeases(database.db, [during!.id], 'worker');
    const [afterwards] = await claimDueDeliveries(database.db, claimAt(later(86_401), 'worker'));
    assert.deepEqual([afterwards!.secret, afterwards!.previousSecret], ['whsec_bmV3', null]);
    const [listed] = await listEndpoints(database.db, later(60));
    assert.deepEqual(listed!.previousSecretUntil, later(86_400));
    assert.ok(!JSON.stringify(listed).includes('whsec_'));
  });

  test('an endpoint is disabled once, by the first caller, only after failing long enough; enabling forgets the failures', async () => {
    await fresh();
    const id = await endpoint(['article.published']);
    assert.deepEqual(await markEndpointFailing(database.db, id, t0), t0);
    assert.deepEqual(await markEndpointFailing(database.db, id, later(60)), t0, 'failing since the first failure');
    assert.equal(await disableFailingEndpoint(database.db, id, later(60), later(-1)), false, 'not failing long enough');
    assert.equal(await disableFailingEndpoint(database.db, id, later(86_400), t0), true);
    assert.equal(await disableFailingEndpoint(database.db, id, later(86_400), t0), false, 'already disabled');
    assert.deepEqual((await listEndpoints(database.db, t0))[0]!.disabledAt, later(86_400));
    assert.equal(await enableEndpoint(database.db, id, later(90_000)), true);
    const [enabled] = await listEndpoints(database.db, t0);
    assert.deepEqual([enabled!.disabledAt, enabled!.failingSince], [null, null]);
  });

  test('history older than the cutoff is pruned, pending deliveries and their events kept', async () => {
    await fresh();
    const id = await endpoint(['article.published']);
    await recordWebhookEvent(database.db, 'article.published', { id: 1 }, t0);
    await recordWebhookEvent(database.db, 'article.published', { id: 2 }, t0);
    const [done] = await claimDueDeliveries(database.db, claimAt(t0, 'worker', 1));
    await recordDelivered(database.db, done!.id, 'worker', { at: t0, responseStatus: 200 });
    assert.equal(await pruneWebhookHistory(database.db, later(1)), 1);
    const left = await listRecentDeliveries(database.db, id, 10);
    assert.deepEqual(
      left.map((delivery) => delivery.status),
      ['pending'],
    );
    assert.equal((await database.db.selectFrom('webhook_events').select('id').execute()).length, 1);
  });
});
