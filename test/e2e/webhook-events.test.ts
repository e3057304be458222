import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { User } from '../../src/accounts/index.ts';
import { publishDueArticles } from '../../src/articles/index.ts';
import { registerWebhookEndpoint, webhookEventTypes } from '../../src/webhooks/index.ts';
import { type AdminApi, adminApiClient, apiTokenFor } from '../helpers/admin-api.ts';
import { commentOn, postedCommentId } from '../helpers/comment-forms.ts';
import { forEachDialect } from '../helpers/databases.ts';
import { createTestOwner } from '../helpers/newsroom.ts';
import { fetchOpenApiDocument } from '../helpers/openapi.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// Which changes become webhook events, with what data, written in the change's own transaction: the
// outbox rows are read straight from the database, so no delivery is needed to see them.

const meta = { ip: '127.0.0.1', userAgent: 'test' };

forEachDialect('webhook events from the newsroom’s changes', (dialect) => {
  let gazette: TestGazette;
  /** Every answer is held to the OpenAPI document: its status, type and body must be the ones declared. */
  let api: AdminApi;
  let owner: User;
  let token: string;

  const asOwner = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, headers?: Record<string, string>) =>
    api(method, url, { token, body, headers });

  /** The events recorded since `after` (an event id, or from the start), oldest first. */
  const eventsSince = async (count: number) => {
    const rows = await gazette.database.db.selectFrom('webhook_events').select(['type', 'payload']).orderBy('created_at').execute();
    return rows.slice(count).map((row) => ({ type: row.type, body: JSON.parse(row.payload) as { type: string; data: Record<string, unknown> } }));
  };
  const eventCount = async () => (await gazette.database.db.selectFrom('webhook_events').select('id').execute()).length;

  before(async () => {
    gazette = await buildTestApp({ dialect });
    api = adminApiClient(gazette, await fetchOpenApiDocument(gazette.app));
    owner = (await createTestOwner(gazette)).user;
    token = await apiTokenFor(gazette, owner, 'Events');
  });
  after(() => gazette.close());

  test('with no endpoint, changes write no events', async () => {
    const { id } = (await asOwner('POST', '/articles', { headline: 'Quiet', section: 'world' })).json();
    await asOwner('POST', `/articles/${id}/publish`);
    assert.equal(await eventCount(), 0);
  });

  test('an article’s life: published, updated, unpublished, published again, trashed', async () => {
    const deps = { db: gazette.database.db, clock: gazette.site.clock, allowPrivateAddresses: false };
    await registerWebhookEndpoint(deps, owner, { url: 'https://93.184.216.34/hooks', events: [...webhookEventTypes], description: '' }, meta);
    const start = await eventCount();
    const { id } = (await asOwner('POST', '/articles', { headline: 'Tram line opens', standfirst: 'On time.', section: 'world' })).json();
    assert.equal(await eventCount(), start, 'a draft is nobody’s news');
    const published = await asOwner('POST', `/articles/${id}/publish`);
    const live = await asOwner('PATCH', `/articles/${id}`, { standfirst: 'A week late.' }, { 'if-match': String(published.headers.etag) });
    assert.equal(live.statusCode, 200);
    await asOwner('POST', `/articles/${id}/unpublish`);
    await asOwner('POST', `/articles/${id}/publish`);
    await asOwner('POST', `/articles/${id}/trash`);
    const events = await eventsSince(start);
    assert.deepEqual(
      events.map((event) => event.type),
      ['article.published', 'article.updated', 'article.unpublished', 'article.published', 'article.trashed'],
    );
    for (const event of events) {
      assert.equal(event.body.type, event.type);
      assert.equal(event.body.data.id, id);
      assert.equal(event.body.data.url, 'https://news.example/world/tram-line-opens');
    }
    assert.equal(events[1]!.body.data.standfirst, 'A week late.', 'the data is the article as committed');
  });

  test('the longest article the newsroom accepts publishes, and its event carries the whole body', async () => {
    // 400,000 characters is the editor's limit; Korean text is three bytes a character in the outbox's JSON.
    const body = `<p>${'부산항 야간 하역 '.repeat(39_990).slice(0, 399_990)}</p>`;
    const { id } = (await asOwner('POST', '/articles', { headline: 'The longest story', section: 'world', body })).json();
    const start = await eventCount();
    const published = await asOwner('POST', `/articles/${id}/publish`);
    assert.equal(published.statusCode, 200, published.body.slice(0, 300));
    const [event] = await eventsSince(start);
    assert.equal(event?.type, 'article.published');
    assert.equal((event!.body.data.bodyHtml as string).length, body.length);
  });

  test('a refused publication writes no event; a scheduled one writes it when it goes live', async () => {
    const start = await eventCount();
    const { id: noSection } = (await asOwner('POST', '/articles', { headline: 'No section yet' })).json();
    assert.equal((await asOwner('POST', `/articles/${noSection}/publish`)).statusCode, 422);
    const { id } = (await asOwner('POST', '/articles', { headline: 'Later today', section: 'world' })).json();
    const at = new Date(gazette.site.clock.now().getTime() + 3_600_000);
    await asOwner('POST', `/articles/${id}/schedule`, { at: at.toISOString() });
    assert.equal(await eventCount(), start, 'scheduling is not publishing');
    gazette.setNow(new Date(at.getTime() + 1000));
    await publishDueArticles({ db: gazette.database.db, clock: gazette.site.clock, changes: gazette.changes, events: gazette.articleEvents });
    const events = await eventsSince(start);
    assert.deepEqual(
      events.map((event) => [event.type, event.body.data.id]),
      [['article.published', id]],
    );
  });

  test('a reader’s comment and a staff reply are comment.created, an approval comment.approved; none carries an email', async () => {
    const start = await eventCount();
    const posted = await commentOn(gazette, '/world/busan-terminal-remote-cranes-night-shift', {
      name: 'Hana Kim',
      email: 'hana@example.org',
      comment: 'The night shift crane story was fascinating.',
    });
    const commentId = postedCommentId(posted);
    await asOwner('POST', `/comments/${commentId}/spam`);
    await asOwner('POST', `/comments/${commentId}/approve`);
    const reply = await asOwner('POST', `/comments/${commentId}/replies`, { body: 'Thank you — corrected.' });
    assert.equal(reply.statusCode, 201, reply.body);
    const events = await eventsSince(start);
    assert.deepEqual(
      events.map((event) => [event.type, event.body.data.text]),
      [
        ['comment.created', 'The night shift crane story was fascinating.'],
        ['comment.approved', 'The night shift crane story was fascinating.'],
        ['comment.created', 'Thank you — corrected.'],
      ],
    );
    assert.equal(events[1]!.body.data.id, commentId);
    assert.equal((events[0]!.body.data.article as { url: string }).url, 'https://news.example/world/busan-terminal-remote-cranes-night-shift');
    assert.doesNotMatch(JSON.stringify(events), /@example|"email"|ipAddress|127\.0\.0\.1/);
  });

  test('an upload is a media.created with the image as the Content API shows it', async () => {
    const start = await eventCount();
    const photo = readFileSync(new URL('../fixtures/images/market-iptc-only.jpg', import.meta.url));
    const uploaded = await api('POST', '/media', {
      token,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: Buffer.concat([
        Buffer.from('--x\r\nContent-Disposition: form-data; name="file"; filename="market.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'),
        photo,
        Buffer.from('\r\n--x--\r\n'),
      ]),
    });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const events = await eventsSince(start);
    assert.deepEqual(
      events.map((event) => [event.type, event.body.data.id]),
      [['media.created', uploaded.json().id]],
    );
    assert.ok(Array.isArray(events[0]!.body.data.variants));
  });
});
