import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import { getArticle, updateArticle } from '../../src/articles/index.ts';
import { articleIdAt, articleInputOf } from '../helpers/article-edits.ts';
import { articleLinks } from '../helpers/html.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

// Repeats of cached pages answered before Fastify (platform/cache-hit-lane.ts), over real HTTP: inject()
// goes straight to Fastify and never meets the lane.

interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** node:http, so nothing is added to the request (fetch would add Accept-Encoding) nor taken from the answer. */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method, agent: false, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

function withoutDate(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { date: _date, ...rest } = headers;
  return rest;
}

describe('cache hits answered before Fastify', () => {
  let gazette: TestGazette;
  let origin: string;
  let articlePath: string;

  before(async () => {
    gazette = await buildTestApp();
    await gazette.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(gazette.app.server.address() as AddressInfo).port}`;
    articlePath = articleLinks((await gazette.app.inject({ url: '/' })).body)[0]!;
  });
  after(() => gazette.close());

  /** Asks until the lane answers (a miss, then Fastify's hit that teaches it), and returns Fastify's hit and the lane's. */
  async function fastifyThenLane(path: string, headers: Record<string, string> = {}): Promise<{ fastify: RawAnswer; lane: RawAnswer }> {
    const miss = await get(origin + path, headers);
    assert.equal(miss.headers['x-cache'], 'MISS', `${path} was not in the cache yet`);
    const before = gazette.cacheHits.answered;
    const fastify = await get(origin + path, headers);
    assert.equal(gazette.cacheHits.answered, before, 'the first hit is Fastify’s');
    const lane = await get(origin + path, headers);
    assert.equal(gazette.cacheHits.answered, before + 1, 'the next is the lane’s');
    return { fastify, lane };
  }

  test('the lane repeats Fastify’s answer exactly: status, every header in order, and the bytes', async () => {
    const { fastify, lane } = await fastifyThenLane(articlePath);
    assert.equal(lane.status, 200);
    assert.equal(fastify.headers['x-cache'], 'HIT');
    assert.deepEqual(Object.keys(withoutDate(lane.headers)), Object.keys(withoutDate(fastify.headers)));
    assert.deepEqual(withoutDate(lane.headers), withoutDate(fastify.headers));
    assert.ok(lane.headers['content-security-policy'], 'the security headers are among them');
    assert.ok(lane.body.equals(fastify.body));
  });

  test('each encoding is learnt apart, and a brotli answer is the page compressed', async () => {
    const path = articleLinks((await get(`${origin}/`)).body.toString())[1]!;
    const plain = await fastifyThenLane(path);
    // The page is in the cache now: brotli's first hit is Fastify's, the next the lane's.
    const brotli = { 'accept-encoding': 'gzip, br' };
    const before = gazette.cacheHits.answered;
    const fastify = await get(origin + path, brotli);
    assert.equal(gazette.cacheHits.answered, before);
    const lane = await get(origin + path, brotli);
    assert.equal(gazette.cacheHits.answered, before + 1);
    assert.equal(lane.headers['content-encoding'], 'br');
    assert.equal(lane.headers['content-encoding'], fastify.headers['content-encoding']);
    assert.equal(Number(lane.headers['content-length']), lane.body.length);
    assert.ok(brotliDecompressSync(lane.body).equals(plain.lane.body));
  });

  test('what makes an answer differ from reader to reader goes to Fastify', async () => {
    const path = articleLinks((await get(`${origin}/`)).body.toString())[2]!;
    const { lane } = await fastifyThenLane(path);
    const before = gazette.cacheHits.answered;

    const withCookie = await get(origin + path, { cookie: 'gazette_comments=abc' });
    assert.equal(withCookie.headers['cache-control'], 'private, no-store', 'a personal cookie is never shared');
    const current = await get(origin + path, { 'if-none-match': String(lane.headers.etag) });
    assert.equal(current.status, 304);
    const head = await get(origin + path, {}, 'HEAD');
    assert.equal(head.status, 200);
    const tracked = await get(`${origin + path}?utm_source=newsletter`);
    assert.equal(tracked.status, 200);
    const withAuthorization = await get(origin + path, { authorization: 'Bearer x' });
    assert.equal(withAuthorization.status, 200);

    assert.equal(gazette.cacheHits.answered, before, 'none of these was answered by the lane');
  });

  test('a change drops the page for the lane too: the next reader gets the new page, rendered', async () => {
    const path = articleLinks((await get(`${origin}/`)).body.toString())[3]!;
    await fastifyThenLane(path);
    const id = await articleIdAt(gazette, path);
    const article = await getArticle(gazette.database.db, id);
    const editedAMinuteLater = { db: gazette.database.db, clock: { now: () => new Date(testNow.getTime() + 60_000) }, changes: gazette.changes };
    await updateArticle(editedAMinuteLater, id, { ...articleInputOf(article), headline: 'A headline changed after the page was cached' });
    const before = gazette.cacheHits.answered;
    const after = await get(origin + path);
    assert.equal(after.headers['x-cache'], 'MISS');
    assert.match(after.body.toString(), /A headline changed after the page was cached/);
    assert.equal(gazette.cacheHits.answered, before);
  });

  test('the server in front of Fastify keeps the timeouts Fastify gives its own', () => {
    const server = gazette.app.server;
    assert.equal(server.keepAliveTimeout, 72_000);
    assert.equal(server.requestTimeout, 0);
    assert.equal(server.timeout, 0);
  });

  test('once the app is closing, Fastify answers everything', async () => {
    const path = articleLinks((await get(`${origin}/`)).body.toString())[4]!;
    await fastifyThenLane(path);
    gazette.cacheHits.close();
    const before = gazette.cacheHits.answered;
    const answer = await get(origin + path);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['x-cache'], 'HIT');
    assert.equal(gazette.cacheHits.answered, before);
  });
});
