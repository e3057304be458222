import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPurgeReceiver } from '../../test/helpers/purge-receiver.ts';
import { waitFor } from '../../test/helpers/webhook-receiver.ts';
import { ContentChanges, contentTags } from './content-changes.ts';
import { type PurgeOptions, purgeChangedContent } from './purges.ts';
import { anyChangeKey, everythingKey } from './shared-caching.ts';

const secret = 'a-shared-secret-of-some-length';

function recordingLog() {
  const warnings: { details: Record<string, unknown>; message: string | undefined }[] = [];
  return { warnings, log: { warn: (details: unknown, message?: string) => warnings.push({ details: details as Record<string, unknown>, message }) } };
}

/** A purger with short waits, stopped when the test ends. */
function startPurger(t: { after(fn: () => Promise<void>): void }, changes: ContentChanges, options: Partial<PurgeOptions> & Pick<PurgeOptions, 'urls'>) {
  const { log } = recordingLog();
  const purger = purgeChangedContent(changes, { secret, log, batchMs: 30, retryDelaysMs: [20, 40], timeoutMs: 2000, ...options });
  t.after(() => purger.stop());
  return purger;
}

test('changes made here within the batching window go out as one PURGE per URL, with the keys and the secret', async (t) => {
  const first = await startPurgeReceiver();
  const second = await startPurgeReceiver();
  t.after(() => first.close());
  t.after(() => second.close());
  const changes = new ContentChanges();
  startPurger(t, changes, { urls: [first.url, second.url] });

  changes.announce([contentTags.article(12), contentTags.scope({ kind: 'all' })]);
  changes.announce([contentTags.article(12), contentTags.section(3)]);
  assert.equal(first.received.length, 0, 'the change is not held up: nothing is sent while it is announced');
  await waitFor(() => first.received.length === 1 && second.received.length === 1, 'one purge at each URL');
  await sleep(100);

  for (const receiver of [first, second]) {
    assert.equal(receiver.received.length, 1, 'both changes in one purge');
    const [purge] = receiver.received;
    assert.equal(purge!.method, 'PURGE');
    assert.equal(purge!.url, '/');
    assert.equal(purge!.headers['x-purge-secret'], secret);
    assert.deepEqual([...purge!.keys].sort(), ['article:12', 'scope:all', 'section:3', anyChangeKey].sort());
  }
});

test('changes heard from other workers or instances, or caught up on, are purged by whoever made them, not here', async (t) => {
  const receiver = await startPurgeReceiver();
  t.after(() => receiver.close());
  const changes = new ContentChanges();
  const purger = startPurger(t, changes, { urls: [receiver.url] });

  changes.announce([contentTags.article(1)], 'remote');
  changes.announce([contentTags.everything], 'refresh');
  await purger.stop();
  await sleep(80);
  assert.equal(receiver.received.length, 0);

  const again = new ContentChanges();
  startPurger(t, again, { urls: [receiver.url] });
  again.announce([contentTags.article(2)], 'remote');
  again.announce([contentTags.article(3)]);
  await waitFor(() => receiver.received.length === 1, 'the local change purged');
  assert.deepEqual(receiver.received[0]!.keys, ['article:3', anyChangeKey]);
});

test('a change only the newsroom sees (a draft, a review) purges nothing, and goes with page changes without adding a key', async (t) => {
  const receiver = await startPurgeReceiver();
  t.after(() => receiver.close());
  const changes = new ContentChanges();
  const purger = startPurger(t, changes, { urls: [receiver.url] });

  changes.announce([contentTags.newsroom]);
  await sleep(100);
  assert.equal(receiver.received.length, 0);
  changes.announce([contentTags.newsroom]);
  changes.announce([contentTags.article(4)]);
  await purger.stop();
  assert.equal(receiver.received.length, 1);
  assert.deepEqual(receiver.received[0]!.keys, ['article:4', anyChangeKey]);
});

test('"everything" changed here purges the key every shared answer carries', async (t) => {
  const receiver = await startPurgeReceiver();
  t.after(() => receiver.close());
  const changes = new ContentChanges();
  startPurger(t, changes, { urls: [receiver.url] });
  changes.announce([contentTags.everything]);
  await waitFor(() => receiver.received.length === 1, 'a purge');
  assert.deepEqual(receiver.received[0]!.keys, [everythingKey]);
});

test('a purge answered 500 is tried again after a wait, and nothing is logged once it succeeds', async (t) => {
  const receiver = await startPurgeReceiver((received) => (received.length < 3 ? 500 : 200));
  t.after(() => receiver.close());
  const changes = new ContentChanges();
  const { warnings, log } = recordingLog();
  startPurger(t, changes, { urls: [receiver.url], log });

  changes.announce([contentTags.article(5)]);
  await waitFor(() => receiver.received.length === 3, 'two retries');
  const [a, b, c] = receiver.received.map((purge) => purge.at);
  assert.ok(b! - a! >= 15 && c! - b! >= 35, `waits grow: ${b! - a!} ms, then ${c! - b!} ms`);
  assert.deepEqual(receiver.received[2]!.keys, ['article:5', anyChangeKey], 'the same purge each time');
  await sleep(100);
  assert.equal(receiver.received.length, 3);
  assert.deepEqual(warnings, []);
});

test('a purge that keeps failing is given up after the retries and logged with its keys and why', async (t) => {
  const failing = await startPurgeReceiver(() => 503);
  const working = await startPurgeReceiver();
  t.after(() => failing.close());
  t.after(() => working.close());
  const changes = new ContentChanges();
  const { warnings, log } = recordingLog();
  startPurger(t, changes, { urls: [failing.url, working.url], log });

  changes.announce([contentTags.article(8), contentTags.tag(4)]);
  await waitFor(() => warnings.length === 1, 'a warning');
  assert.equal(failing.received.length, 3, 'the first attempt and two retries');
  assert.equal(working.received.length, 1, 'the other cache was purged at once regardless');
  const { details } = warnings[0]!;
  assert.equal(details.url, failing.url);
  assert.equal(details.reason, 'HTTP 503');
  assert.equal(details.attempts, 3);
  assert.equal(details.keys, `article:8 tag:4 ${anyChangeKey}`);
  assert.ok(!JSON.stringify(warnings).includes(secret), 'the secret is never logged');
});

test('a cache that does not answer at all is retried and logged too', async (t) => {
  // A port that was free a moment ago: connections to it are refused.
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  const changes = new ContentChanges();
  const { warnings, log } = recordingLog();
  startPurger(t, changes, { urls: [`http://127.0.0.1:${port}/`], log });

  changes.announce([contentTags.article(9)]);
  await waitFor(() => warnings.length === 1, 'a warning');
  assert.equal(warnings[0]!.details.reason, 'ECONNREFUSED');
});

test('stop() sends what was gathered at once and waits for it', async (t) => {
  const receiver = await startPurgeReceiver();
  t.after(() => receiver.close());
  const changes = new ContentChanges();
  const purger = startPurger(t, changes, { urls: [receiver.url], batchMs: 60_000 });
  changes.announce([contentTags.author(2)]);
  await purger.stop();
  assert.equal(receiver.received.length, 1);
  changes.announce([contentTags.author(3)]);
  await sleep(50);
  assert.equal(receiver.received.length, 1, 'nothing after it stopped');
});

test('without purge URLs nothing listens for changes', () => {
  const changes = new ContentChanges();
  let subscribed = 0;
  const subscribe = changes.subscribe.bind(changes);
  changes.subscribe = (listener) => {
    subscribed++;
    return subscribe(listener);
  };
  const { log } = recordingLog();
  purgeChangedContent(changes, { urls: [], secret: undefined, log });
  assert.equal(subscribed, 0);
});
