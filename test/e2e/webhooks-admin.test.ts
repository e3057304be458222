import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { Webhook } from 'standardwebhooks';
import type { User } from '../../src/accounts/index.ts';
import type { Clock } from '../../src/platform/clock.ts';
import { recordWebhookEvent, registerWebhookEndpoint, WebhookDeliverer, type WebhookEventType } from '../../src/webhooks/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { addTestMember, createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';
import { startWebhookReceiver } from '../helpers/webhook-receiver.ts';

let gazette: TestGazette;
let owner: { user: User; sessionToken: string };
const sessions = new Map<string, string>();
const cleanups: (() => Promise<unknown>)[] = [];
const meta = { ip: '127.0.0.1', userAgent: 'test' };
// A public address written as an IP: registration checks it without asking DNS, and nothing is ever sent there.
const publicUrl = 'https://93.184.215.14/hooks/gazette';
// Endpoints registered through the page subscribe only to these, which no test here records: no request ever leaves for them.
const unrecorded = ['article.unpublished', 'article.trashed'] as const;

before(async () => {
  gazette = await buildTestApp({ seed: false });
  owner = await createTestOwner(gazette);
  sessions.set('owner', owner.sessionToken);
  sessions.set('admin', (await addTestMember(gazette, owner.user, 'admin', 'Hook admin')).sessionToken);
  sessions.set('editor', (await addTestMember(gazette, owner.user, 'editor', 'Hook editor')).sessionToken);
});
after(() => gazette.close());

/** A test whose workers and receivers are stopped when it ends, whether it passed or not. */
function webhookTest(name: string, body: () => Promise<void>): void {
  test(name, async () => {
    try {
      await body();
    } finally {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    }
  });
}

async function browserAs(role: 'owner' | 'admin' | 'editor'): Promise<FormClient> {
  const browser = new FormClient(gazette.app);
  browser.setCookie('gazette_session', sessions.get(role)!);
  return browser;
}

/** Posts a form as a browser does, a field repeated once per ticked checkbox, with the CSRF token of `page`. */
async function submit(browser: FormClient, page: LightMyRequestResponse, url: string, fields: [string, string][]): Promise<LightMyRequestResponse> {
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return gazette.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams([['_csrf', token], ...fields]).toString(),
    remoteAddress: browser.remoteAddress,
    headers: { cookie: browser.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
  });
}

const endpointForm = (url: string, events: readonly string[], description = ''): [string, string][] => [
  ['url', url],
  ...events.map((event): [string, string] => ['events', event]),
  ['description', description],
];

/** The endpoint registered through the page: its id and the secret shown. */
async function registerThroughPage(browser: FormClient, url: string, events: readonly string[], description = '') {
  const response = await submit(browser, await browser.get('/admin/webhooks'), '/admin/webhooks', endpointForm(url, events, description));
  assert.equal(response.statusCode, 201, response.body.slice(0, 500));
  const secret = /id="webhook-secret" dir="ltr">(whsec_[A-Za-z0-9+/=]+)</.exec(response.body)?.[1];
  const id = Number(/href="\/admin\/webhooks\/(\d+)"/.exec(response.body)?.[1]);
  assert.ok(secret && id > 0);
  return { id, secret, page: response.body };
}

/** A worker on the app's database, at `clock`'s time (the test app's fixed time by default). */
function deliverer(clock: Clock = gazette.site.clock) {
  const worker = new WebhookDeliverer(
    {
      db: gazette.database.db,
      clock,
      mailer: { send: async () => 'sent' },
      settings: gazette.settings,
      publicUrl: 'https://news.example',
      allowPrivateAddresses: true,
      log: { info: () => {}, error: () => {} },
    },
    { backoffMs: () => 1000 },
  );
  cleanups.push(() => worker.stop());
  return worker;
}

/** An endpoint on a real local receiver. The newsroom refuses 127.0.0.1 (the flag is an operator's), so it is registered as the Admin API would, with the flag on. */
async function receiverEndpoint(events: readonly WebhookEventType[], respond?: () => number) {
  const receiver = await startWebhookReceiver(respond ? { respond } : {});
  cleanups.push(() => receiver.close());
  const { endpoint, secret } = await registerWebhookEndpoint(
    { db: gazette.database.db, clock: gazette.site.clock, allowPrivateAddresses: true },
    owner.user,
    { url: receiver.url, events, description: 'Local receiver' },
    meta,
  );
  return { receiver, endpoint, secret };
}

const record = (type: WebhookEventType, data: Record<string, unknown>, now = gazette.site.clock.now()) =>
  gazette.database.db.transaction().execute(async (trx) => (await recordWebhookEvent(trx, type, data, now))!);

webhookTest('owners and admins find webhooks in the navigation; an editor is refused the page and its forms', async () => {
  for (const role of ['owner', 'admin'] as const) {
    const page = await (await browserAs(role)).get('/admin/webhooks');
    assert.equal(page.statusCode, 200, role);
    assert.match(page.body, /<a href="\/admin\/webhooks" aria-current="page">Webhooks<\/a>/);
    assert.match(page.body, /<h2 id="register-heading">Register an endpoint<\/h2>/);
  }
  const editor = await browserAs('editor');
  const home = await editor.get('/admin');
  assert.doesNotMatch(home.body, /href="\/admin\/webhooks"/);
  const refused = await editor.get('/admin/webhooks');
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /Your role cannot manage webhooks/);
  const posted = await submit(editor, home, '/admin/webhooks', endpointForm('https://93.184.215.14/editor', unrecorded));
  assert.equal(posted.statusCode, 403);
  assert.equal((await editor.get('/admin/webhooks/1')).statusCode, 403);
  assert.doesNotMatch((await (await browserAs('owner')).get('/admin/webhooks')).body, /93\.184\.215\.14\/editor/, 'nothing registered');
});

webhookTest('registering shows the secret once; the list and the endpoint page never show it again; the audit log records it', async () => {
  const browser = await browserAs('owner');
  const { id, secret, page } = await registerThroughPage(browser, publicUrl, unrecorded, 'Search index <script>alert(1)</script>');
  assert.match(page, /Copy the secret now: it is shown only this once/);
  assert.ok(new Webhook(secret), 'the standardwebhooks library takes the secret as it is shown');
  const list = await browser.get('/admin/webhooks');
  assert.ok(list.body.includes(`<a href="/admin/webhooks/${id}" dir="ltr">${publicUrl}</a>`));
  assert.match(list.body, /Search index &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(list.body, /<script>alert/);
  const endpointPage = await browser.get(`/admin/webhooks/${id}`);
  assert.equal(endpointPage.statusCode, 200);
  assert.match(endpointPage.body, /<input type="checkbox" name="events" value="article.trashed" id="event-article.trashed" checked=""\/>/);
  assert.match(endpointPage.body, /Nothing has been sent to it yet/);
  for (const body of [list.body, endpointPage.body, (await browser.get('/admin/audit')).body]) assert.ok(!body.includes(secret));
  assert.match((await browser.get('/admin/audit')).body, /webhook\.registered/);
});

webhookTest('an address the guard refuses comes back with what was typed, saying why', async () => {
  const browser = await browserAs('owner');
  const cases: [string, RegExp][] = [
    ['http://127.0.0.1:9000/in', /127\.0\.0\.1 is a loopback address, this server itself/],
    ['http://10.0.0.1/in', /10\.0\.0\.1 is on a private network/],
    ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a cloud provider’s metadata service/],
    ['http://[::1]:9000/in', /::1 is a loopback address/],
    ['http://localhost:9000/in', /(127\.0\.0\.1|::1) is a loopback address/],
    ['ftp://hooks.example.org/in', /Only http:\/\/ and https:\/\/ addresses can receive webhooks/],
    ['https://user:secret@hooks.example.org/in', /Leave the user name and password out of the address/],
  ];
  for (const [url, reason] of cases) {
    const response = await submit(browser, await browser.get('/admin/webhooks'), '/admin/webhooks', endpointForm(url, ['media.created'], 'Kept "as typed"'));
    assert.equal(response.statusCode, 422, url);
    assert.match(response.body, reason, url);
    assert.match(response.body, /<h2 id="error-summary-title">There is a problem<\/h2>/);
    assert.ok(response.body.includes(`value="${url.replaceAll('&', '&amp;')}"`), `${url} kept`);
    assert.match(response.body, /value="media.created" id="event-media.created" checked=""/);
    assert.match(response.body, /value="Kept &quot;as typed&quot;"/);
    assert.doesNotMatch(response.body, /whsec_/);
  }
  const noEvents = await submit(browser, await browser.get('/admin/webhooks'), '/admin/webhooks', endpointForm(publicUrl, []));
  assert.equal(noEvents.statusCode, 422);
  assert.match(noEvents.body, /Choose at least one event/);
  const unknown = await submit(browser, await browser.get('/admin/webhooks'), '/admin/webhooks', endpointForm(publicUrl, ['user.deleted']));
  assert.equal(unknown.statusCode, 422);
  assert.match(unknown.body, /Choose events from the list/);
  assert.doesNotMatch((await browser.get('/admin/webhooks')).body, /127\.0\.0\.1:9000|169\.254\.169\.254/, 'none was registered');
});

webhookTest('a form without its CSRF token is refused', async () => {
  const browser = await browserAs('owner');
  const response = await gazette.app.inject({
    method: 'POST',
    url: '/admin/webhooks',
    payload: new URLSearchParams(endpointForm('https://93.184.215.14/forged', unrecorded)).toString(),
    headers: { cookie: browser.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(response.statusCode, 403);
  assert.doesNotMatch((await browser.get('/admin/webhooks')).body, /forged/);
});

webhookTest('deliveries are listed with their state, time and response code; Resend sends the same webhook-id again', async () => {
  const browser = await browserAs('owner');
  const { receiver, endpoint } = await receiverEndpoint(['article.published']);
  const first = await record('article.published', { id: 1 });
  const second = await record('article.published', { id: 2 });
  const worker = deliverer();
  assert.equal(await worker.deliverDue(), 2);
  let page = await browser.get(`/admin/webhooks/${endpoint.id}`);
  for (const id of [first, second]) assert.ok(page.body.includes(id), id);
  assert.equal((page.body.match(/<span class="status--published">Delivered<\/span>/g) ?? []).length, 2);
  assert.match(page.body, /<td data-label="Response">200<\/td>/);
  assert.match(page.body, /<td data-label="Time">November 27, 2026/);

  const deliveryId = /\/deliveries\/(\d+)\/resend/.exec(page.body)![1];
  const resent = await submit(browser, page, `/admin/webhooks/${endpoint.id}/deliveries/${deliveryId}/resend`, []);
  assert.equal(resent.statusCode, 303);
  page = await browser.get(String(resent.headers.location));
  assert.match(page.body, /will be sent again in a moment, with the same webhook-id/);
  assert.match(page.body, /Waiting to be sent/);
  assert.equal(await worker.deliverDue(), 1);
  assert.equal(receiver.received.length, 3);
  assert.deepEqual([...receiver.ids()].sort(), [first, second, second].sort(), 'the newest delivery, resent with its webhook-id');

  const other = await receiverEndpoint(['article.published']);
  const foreign = await submit(browser, page, `/admin/webhooks/${other.endpoint.id}/deliveries/${deliveryId}/resend`, []);
  assert.equal(foreign.statusCode, 404, 'a delivery of another endpoint');
});

webhookTest('rotating the secret shows the new one once; for 24 hours both sign, so a receiver with either verifies', async () => {
  const browser = await browserAs('owner');
  const { receiver, endpoint, secret: oldSecret } = await receiverEndpoint(['media.created']);
  const page = await browser.get(`/admin/webhooks/${endpoint.id}`);
  const rotated = await submit(browser, page, `/admin/webhooks/${endpoint.id}/rotate`, []);
  assert.equal(rotated.statusCode, 200);
  const newSecret = /id="webhook-secret" dir="ltr">(whsec_[A-Za-z0-9+/=]+)</.exec(rotated.body)![1]!;
  assert.notEqual(newSecret, oldSecret);
  assert.match(rotated.body, /The previous one keeps signing beside it until November 28, 2026/);
  const after = await browser.get(`/admin/webhooks/${endpoint.id}`);
  assert.match(after.body, /The previous secret also signs until November 28, 2026/);
  assert.ok(!after.body.includes(newSecret));
  assert.match((await browser.get('/admin/audit')).body, /webhook\.secret-rotated/);

  await record('media.created', { id: 3 });
  await deliverer().deliverDue();
  const [request] = receiver.received;
  const signatures = String(request!.headers['webhook-signature']).split(' ');
  const signedAt = new Date(Number(request!.headers['webhook-timestamp']) * 1000);
  const id = String(request!.headers['webhook-id']);
  // The library's own signing (verify() would also compare the timestamp with the real clock, which this test app does not keep).
  for (const secret of [newSecret, oldSecret]) assert.ok(signatures.includes(new Webhook(secret).sign(id, signedAt, request!.body)));
  assert.equal(signatures.length, 2);
});

webhookTest('events and description are changed on the endpoint page; a bad change comes back as typed', async () => {
  const browser = await browserAs('admin');
  const { id } = await registerThroughPage(browser, 'https://93.184.215.14/edit', ['article.unpublished']);
  let page = await browser.get(`/admin/webhooks/${id}`);
  const refused = await submit(browser, page, `/admin/webhooks/${id}`, [['description', 'Half-typed note']]);
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /Choose at least one event/);
  assert.match(refused.body, /value="Half-typed note"/);
  const saved = await submit(browser, page, `/admin/webhooks/${id}`, [
    ['events', 'article.trashed'],
    ['description', 'Trash only'],
  ]);
  assert.equal(saved.statusCode, 303);
  page = await browser.get(String(saved.headers.location));
  assert.match(page.body, /Changes saved/);
  assert.match(page.body, /value="article.trashed" id="event-article.trashed" checked=""/);
  assert.doesNotMatch(page.body, /value="article.unpublished" id="event-article.unpublished" checked=""/);
  assert.match(page.body, /value="Trash only"/);
});

webhookTest('an endpoint turned off after 24 hours of failures is flagged on both pages, refuses resends, and is enabled again', async () => {
  const browser = await browserAs('owner');
  const { endpoint } = await receiverEndpoint(['comment.approved'], () => 500);
  await record('comment.approved', { id: 8 });
  await deliverer().deliverDue();
  let page = await browser.get(`/admin/webhooks/${endpoint.id}`);
  assert.match(page.body, /Failing since November 27, 2026/);
  assert.match(page.body, /The receiver answered 500, not a 2xx status/);
  const dayLater: Clock = { now: () => new Date(gazette.site.clock.now().getTime() + 24 * 60 * 60 * 1000) };
  await deliverer(dayLater).deliverDue();

  const list = await browser.get('/admin/webhooks');
  assert.match(list.body, /One endpoint was turned off after 24 hours of failed deliveries/);
  assert.match(list.body, /Turned off on November 28, 2026/);
  page = await browser.get(`/admin/webhooks/${endpoint.id}`);
  assert.match(page.body, /Turned off on November 28, 2026 at 12:00 PM UTC after 24 hours of failed deliveries: nothing is sent to it/);
  assert.match(page.body, /Given up/);
  assert.doesNotMatch(page.body, /\/resend"/, 'no Resend buttons while it is off');
  const deliveryId = /id="delivery-(\d+)"/.exec(page.body)![1];
  const resend = await submit(browser, page, `/admin/webhooks/${endpoint.id}/deliveries/${deliveryId}/resend`, []);
  assert.equal(resend.statusCode, 409);
  assert.match(resend.body, /The endpoint is turned off: enable it again before resending/);

  // Enabling checks the address again. This app runs without GAZETTE_WEBHOOKS_ALLOW_PRIVATE, so the local receiver stays off…
  const refused = await submit(browser, page, `/admin/webhooks/${endpoint.id}/enable`, []);
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /127\.0\.0\.1 is a loopback address/);
  assert.match(refused.body, /Enable again/);

  // … while one on a public address comes back on.
  const { id } = await registerThroughPage(browser, 'https://93.184.215.14/flaky', unrecorded);
  await gazette.database.db.updateTable('webhook_endpoints').set({ disabled_at: gazette.site.clock.now().toISOString() }).where('id', '=', id).execute();
  page = await browser.get(`/admin/webhooks/${id}`);
  const enabled = await submit(browser, page, `/admin/webhooks/${id}/enable`, []);
  assert.equal(enabled.statusCode, 303);
  page = await browser.get(String(enabled.headers.location));
  assert.match(page.body, /The endpoint is on again/);
  assert.match(page.body, /<span class="badge">Active<\/span>/);
  assert.match((await browser.get('/admin/audit')).body, /webhook\.enabled/);
});

webhookTest('deleting asks first, then removes the endpoint and its deliveries; the audit log records it', async () => {
  const browser = await browserAs('owner');
  const { id } = await registerThroughPage(browser, 'https://93.184.215.14/doomed', unrecorded);
  const confirm = await browser.get(`/admin/webhooks/${id}/delete`);
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /Delete the endpoint https:\/\/93\.184\.215\.14\/doomed\?/);
  const deleted = await submit(browser, confirm, `/admin/webhooks/${id}/delete`, []);
  assert.equal(deleted.statusCode, 303);
  const list = await browser.get(String(deleted.headers.location));
  assert.match(list.body, /The endpoint was deleted/);
  assert.doesNotMatch(list.body, /doomed/);
  assert.equal((await browser.get(`/admin/webhooks/${id}`)).statusCode, 404);
  assert.equal((await browser.get('/admin/webhooks/abc')).statusCode, 400);
  assert.match((await browser.get('/admin/audit')).body, /webhook\.deleted/);
});
