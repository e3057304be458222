import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createApiToken } from '../../src/accounts/index.ts';
import { createArticle, publishArticle } from '../../src/articles/index.ts';
import { connectDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { ContentChanges } from '../../src/platform/content-changes.ts';
import { createSection } from '../../src/sections/index.ts';
import { readAndComment } from '../helpers/cluster-load.ts';
import { readCommentForm } from '../helpers/comment-forms.ts';
import { insertTestUser } from '../helpers/databases.ts';
import { type Answer, send } from '../helpers/http-client.ts';
import { type PrivatePostgres, postgresBinDir, startPrivatePostgres } from '../helpers/private-postgres.ts';
import { skipOrFailWithoutTool } from '../helpers/required-tools.ts';
import { freePort, startServer, stopServer } from '../helpers/server-process.ts';

// The shipped deploy/varnish/default.vcl in front of two real Gazette processes (the bundle `npm start`
// runs) on different ports and data folders, sharing one PostgreSQL database, as issue 15 asks: what one
// instance changes is purged from Varnish by surrogate key and seen through the other, a scheduled
// article goes live once though both run the scheduler, readers see no error while one dies, and
// the cluster rides out a restart of PostgreSQL. The database is a server of the test's own (it is
// restarted), made with Debian's PostgreSQL programs.

const vclFolder = fileURLToPath(new URL('../../deploy/varnish/', import.meta.url));
const varnishInstalled = !spawnSync('varnishd', ['-V']).error;
const skip = !varnishInstalled
  ? skipOrFailWithoutTool('varnishd not found on PATH; install it with apt-get install -y varnish varnish-modules')
  : postgresBinDir()
    ? false
    : skipOrFailWithoutTool('initdb not found under /usr/lib/postgresql; install it with apt-get install -y postgresql');

/** Polls `check` every 50 ms until it holds, and fails with `what` when it has not within `withinMs`. */
async function eventually(what: string, withinMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > withinMs) assert.fail(`${what} not within ${withinMs} ms`);
    await sleep(50);
  }
}

/** Whether Varnish answered from its store: X-Varnish then names this request and the one that stored it. */
const isHit = (answer: Answer) => /^\d+ \d+$/.test(String(answer.headers['x-varnish']));

describe('two instances behind the shipped Varnish configuration', { skip }, () => {
  const secret = randomBytes(24).toString('base64url');
  let postgres: PrivatePostgres;
  let database: DatabaseHandle;
  let workDir: string;
  let varnish: ChildProcess | undefined;
  let varnishOutput = '';
  const servers: ChildProcess[] = [];
  let cache: string;
  let instanceA: string;
  let instanceB: string;
  let token: string;
  let scheduledId: number;
  let startInstance: (port: number, name: string) => Promise<ChildProcess>;
  let portA: number;

  /** The Admin API of one instance, as a script calls it. */
  const admin = async (origin: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${origin}/api/v1/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${path} on ${origin} answered ${response.status}: ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };

  before(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'gazette-varnish-'));
    postgres = await startPrivatePostgres();
    database = connectDatabase({ databaseUrl: postgres.url, poolSize: 4 });
    await migrateToLatest(database.db);

    const now = new Date();
    const ownerId = await insertTestUser(database.db, { email: 'owner@example.org', name: 'Owner', role: 'owner' }, now);
    const owner = { id: ownerId, email: 'owner@example.org', name: 'Owner', role: 'owner' as const };
    token = (
      await createApiToken({ db: database.db, clock: { now: () => new Date() } }, owner, { name: 'Cluster test' }, { ip: '127.0.0.1', userAgent: 'test' })
    ).secret;
    await createSection(database.db, { name: 'World' });
    // Due a moment from now: both instances find it due in their scheduler's first pass at start.
    const deps = { db: database.db, clock: { now: () => new Date() }, changes: new ContentChanges() };
    const sectionId = (await database.db.selectFrom('sections').select('id').executeTakeFirstOrThrow()).id;
    scheduledId = (await createArticle(deps, { headline: 'Night ferries return', sectionId, authorIds: [], tagIds: [] })).id;
    await publishArticle(deps, scheduledId, new Date(now.getTime() + 500));

    // Varnish with the shipped default.vcl as it is, and the shipped backends.vcl naming the test's ports.
    const [varnishPort, portB] = [await freePort(), await freePort()];
    portA = await freePort();
    cache = `http://127.0.0.1:${varnishPort}`;
    instanceA = `http://127.0.0.1:${portA}`;
    instanceB = `http://127.0.0.1:${portB}`;
    const shippedBackends = await readFile(join(vclFolder, 'backends.vcl'), 'utf8');
    const backends = shippedBackends.replace('.port = "3001"', `.port = "${portA}"`).replace('.port = "3002"', `.port = "${portB}"`);
    assert.equal(backends.match(new RegExp(`"(${portA}|${portB})"`, 'g'))?.length, 2, 'backends.vcl names 127.0.0.1:3001 and :3002');
    await copyFile(join(vclFolder, 'default.vcl'), join(workDir, 'default.vcl'));
    await writeFile(join(workDir, 'backends.vcl'), backends);
    varnish = spawn(
      'varnishd',
      // No jail (-j none): varnishd started by root would otherwise read the VCL as the varnish user,
      // who may not enter the private temporary folder.
      [
        '-F',
        '-j',
        'none',
        '-n',
        join(workDir, 'varnish'),
        '-a',
        `127.0.0.1:${varnishPort}`,
        '-T',
        'none',
        '-s',
        'malloc,64m',
        '-f',
        join(workDir, 'default.vcl'),
      ],
      { env: { ...process.env, GAZETTE_PURGE_SECRET: secret }, stdio: 'pipe' },
    );
    varnish.stdout?.on('data', (chunk: Buffer) => (varnishOutput += chunk.toString()));
    varnish.stderr?.on('data', (chunk: Buffer) => (varnishOutput += chunk.toString()));

    startInstance = (port: number, name: string) =>
      startServer({
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: postgres.url,
        GAZETTE_DATA_DIR: join(workDir, name),
        GAZETTE_PUBLIC_URL: cache,
        GAZETTE_TRUST_PROXY: 'loopback',
        GAZETTE_PURGE_URLS: cache,
        GAZETTE_PURGE_SECRET: secret,
        // Kept pages go stale within the test, so refreshing them and serving them stale are both met.
        GAZETTE_SHARED_CACHE_MAX_AGE: '3',
        GAZETTE_SHARED_CACHE_STALE_WHILE_REVALIDATE: '1',
      }).then((server) => server.child);
    servers.push(...(await Promise.all([startInstance(portA, 'a'), startInstance(portB, 'b')])));
    await eventually('Varnish answering', 10_000, async () => {
      assert.equal(varnish?.exitCode, null, `varnishd exited:\n${varnishOutput}`);
      return (await send(`${cache}/healthz`).catch(() => undefined))?.status === 200;
    });
  });

  after(async () => {
    await Promise.all(servers.filter((child) => child.exitCode === null && child.signalCode === null).map((child) => stopServer(child)));
    if (varnish && varnish.exitCode === null && varnish.signalCode === null) {
      const exited = new Promise((resolve) => varnish!.once('exit', resolve));
      varnish.kill('SIGTERM');
      await exited;
    }
    await database?.destroy();
    await postgres?.destroy();
    await rm(workDir, { recursive: true, force: true });
  });

  test('a purge needs the secret; keys and Gazette’s own headers stay inside', async () => {
    for (const headers of [{}, { 'x-purge-secret': 'wrong' }, { 'x-purge-secret': `${secret}x` }] as Record<string, string>[]) {
      const refused = await fetch(cache, { method: 'PURGE', headers: { 'xkey-purge': 'all', ...headers } });
      assert.equal(refused.status, 403);
    }
    const purged = await fetch(cache, { method: 'PURGE', headers: { 'xkey-purge': 'all', 'x-purge-secret': secret } });
    assert.equal(purged.status, 200);
    assert.match(await purged.text(), /^Purged \d+/);

    const home = await send(`${cache}/`);
    assert.equal(home.status, 200);
    assert.match(String(home.headers['cache-control']), /s-maxage=/);
    for (const header of ['xkey', 'x-cache']) assert.equal(home.headers[header], undefined, `${header} is not sent to readers`);
    assert.ok(isHit(await send(`${cache}/`)), 'the home page is then answered from Varnish');
    assert.ok(!isHit(await send(`${cache}/`, { cookie: 'gazette_comments=x' })), 'a commenter’s request is passed to Gazette');
  });

  test('an article published through A is on Varnish’s home page and served by B within 1 s', async () => {
    await send(`${cache}/`);
    assert.ok(isHit(await send(`${cache}/`)), 'the home page is kept before the change');
    const { id } = await admin(instanceA, 'POST', '/articles', { headline: 'Tram line opens', body: '<p>Riders cheered.</p>', section: 'world' });
    const published = await admin(instanceA, 'POST', `/articles/${id}/publish`);
    const path = new URL(String(published.url)).pathname;
    const tookMs = await eventually('the new article on the home page through Varnish, and its page on B', 1_000, async () => {
      const [home, onB, page] = await Promise.all([send(`${cache}/`), send(`${instanceB}${path}`), send(`${cache}${path}`)]);
      return home.body.includes('Tram line opens') && onB.status === 200 && page.status === 200;
    });
    assert.ok(tookMs <= 1_000);
  });

  test('a comment posted through Varnish and approved through B is on the cached page within 1 s', async () => {
    const { id } = await admin(instanceA, 'POST', '/articles', { headline: 'Harbour bridge reopens', body: '<p>Traffic flows.</p>', section: 'world' });
    const path = new URL(String((await admin(instanceA, 'POST', `/articles/${id}/publish`)).url)).pathname;
    // The publication's purge is sent after it is acknowledged, so it may reach Varnish after the first
    // answer was kept and drop it: the page is taken once Varnish answers it from its store.
    let page: Answer | undefined;
    await eventually('the article kept by Varnish', 2_000, async () => {
      page = await send(`${cache}${path}`);
      return page.status === 200 && isHit(page);
    });

    // The form refuses a post within 3 s of the page (a bot's pace).
    await sleep(3_100);
    const form = readCommentForm(page!.body);
    const text = 'The bridge looks better than ever.';
    const posted = await fetch(`${cache}/comments`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        article_id: form.articleId,
        parent_id: form.parentId,
        stamp: form.stamp,
        comment: text,
        name: 'Ana Reader',
        email: 'ana@example.org',
        website: '',
        homepage: '',
      }),
    });
    const comment = (await posted.json()) as { id: number; status: string };
    assert.equal(posted.status, 201, JSON.stringify(comment));
    assert.equal(comment.status, 'pending', 'a first comment waits for a moderator');
    assert.ok(!(await send(`${cache}${path}`)).body.includes(text), 'not shown before approval');

    await admin(instanceB, 'POST', `/comments/${comment.id}/approve`);
    await eventually('the approved comment on the page through Varnish', 1_000, async () => (await send(`${cache}${path}`)).body.includes(text));
  });

  test('the article scheduled for a moment ahead went live once, though both instances run the scheduler', async () => {
    await eventually('the scheduled article published', 5_000, async () => {
      const row = await database.db.selectFrom('articles').select('status').where('id', '=', scheduledId).executeTakeFirstOrThrow();
      return row.status === 'published';
    });
    // Each instance's scheduler has passed since; a second publication would have been recorded by now.
    await sleep(1_000);
    const audits = await database.db.selectFrom('audit_log').select('subject').where('action', '=', 'article.published').execute();
    assert.deepEqual(
      audits.map((row) => row.subject).filter((subject) => subject?.startsWith(`${scheduledId}:`)),
      [`${scheduledId}: Night ferries return (went live on schedule)`],
    );
  });

  /** A new published article's path, once Varnish serves it, and its comment form, old enough to post. */
  const articleToReadAndComment = async (headline: string) => {
    const { id } = await admin(instanceA, 'POST', '/articles', { headline, body: '<p>Boats sail.</p>', section: 'world' });
    const path = new URL(String((await admin(instanceA, 'POST', `/articles/${id}/publish`)).url)).pathname;
    await eventually('the article through Varnish', 1_000, async () => (await send(`${cache}${path}`)).status === 200);
    const form = readCommentForm((await send(`${cache}${path}`)).body);
    // The form refuses a post within 3 s of the page (a bot's pace).
    await sleep(3_100);
    return { path, form };
  };

  /** Which of the acknowledged comments are missing from the database. */
  const missingComments = async (acknowledged: readonly { id: number; text: string }[]) => {
    const stored = await database.db
      .selectFrom('comments')
      .select(['id', 'body'])
      .where(
        'id',
        'in',
        acknowledged.map((comment) => comment.id),
      )
      .execute();
    const bodies = new Map(stored.map((row) => [row.id, row.body]));
    return acknowledged.filter((comment) => !bodies.get(comment.id)?.includes(comment.text.slice(0, 40)));
  };

  /** Four readers and two commenters through Varnish, each pausing a little between requests. */
  const loadShape = () => ({ readers: 4, readerPauseMs: 10, commentUrl: `${cache}/comments`, commenters: 2, commentPauseMs: 50 });

  /** How many comments on the article hold `text`. */
  const storedCount = async (articleId: string, text: string) =>
    (await database.db.selectFrom('comments').select('id').where('article_id', '=', Number(articleId)).where('body', '=', text).execute()).length;

  test('instance A killed with SIGKILL during 20 s of reading and commenting: no reader sees an error, every acknowledged comment is stored', async (t) => {
    const { path, form } = await articleToReadAndComment('Ferry strike ends');
    // Kept pages, and searches, which are never kept, so every one of them reaches an instance.
    const load = readAndComment({
      durationMs: 20_000,
      readerUrls: [`${cache}${path}`, `${cache}/search?q=ferry{n}`, `${cache}/`, `${cache}/search?q=strike{n}`],
      form,
      ...loadShape(),
    });
    await sleep(5_000);
    servers[0]!.kill('SIGKILL');
    const outcome = await load;
    t.diagnostic(
      `${outcome.readerAnswers} reader answers, ${outcome.acknowledged.length} comments acknowledged, ${outcome.duplicates.length} refused as already posted; posts answered ${JSON.stringify([...outcome.postStatuses])}`,
    );
    assert.ok(outcome.readerAnswers > 500, `${outcome.readerAnswers} reader answers`);
    assert.deepEqual(outcome.readerFailures.slice(0, 5), [], `${outcome.readerFailures.length} of ${outcome.readerAnswers} reader answers were errors`);
    assert.deepEqual(outcome.postRefusals.slice(0, 5), [], `posts answered ${JSON.stringify([...outcome.postStatuses])}`);
    assert.ok(outcome.acknowledged.length > 50, `${outcome.acknowledged.length} comments acknowledged`);
    assert.deepEqual(await missingComments(outcome.acknowledged), [], 'every acknowledged comment is stored');
    // A post the killed instance stored without answering was sent on by Varnish, and refused there as already posted.
    for (const { text } of outcome.duplicates) assert.equal(await storedCount(form.articleId, text), 1, `stored once: ${text}`);
  });

  test('PostgreSQL restarted during load: readers get (stale) pages, both instances reconnect within 5 s, nothing acknowledged is lost', async (t) => {
    // A, killed above, comes back first: Varnish's probe takes it in again.
    if (servers[0]!.signalCode !== null) servers[0] = await startInstance(portA, 'a');
    const { path, form } = await articleToReadAndComment('Harbour reopens after storm');
    const pages = [`${cache}${path}`, `${cache}/`, `${cache}/world`];
    for (const page of pages) assert.equal((await send(page)).status, 200, page);

    const load = readAndComment({
      durationMs: 14_000,
      readerUrls: pages,
      form,
      ...loadShape(),
    });
    await sleep(2_000);
    await postgres.stop();
    // Down longer than the pages' s-maxage and stale-while-revalidate: readers are then answered from grace.
    await sleep(5_000);
    await postgres.start();
    const reconnectedMs = await eventually('both instances ready and answering from the database again', 5_000, async () => {
      const answers = await Promise.all(
        [instanceA, instanceB].flatMap((origin) => [send(`${origin}/readyz`), send(`${origin}/search?q=harbour${Date.now()}`)]),
      );
      return answers.every((answer) => answer.status === 200);
    });
    const outcome = await load;
    t.diagnostic(
      `reconnected ${reconnectedMs} ms after the restart; ${outcome.readerAnswers} reader answers (the oldest ${outcome.oldestAgeSeconds} s old), ${outcome.acknowledged.length} comments acknowledged; posts answered ${JSON.stringify([...outcome.postStatuses])}`,
    );
    assert.ok(outcome.readerAnswers > 300, `${outcome.readerAnswers} reader answers`);
    assert.deepEqual(outcome.readerFailures.slice(0, 5), [], `${outcome.readerFailures.length} of ${outcome.readerAnswers} reader answers were errors`);
    assert.ok(outcome.oldestAgeSeconds > 4, `readers were given pages past their s-maxage and stale-while-revalidate (${outcome.oldestAgeSeconds} s old)`);
    assert.ok(
      outcome.acknowledged.length > 20,
      `${outcome.acknowledged.length} comments acknowledged; posts answered ${JSON.stringify([...outcome.postStatuses])}`,
    );
    assert.deepEqual(await missingComments(outcome.acknowledged), [], 'every acknowledged comment is stored');
    // Posts while the database was away were refused as such, never with a bare error.
    for (const refusal of outcome.postRefusals) assert.match(refusal, /^503: /, refusal);

    // The instances hear each other's changes again (their LISTEN connection came back).
    const { id } = await admin(instanceA, 'POST', '/articles', { headline: 'Lighthouse relit', body: '<p>At dusk.</p>', section: 'world' });
    const newPath = new URL(String((await admin(instanceA, 'POST', `/articles/${id}/publish`)).url)).pathname;
    await eventually('the article published through A after the restart on B’s home page and its own page', 1_000, async () => {
      const [home, onB] = await Promise.all([send(`${instanceB}/`), send(`${instanceB}${newPath}`)]);
      return home.body.includes('Lighthouse relit') && onB.status === 200;
    });
  });
});
