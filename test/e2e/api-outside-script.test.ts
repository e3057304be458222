import assert from 'node:assert/strict';
import { type ChildProcess, execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'standardwebhooks';
import { expectResponseMatchesOpenApi, type OpenApiDocument } from '../helpers/openapi.ts';
import { freePort, startServer, stopServer } from '../helpers/server-process.ts';
import { startWebhookReceiver, waitFor } from '../helpers/webhook-receiver.ts';

// The issue's "done means": a script outside the app, with only a token (made by `npx gazette tokens
// create`) and the documented API, publishes an article with a photo, sees it in the Content API and on
// the site, and receives the signed article.published webhook, which the Standard Webhooks library verifies.

const root = fileURLToPath(new URL('../..', import.meta.url));

function gazetteCommand(dataDir: string, args: readonly string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [join(root, 'bin/gazette.js'), ...args],
      { cwd: root, env: { ...process.env, GAZETTE_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'production' }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

test('a script with a token publishes an article with a photo, and hears of it through a signed webhook', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'gazette-api-script-'));
  const port = await freePort();
  const site = `http://127.0.0.1:${port}`;
  const receiver = await startWebhookReceiver();
  let running: ChildProcess | undefined;
  try {
    const env = {
      NODE_ENV: 'production',
      GAZETTE_DEMO: 'on',
      GAZETTE_WORKERS: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      GAZETTE_DATA_DIR: dataDir,
      GAZETTE_PUBLIC_URL: site,
      // The receiver runs on this machine; a real newsroom's endpoints are on the internet.
      GAZETTE_WEBHOOKS_ALLOW_PRIVATE: '1',
    };
    running = (await startServer(env)).child;

    const added = await gazetteCommand(
      dataDir,
      ['users', 'add', '--email', 'desk@example.org', '--name', 'Mina Park', '--role', 'owner', '--password-stdin'],
      'lantern harbour violet ninety\n',
    );
    assert.equal(added.code, 0, added.stderr);
    const made = await gazetteCommand(dataDir, ['tokens', 'create', '--email', 'desk@example.org', '--name', 'Wire importer']);
    assert.equal(made.code, 0, made.stderr);
    const token = made.stdout.trim().split('\n').at(-1)!;

    // Each answer is held to the API's own OpenAPI document, as served.
    const document = (await (await fetch(`${site}/api/v1/openapi.json`)).json()) as OpenApiDocument;
    const call = async (method: string, path: string, body?: unknown, authorised = true) => {
      const answer = await fetch(`${site}${path}`, {
        method,
        headers: {
          ...(authorised ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
      });
      const text = await answer.text();
      expectResponseMatchesOpenApi(document, { method, path, status: answer.status, contentType: answer.headers.get('content-type') ?? undefined, body: text });
      return { status: answer.status, json: text ? JSON.parse(text) : undefined };
    };

    // The endpoint is registered through the API too; its secret comes back once.
    const hook = await call('POST', '/api/v1/admin/webhooks', { url: receiver.url, events: ['article.published'], description: 'Newsletter' });
    assert.equal(hook.status, 201, JSON.stringify(hook.json));
    const secret: string = hook.json.secret;
    assert.match(secret, /^whsec_/);

    const form = new FormData();
    form.append('file', new Blob([await readFile(join(root, 'test/fixtures/images/harbour-xmp-and-iptc.jpg'))], { type: 'image/jpeg' }), 'harbour.jpg');
    form.append('alt', 'Fishing boats tied up at the harbour wall');
    form.append('credit', 'AFP');
    const photo = await call('POST', '/api/v1/admin/media', form);
    assert.equal(photo.status, 201, JSON.stringify(photo.json));

    const created = await call('POST', '/api/v1/admin/articles', {
      headline: 'Harbour ferry fares to rise in March',
      standfirst: 'Commuters face a six per cent increase.',
      body: '<p>Fares on the harbour ferry will rise on 1 March.</p>',
      section: 'world',
      tags: ['Transport'],
      featuredImage: photo.json.id,
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const published = await call('POST', `/api/v1/admin/articles/${created.json.id}/publish`);
    assert.equal(published.status, 200, JSON.stringify(published.json));
    const url: string = published.json.url;
    assert.equal(url, `${site}/world/harbour-ferry-fares-to-rise-in-march`);

    const content = (await (await fetch(`${site}/api/v1/articles/${created.json.id}`)).json()) as {
      headline: string;
      featuredImage: { id: number; credit: string };
    };
    assert.equal(content.headline, 'Harbour ferry fares to rise in March');
    assert.equal(content.featuredImage.id, photo.json.id);
    assert.equal(content.featuredImage.credit, 'AFP');
    const list = (await call('GET', '/api/v1/articles?limit=1', undefined, false)).json as { articles: { id: number }[] };
    assert.equal(list.articles[0]?.id, created.json.id, 'newest first');
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Harbour ferry fares to rise in March/);

    await waitFor(() => receiver.received.length > 0, 'the article.published webhook');
    const [delivery] = receiver.received;
    const verified = new Webhook(secret).verify(delivery!.body, {
      'webhook-id': String(delivery!.headers['webhook-id']),
      'webhook-timestamp': String(delivery!.headers['webhook-timestamp']),
      'webhook-signature': String(delivery!.headers['webhook-signature']),
    }) as { type: string; data: { id: number; url: string; featuredImage: { id: number } } };
    assert.equal(verified.type, 'article.published');
    assert.equal(verified.data.id, created.json.id);
    assert.equal(verified.data.url, url);
    assert.equal(verified.data.featuredImage.id, photo.json.id);
    assert.throws(
      () => new Webhook(secret).verify(delivery!.body.replace('March', 'April'), delivery!.headers as Record<string, string>),
      'a changed body fails',
    );
  } finally {
    if (running && running.exitCode === null && running.signalCode === null) await stopServer(running);
    await receiver.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
