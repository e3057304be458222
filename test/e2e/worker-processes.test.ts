import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { csrfTokenOf, send, signInThroughSetupLink, withCookies } from '../helpers/http-client.ts';
import { freePort, startServer, stopServer, waitForOutput } from '../helpers/server-process.ts';

// GAZETTE_WORKERS=2 on SQLite: two processes share the port, a change made through one drops the
// pages the other keeps, the leader alone seeds the demo and prints the setup link, and SIGTERM to
// the primary stops them all.

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
    let cookie = await signInThroughSetupLink(origin, setupPath);
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
