import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'standardwebhooks';
import { startWebhookReceiver, waitFor } from '../test/helpers/webhook-receiver.ts';

/**
 * Webhook delivery through the real API, as an integrator would meet it: a token made with `npx gazette`,
 * an endpoint registered with POST /api/v1/admin/webhooks (subscribed to article.updated) pointing at a
 * receiver on 127.0.0.1 that answers 200 at once, then `changes` PATCHes of published articles' standfirsts,
 * one chain of If-Match edits per article, all chains at once. Counts what arrived, by webhook-id.
 */

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** After the last expected delivery, how long to keep listening for a repeat. */
const listenForRepeatsMs = 1000;
const deliveryTimeoutMs = 60_000;

export interface DeliveryResult {
  readonly changes: number;
  readonly articles: number;
  /** From the first PATCH sent to the last one answered. */
  readonly changeSeconds: number;
  /** From the first PATCH sent to the last delivery received. */
  readonly deliverySeconds: number;
  readonly received: number;
  readonly distinctIds: number;
  /** Distinct changes named by the deliveries' standfirsts: each change should be one event. */
  readonly distinctChanges: number;
  readonly validSignatures: number;
  /** Per event, from its PATCH's answer to its delivery, in milliseconds. */
  readonly lagsMs: readonly number[];
}

/** `npx gazette …` against the running server's data folder, as an operator types it. */
function gazetteCommand(dataDir: string, args: readonly string[], input = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(repoRoot, 'bin/gazette.js'), ...args],
      { cwd: repoRoot, env: { ...process.env, GAZETTE_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'production' }, timeout: 60_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`npx gazette ${args.slice(0, 2).join(' ')} failed:\n${stderr}`)) : resolve(stdout)),
    );
    child.stdin?.end(input);
  });
}

/** An owner (who may register webhooks and edit any article) and a token of theirs. */
export async function createOwnerToken(dataDir: string): Promise<string> {
  const email = 'bench-owner@example.org';
  await gazetteCommand(
    dataDir,
    ['users', 'add', '--email', email, '--name', 'Bench Owner', '--role', 'owner', '--password-stdin'],
    'lantern harbour violet ninety\n',
  );
  const made = await gazetteCommand(dataDir, ['tokens', 'create', '--email', email, '--name', 'Bench']);
  const token = made.trim().split('\n').at(-1);
  if (!token) throw new Error('npx gazette tokens create printed no token');
  return token;
}

function apiClient(origin: string, token: string) {
  return async (method: string, path: string, options: { body?: unknown; ifMatch?: string } = {}) => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.ifMatch ? { 'if-match': options.ifMatch } : {}),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return { json: JSON.parse(text) as Record<string, unknown>, etag: response.headers.get('etag') ?? '' };
  };
}

const marker = (index: number) => `(change ${index})`;
const markerPattern = /\(change (\d+)\)$/;

/**
 * `changes` edits spread over `articleIds`, one chain each. Each PATCH sends the ETag the previous answer
 * gave, so no edit is refused for having been overtaken. Returns when each edit was answered (Date.now()).
 */
async function editStandfirsts(call: ReturnType<typeof apiClient>, articleIds: readonly number[], changes: number, label: string): Promise<number[]> {
  const answeredAt: number[] = [];
  let next = 0;
  await Promise.all(
    articleIds.map(async (id) => {
      let { etag } = await call('GET', `/api/v1/admin/articles/${id}`);
      while (next < changes) {
        const index = next++;
        const body = { standfirst: `A standfirst edited by the API bench, ${label} ${marker(index)}` };
        ({ etag } = await call('PATCH', `/api/v1/admin/articles/${id}`, { body, ifMatch: etag }));
        answeredAt[index] = Date.now();
      }
    }),
  );
  return answeredAt;
}

export async function measureWebhookDelivery(options: {
  readonly origin: string;
  readonly token: string;
  readonly articleIds: readonly number[];
  readonly changes: number;
  readonly warmUpChanges: number;
}): Promise<DeliveryResult> {
  const call = apiClient(options.origin, options.token);
  // Before the endpoint exists, so these record no event: the PATCH route's code is compiled and its queries prepared.
  await editStandfirsts(call, options.articleIds, options.warmUpChanges, 'warm-up');
  const receiver = await startWebhookReceiver();
  try {
    const { json: endpoint } = await call('POST', '/api/v1/admin/webhooks', {
      body: { url: receiver.url, events: ['article.updated'], description: 'API bench' },
    });
    const started = Date.now();
    const answeredAt = await editStandfirsts(call, options.articleIds, options.changes, 'measured');
    const changesDone = Date.now();
    const distinct = () => new Set(receiver.ids()).size;
    await waitFor(() => distinct() >= options.changes, `${options.changes} deliveries (${distinct()} arrived)`, deliveryTimeoutMs);
    const lastDelivery = Math.max(...receiver.received.map((request) => request.at));
    await new Promise((resolve) => setTimeout(resolve, listenForRepeatsMs));

    // Checked after the clock stopped, so the receiver's work while timing was only to answer 200.
    const webhook = new Webhook(String(endpoint.secret));
    const changesSeen = new Map<number, number>();
    let validSignatures = 0;
    for (const request of receiver.received) {
      try {
        const event = webhook.verify(request.body, request.headers as Record<string, string>) as { type: string; data: { standfirst: string } };
        if (event.type === 'article.updated') validSignatures++;
        const index = Number(markerPattern.exec(event.data.standfirst)?.[1] ?? Number.NaN);
        if (!Number.isNaN(index) && !changesSeen.has(index)) changesSeen.set(index, request.at);
      } catch {
        // Counted as not valid.
      }
    }
    return {
      changes: options.changes,
      articles: options.articleIds.length,
      changeSeconds: (changesDone - started) / 1000,
      deliverySeconds: (lastDelivery - started) / 1000,
      received: receiver.received.length,
      distinctIds: distinct(),
      distinctChanges: changesSeen.size,
      validSignatures,
      lagsMs: [...changesSeen].map(([index, at]) => at - (answeredAt[index] ?? at)),
    };
  } finally {
    await receiver.close();
  }
}
