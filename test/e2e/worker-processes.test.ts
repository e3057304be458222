import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { freePort, startServer, stopServer, waitForOutput } from '../helpers/server-process.ts';

// GAZETTE_WORKERS=2 on SQLite: two processes share the port, a change made through one drops the
// pages the other keeps, the leader alone seeds the demo and prints the setup link, and SIGTERM to
// the primary stops them all.

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One request on a connection of its own, so the primary hands each to the next worker in turn. */
function send(url: string, options: { method?: string; cookie?: string; form?: Record<string, string> } = {}): Promise<Answer> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      {
        method: options.method ?? 'GET',
        agent: false,
        headers: {
          accept: 'text/html',
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } : {}),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** The cookies a response sets, as a Cookie header, added to those already held. */
function withCookies(held: string, answer: Answer): string {
  const set = answer.headers['set-cookie'] ?? [];
  const jar = new Map(held ? held.split('; ').map((pair) => pair.split('=', 2) as [string, string]) : []);
  for (const line of Array.isArray(set) ? set : [set]) {
    const [pair] = line.split(';');
    const [name, value] = pair!.split('=', 2) as [string, string];
    jar.set(name, value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

function csrfTokenOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, 'the page holds a form with a CSRF token');
  return token;
}

test('two worker processes serve one port and drop each other’s stale pages', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'gazette-workers-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let running: ChildProcess | undefined;
  try {
    const server = await startServer({
      NODE_ENV: 'production',
      GAZETTE_DEMO: 'on',
      GAZETTE_WORKERS: '2',
      PORT: String(port),
      HOST: '127.0.0.1',
      GAZETTE_DATA_DIR: dataDir,
      GAZETTE_PUBLIC_URL: origin,
    });
    running = server.child;
    const started = await waitForOutput(server.output, /admin\/setup\?token=[\w-]+/);
    assert.match(started, /Gazette is serving The Meridian Gazette at .* with 2 worker processes/);
    assert.equal(started.match(/Seeded the demo newsroom/g)?.length, 1, 'the demo is seeded once');
    assert.equal(started.match(/admin\/setup\?token=/g)?.length, 1, 'one setup link');
    const setupPath = /(\/admin\/setup\?token=[\w-]+)/.exec(started)![1]!;

    const home = await send(`${origin}/`);
    const articlePath = /href="(\/[a-z-]+\/[a-z0-9-]+)"/.exec(home.body)?.[1];
    assert.ok(articlePath, 'the home page links to an article');
    // Fetched over fresh connections in turn, the article is soon kept by both workers.
    const cacheAnswers = [];
    for (let i = 0; i < 6; i++) cacheAnswers.push((await send(`${origin}${articlePath}`)).headers['x-cache']);
    assert.ok(cacheAnswers.filter((answer) => answer === 'HIT').length >= 2, `kept by the workers: ${cacheAnswers.join(', ')}`);

    // The owner account, through the setup link the leader printed, then the article to the trash.
    const setupPage = await send(`${origin}${setupPath}`);
    let cookie = withCookies('', setupPage);
    const created = await send(`${origin}${setupPath}`, {
      method: 'POST',
      cookie,
      form: {
        _csrf: csrfTokenOf(setupPage.body),
        name: 'Test Owner',
        email: 'owner@example.org',
        password: 'harbour lantern violet ninety',
        passwordAgain: 'harbour lantern violet ninety',
      },
    });
    assert.equal(created.status, 303, created.body.slice(0, 500));
    cookie = withCookies(cookie, created);
    const articleId = await findArticleId(origin, cookie, articlePath);
    const editor = await send(`${origin}/admin/articles/${articleId}`, { cookie });
    cookie = withCookies(cookie, editor);
    const trashed = await send(`${origin}/admin/articles/${articleId}/trash`, { method: 'POST', cookie, form: { _csrf: csrfTokenOf(editor.body) } });
    assert.equal(trashed.status, 303);

    // Whichever worker answers, the article is gone.
    for (let i = 0; i < 6; i++) {
      const after = await send(`${origin}${articlePath}`);
      assert.notEqual(after.status, 200, `request ${i + 1} after the trash was answered ${after.status} (X-Cache: ${after.headers['x-cache']})`);
    }

    assert.equal(await stopServer(server.child), 0, 'SIGTERM to the primary stops every worker and exits cleanly');
    running = undefined;
  } finally {
    if (running && running.exitCode === null && running.signalCode === null) await stopServer(running);
    await rm(dataDir, { recursive: true, force: true });
  }
});

/** The newsroom id of the article at `path`, from the article list, where each editor link sits beside its "View" link. */
async function findArticleId(origin: string, cookie: string, path: string): Promise<string> {
  const list = await send(`${origin}/admin`, { cookie });
  const id = new RegExp(`href="/admin/articles/(\\d+)">[^<]*</a> <a class="view-link" href="${path}"`).exec(list.body)?.[1];
  assert.ok(id, `the article list links to ${path}`);
  return id;
}
