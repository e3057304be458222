import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { Webhook } from 'standardwebhooks';
import type { User } from '../../src/accounts/index.ts';
import { connectDatabase, type DatabaseHandle, type DialectName } from '../../src/db/connect.ts';
import type { Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { ValidationError } from '../../src/errors.ts';
import type { Clock } from '../../src/platform/clock.ts';
import { ContentChanges } from '../../src/platform/content-changes.ts';
import type { Mail } from '../../src/platform/mailer.ts';
import { SettingsStore } from '../../src/settings/index.ts';
import {
  listWebhookDeliveries,
  listWebhookEndpoints,
  recordWebhookEvent,
  registerWebhookEndpoint,
  WebhookDeliverer,
  type WebhookDelivererOptions,
  type WebhookEventType,
} from '../../src/webhooks/index.ts';
import { createTestDatabase, insertTestUser, testDialects } from '../helpers/databases.ts';
import { startWebhookReceiver, waitFor } from '../helpers/webhook-receiver.ts';

const meta = { ip: '127.0.0.1', userAgent: 'test' };
const realClock: Clock = { now: () => new Date() };
const quiet = { info: () => {}, error: () => {} };
const cleanups: (() => Promise<unknown>)[] = [];

/** A test whose workers, receivers and databases are stopped when it ends, whether it passed or not. */
function webhookTest(name: string, body: () => Promise<void>): void {
  test(name, async () => {
    try {
      await body();
    } finally {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    }
  });
}

/** A migrated database with an owner, settings, and what a deliverer needs around it. */
async function newsroom(database?: DatabaseHandle) {
  const handle = database ?? (await createTestDatabase('sqlite'));
  if (!database) cleanups.push(() => handle.destroy());
  const ownerId = await insertTestUser(handle.db, { email: 'owner@example.org', name: 'Owner', role: 'owner' }, new Date());
  const owner: User = { id: ownerId, email: 'owner@example.org', name: 'Owner', role: 'owner' };
  const settings = await SettingsStore.load(handle.db, new ContentChanges());
  const mail: Mail[] = [];
  const deliverer = (options: WebhookDelivererOptions & { clock?: Clock; allowPrivate?: boolean; db?: Kysely<Database> } = {}) => {
    const worker = new WebhookDeliverer(
      {
        db: options.db ?? handle.db,
        clock: options.clock ?? realClock,
        mailer: {
          send: async (sent) => {
            mail.push(sent);
            return 'sent';
          },
        },
        settings,
        publicUrl: 'https://news.example',
        allowPrivateAddresses: options.allowPrivate ?? true,
        log: quiet,
      },
      { stopGraceMs: 1000, ...options },
    );
    cleanups.push(() => worker.stop());
    return worker;
  };
  const register = async (url: string, events: readonly WebhookEventType[] = ['article.published'], allowPrivate = true) =>
    registerWebhookEndpoint(
      { db: handle.db, clock: realClock, allowPrivateAddresses: allowPrivate },
      owner,
      { url, events, description: 'Test receiver' },
      meta,
    );
  /** Records the event the way a service will: in the transaction of its change. */
  const record = (type: WebhookEventType, data: Record<string, unknown>, now = new Date()) =>
    handle.db.transaction().execute(async (trx) => (await recordWebhookEvent(trx, type, data, now))!);
  const deliveries = async (endpointId: number) =>
    listWebhookDeliveries({ db: handle.db, clock: realClock, allowPrivateAddresses: true }, owner, endpointId, 100);
  return { db: handle.db, owner, mail, deliverer, register, record, deliveries };
}

async function receiver(options: Parameters<typeof startWebhookReceiver>[0] = {}) {
  const started = await startWebhookReceiver(options);
  cleanups.push(() => started.close());
  return started;
}

webhookTest('an event recorded in a transaction reaches a real receiver, signed so the standardwebhooks library verifies it', async () => {
  const site = await newsroom();
  const hooks = await receiver();
  const { secret } = await site.register(hooks.url);
  const worker = site.deliverer();
  worker.start();
  const published = new Date();
  const id = await site.record('article.published', { id: 42, headline: 'Harbour “reopens”', url: 'https://news.example/harbour' }, published);
  await waitFor(() => hooks.received.length === 1, 'the delivery');
  const [request] = hooks.received;
  assert.equal(request!.headers['webhook-id'], id);
  assert.equal(request!.headers['content-type'], 'application/json');
  assert.match(String(request!.headers['user-agent']), /^Gazette-Webhooks\//);
  const verified = new Webhook(secret).verify(request!.body, request!.headers as Record<string, string>);
  assert.deepEqual(verified, {
    type: 'article.published',
    timestamp: published.toISOString(),
    data: { id: 42, headline: 'Harbour “reopens”', url: 'https://news.example/harbour' },
  });
  const [endpoint] = await listWebhookEndpoints({ db: site.db, clock: realClock, allowPrivateAddresses: true }, site.owner);
  await waitFor(async () => (await site.deliveries(endpoint!.id))[0]?.status === 'delivered', 'the delivery recorded');
  const [delivery] = await site.deliveries(endpoint!.id);
  assert.deepEqual([delivery!.responseStatus, delivery!.attempts, delivery!.eventId], [200, 1, id]);
});

webhookTest('a receiver that answers 500 gets the event again, with the same webhook-id, until it answers 2xx', async () => {
  const site = await newsroom();
  const hooks = await receiver({ respond: (received) => (received.length === 1 ? 500 : 204) });
  const { endpoint, secret } = await site.register(hooks.url, ['comment.created']);
  const worker = site.deliverer({ backoffMs: () => 50 });
  worker.start();
  const id = await site.record('comment.created', { id: 5 });
  await waitFor(() => hooks.received.length === 2, 'the retry');
  assert.deepEqual(hooks.ids(), [id, id]);
  for (const request of hooks.received) assert.ok(new Webhook(secret).verify(request.body, request.headers as Record<string, string>));
  assert.equal(hooks.received[0]!.body, hooks.received[1]!.body, 'the same body, byte for byte');
  await waitFor(async () => (await site.deliveries(endpoint.id))[0]?.status === 'delivered', 'the delivery recorded');
  const [delivery] = await site.deliveries(endpoint.id);
  assert.deepEqual([delivery!.attempts, delivery!.responseStatus], [2, 204]);
  const [listed] = await listWebhookEndpoints({ db: site.db, clock: realClock, allowPrivateAddresses: true }, site.owner);
  assert.equal(listed!.failingSince, null, 'the success ends the failing spell');
});

webhookTest('retries back off with jitter; after 24 hours of failures the delivery is given up, the endpoint turned off and the owners emailed', async () => {
  const site = await newsroom();
  const hooks = await receiver({ respond: () => 503 });
  const { endpoint } = await site.register(hooks.url, ['article.updated']);
  const t0 = new Date();
  let now = t0;
  const clock: Clock = { now: () => now };
  const worker = site.deliverer({ clock });
  await site.record('article.updated', { id: 1 }, t0);
  assert.equal(await worker.deliverDue(), 1);
  let [delivery] = await site.deliveries(endpoint.id);
  const wait = delivery!.nextAttemptAt!.getTime() - delivery!.lastAttemptAt!.getTime();
  assert.ok(wait >= 5000 && wait <= 10_000, `the first retry comes 5–10 s later, not ${wait} ms`);
  assert.deepEqual([delivery!.status, delivery!.responseStatus, delivery!.problem?.key], ['pending', 503, 'webhooks.problem.status']);
  assert.equal(await worker.deliverDue(), 0, 'not due yet');

  now = new Date(t0.getTime() + 3 * 60 * 60 * 1000);
  assert.equal(await worker.deliverDue(), 1);
  [delivery] = await site.deliveries(endpoint.id);
  assert.equal(delivery!.attempts, 2);
  assert.equal(site.mail.length, 0, 'three hours of failures: still on');

  now = new Date(t0.getTime() + 24 * 60 * 60 * 1000);
  assert.equal(await worker.deliverDue(), 1);
  [delivery] = await site.deliveries(endpoint.id);
  assert.deepEqual([delivery!.status, delivery!.attempts, delivery!.nextAttemptAt], ['failed', 3, null]);
  const [listed] = await listWebhookEndpoints({ db: site.db, clock, allowPrivateAddresses: true }, site.owner);
  assert.deepEqual(listed!.disabledAt, now);
  assert.equal(site.mail.length, 1);
  assert.equal(site.mail[0]!.to, 'owner@example.org');
  assert.match(site.mail[0]!.subject, /webhook endpoint was turned off/);
  assert.ok(site.mail[0]!.text.includes(hooks.url));
  assert.ok(site.mail[0]!.text.includes(`https://news.example/admin/webhooks/${endpoint.id}`));
  assert.match(site.mail[0]!.text, /answered 503/);

  assert.equal(await site.record('article.updated', { id: 2 }, now), undefined, 'a turned-off endpoint gets no new deliveries');
  now = new Date(now.getTime() + 60 * 60 * 1000);
  assert.equal(await worker.deliverDue(), 0);
  assert.equal(hooks.received.length, 3);
});

webhookTest('an endpoint that answers again before 24 hours of failures stays on', async () => {
  const site = await newsroom();
  const hooks = await receiver({ respond: () => 500 });
  const { endpoint } = await site.register(hooks.url, ['article.updated']);
  const t0 = new Date();
  let now = t0;
  const worker = site.deliverer({ clock: { now: () => now } });
  await site.record('article.updated', { id: 1 }, t0);
  await worker.deliverDue();
  hooks.answerWith(() => 200);
  now = new Date(t0.getTime() + 23 * 60 * 60 * 1000);
  assert.equal(await worker.deliverDue(), 1);
  hooks.answerWith(() => 500);
  await site.record('article.updated', { id: 2 }, now);
  now = new Date(t0.getTime() + 25 * 60 * 60 * 1000);
  await worker.deliverDue();
  await worker.deliverDue();
  const [listed] = await listWebhookEndpoints({ db: site.db, clock: realClock, allowPrivateAddresses: true }, site.owner);
  assert.equal(listed!.disabledAt, null);
  assert.deepEqual(
    (await site.deliveries(endpoint.id)).map((delivery) => delivery.status),
    ['pending', 'delivered'],
  );
  assert.equal(site.mail.length, 0);
});

webhookTest('a receiver that does not answer in time, or answers with a redirect, has failed; the redirect is not followed', async () => {
  const site = await newsroom();
  // Room for a loaded machine: the redirect must come back within the timeout, the slow answer never does.
  const slow = await receiver({ delayMs: 2_000 });
  const target = await receiver();
  const redirecting = await receiver({ respond: () => ({ status: 307, headers: { location: target.url } }) });
  const { endpoint: slowEndpoint } = await site.register(slow.url, ['media.created']);
  const { endpoint: redirectEndpoint } = await site.register(redirecting.url, ['media.created']);
  await site.record('media.created', { id: 1 });
  const started = Date.now();
  assert.equal(await site.deliverer({ timeoutMs: 400 }).deliverDue(), 2);
  assert.ok(Date.now() - started < 1_500, `the timeout cut the attempt short, not ${Date.now() - started} ms`);
  assert.equal((await site.deliveries(slowEndpoint.id))[0]!.problem?.key, 'webhooks.problem.timeout');
  const [redirected] = await site.deliveries(redirectEndpoint.id);
  assert.deepEqual([redirected!.status, redirected!.responseStatus, redirected!.problem?.key], ['pending', 307, 'webhooks.problem.status']);
  assert.equal(target.received.length, 0);
});

/** Two handles on one database: a second connection to the SQLite file, or a second pool on the PostgreSQL schema. */
async function twoConnections(dialect: DialectName): Promise<[DatabaseHandle, DatabaseHandle]> {
  if (dialect === 'postgres') {
    const first = await createTestDatabase('postgres');
    cleanups.push(() => first.destroy());
    const { rows } = await (await import('kysely')).sql<{ schema: string }>`select current_schema() as schema`.execute(first.db);
    const url = new URL(process.env.GAZETTE_TEST_PG_URL!);
    url.searchParams.set('options', `-c search_path=${rows[0]!.schema}`);
    const second = connectDatabase({ databaseUrl: url.href, poolSize: 4 });
    cleanups.unshift(() => second.destroy());
    return [first, second];
  }
  const dir = await mkdtemp(join(tmpdir(), 'gazette-webhooks-'));
  const first = connectDatabase({ sqliteFile: join(dir, 'gazette.sqlite') });
  await migrateToLatest(first.db);
  const second = connectDatabase({ sqliteFile: join(dir, 'gazette.sqlite') });
  cleanups.push(async () => {
    await first.destroy();
    await second.destroy();
    await rm(dir, { recursive: true, force: true });
  });
  return [first, second];
}

for (const dialect of testDialects) {
  webhookTest(`two workers on one ${dialect} database deliver each event exactly once`, async () => {
    const [one, two] = await twoConnections(dialect);
    const site = await newsroom(one);
    const hooks = await receiver({ delayMs: 5 });
    await site.register(hooks.url, ['article.published']);
    const other = await receiver({ delayMs: 5 });
    await site.register(other.url, ['article.published']);
    const ids: string[] = [];
    for (let n = 0; n < 40; n++) ids.push(await site.record('article.published', { n }));
    const workers = [site.deliverer({ concurrency: 4 }), site.deliverer({ db: two.db, concurrency: 4 })];
    for (const worker of workers) worker.start();
    await waitFor(() => hooks.received.length >= 40 && other.received.length >= 40, 'every event at both receivers', 20_000);
    // Time for a duplicate to arrive, if a delivery had been claimed twice.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const receiving of [hooks, other]) {
      assert.deepEqual([...receiving.ids()].sort(), [...ids].sort(), 'each event once');
    }
  });
}

webhookTest('a worker stopped mid-burst hands back what it held, and a new worker delivers every event', async () => {
  const site = await newsroom();
  const hooks = await receiver({ delayMs: 40 });
  const { endpoint } = await site.register(hooks.url, ['media.created']);
  const ids: string[] = [];
  for (let n = 0; n < 20; n++) ids.push(await site.record('media.created', { n }));
  const first = site.deliverer({ concurrency: 3, stopGraceMs: 0 });
  first.start();
  await waitFor(() => hooks.received.length >= 4, 'the burst to start');
  await first.stop();
  const pending = (await site.deliveries(endpoint.id)).filter((delivery) => delivery.status === 'pending');
  assert.ok(pending.length > 0, 'stopped mid-burst');
  site.deliverer().start();
  await waitFor(async () => (await site.deliveries(endpoint.id)).every((delivery) => delivery.status === 'delivered'), 'every delivery done');
  assert.deepEqual([...new Set(hooks.ids())].sort(), [...ids].sort(), 'every event arrived, with its own webhook-id');
});

webhookTest('a worker killed with SIGKILL mid-burst loses no event: another sends what it held once its leases run out', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gazette-webhooks-'));
  const file = join(dir, 'gazette.sqlite');
  const handle = connectDatabase({ sqliteFile: file });
  await migrateToLatest(handle.db);
  cleanups.push(async () => {
    await handle.destroy();
    await rm(dir, { recursive: true, force: true });
  });
  const site = await newsroom(handle);
  const hooks = await receiver({ delayMs: 30 });
  const { endpoint } = await site.register(hooks.url, ['comment.approved']);
  const ids: string[] = [];
  for (let n = 0; n < 30; n++) ids.push(await site.record('comment.approved', { n }));

  const webhooksModule = fileURLToPath(new URL('../../src/webhooks/index.ts', import.meta.url));
  const connectModule = fileURLToPath(new URL('../../src/db/connect.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `const { WebhookDeliverer } = await import(${JSON.stringify(webhooksModule)});
       const { connectDatabase } = await import(${JSON.stringify(connectModule)});
       const { db } = connectDatabase({ sqliteFile: ${JSON.stringify(file)} });
       const settings = { current: () => ({ name: 'Test', language: 'en', timeZone: 'UTC' }) };
       const log = { info() {}, error(object, message) { console.error(message, object); } };
       new WebhookDeliverer({ db, clock: { now: () => new Date() }, mailer: { send: async () => 'sent' }, settings, publicUrl: 'https://news.example', allowPrivateAddresses: true, log }, { concurrency: 4 }).start();
       setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const exited = once(child, 'exit');
  await waitFor(() => hooks.received.length >= 6, 'the killed worker to be mid-burst', 15_000);
  child.kill('SIGKILL');
  await exited;
  const unsent = (await site.deliveries(endpoint.id)).filter((delivery) => delivery.status !== 'delivered');
  assert.ok(unsent.length > 0, 'killed mid-burst');

  // Sixty-one seconds on, as the new worker sees it: the dead worker's leases have run out.
  const later: Clock = { now: () => new Date(Date.now() + 61_000) };
  const worker = site.deliverer({ clock: later });
  while (await worker.deliverDue()) {}
  assert.ok(
    (await site.deliveries(endpoint.id)).every((delivery) => delivery.status === 'delivered'),
    'every delivery done',
  );
  assert.deepEqual([...new Set(hooks.ids())].sort(), [...ids].sort(), 'every event arrived at least once');
});

webhookTest('with the private-address flag off, registration refuses loopback, private and metadata addresses, and names why', async () => {
  const site = await newsroom();
  const cases: [string, RegExp][] = [
    ['http://127.0.0.1:8080/hook', /^127\.0\.0\.1 is a loopback address/],
    ['http://10.0.0.1/hook', /^10\.0\.0\.1 is on a private network/],
    ['http://169.254.169.254/latest/meta-data/', /^169\.254\.169\.254 is a cloud provider’s metadata service/],
    ['http://[::1]:8080/hook', /^::1 is a loopback address/],
    ['http://localhost:8080/hook', /^(127\.0\.0\.1|::1) is a loopback address/],
  ];
  for (const [url, reason] of cases) {
    await assert.rejects(
      site.register(url, ['article.published'], false),
      (error: unknown) => error instanceof ValidationError && reason.test(error.fields.url ?? ''),
      url,
    );
  }
  assert.deepEqual(await listWebhookEndpoints({ db: site.db, clock: realClock, allowPrivateAddresses: false }, site.owner), []);
});

webhookTest('with the flag off, a worker refuses to deliver to loopback, private and metadata addresses, and nothing is sent', async () => {
  const site = await newsroom();
  const hooks = await receiver();
  // Registered while the flag was on (the metadata service never is: its name resolved to a public address then).
  const addresses: [string, string][] = [
    [hooks.url, 'webhooks.problem.loopback'],
    ['http://10.0.0.1/hook', 'webhooks.problem.private'],
    [`http://[::1]:${hooks.port}/hook`, 'webhooks.problem.loopback'],
    [`http://localhost:${hooks.port}/hook`, 'webhooks.problem.loopback'],
  ];
  const endpoints = [];
  for (const [url, problem] of addresses) endpoints.push({ id: (await site.register(url, ['article.published'])).endpoint.id, problem });
  const { endpoint: metadata } = await registerWebhookEndpoint(
    { db: site.db, clock: realClock, allowPrivateAddresses: false, lookup: async () => [{ address: '93.184.215.14', family: 4 }] },
    site.owner,
    { url: 'http://instance-data.invalid/latest/meta-data/', events: ['article.published'], description: '' },
    meta,
  );
  endpoints.push({ id: metadata.id, problem: 'webhooks.problem.metadata' });
  await site.record('article.published', { id: 1 });
  const lookup = async (host: string) =>
    host === 'instance-data.invalid' ? [{ address: '169.254.169.254', family: 4 }] : (await import('node:dns/promises')).lookup(host, { all: true });
  const worker = site.deliverer({ allowPrivate: false, lookup });
  assert.equal(await worker.deliverDue(), endpoints.length);
  for (const { id, problem } of endpoints) {
    const [delivery] = await site.deliveries(id);
    assert.deepEqual([delivery!.status, delivery!.responseStatus, delivery!.problem?.key], ['pending', null, problem], String(id));
  }
  assert.equal(hooks.received.length, 0);
});

webhookTest('the address is checked after DNS at every delivery, and the connection goes to the address checked', async () => {
  const site = await newsroom();
  const hooks = await receiver();
  // A name the system cannot resolve: only the deliverer's own lookup knows it, so a request arriving proves
  // the connection used the address that was checked.
  const answer = '127.0.0.1';
  const lookup = async () => [{ address: answer, family: 4 }];
  const { endpoint } = await registerWebhookEndpoint(
    { db: site.db, clock: realClock, allowPrivateAddresses: false, lookup: async () => [{ address: '93.184.215.14', family: 4 }] },
    site.owner,
    { url: `http://receiver.invalid:${hooks.port}/in`, events: ['article.published'], description: '' },
    meta,
  );
  await site.record('article.published', { id: 1 });
  assert.equal(await site.deliverer({ allowPrivate: false, lookup }).deliverDue(), 1);
  assert.equal(hooks.received.length, 0, 'the name now resolves to loopback: refused');
  assert.equal((await site.deliveries(endpoint.id))[0]!.problem?.key, 'webhooks.problem.loopback');

  await site.record('article.published', { id: 2 });
  await site.deliverer({ allowPrivate: true, lookup, backoffMs: () => 0 }).deliverDue();
  assert.ok(hooks.received.length >= 1);
  assert.equal(hooks.received[0]!.headers.host, `receiver.invalid:${hooks.port}`, 'sent to the name, connected to the checked address');
});
