import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { issueSetupTokenIfNoUsers } from '../../src/accounts/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

let gazette: TestGazette;
let setupToken: string;
const owner = { name: 'Mina Park', email: 'Mina@Example.org', password: 'harbour lantern violet ninety', passwordAgain: 'harbour lantern violet ninety' };

before(async () => {
  gazette = await buildTestApp();
  setupToken = (await issueSetupTokenIfNoUsers({ db: gazette.database.db, clock: { now: () => new Date() } }))!;
});
after(() => gazette.close());

test('a stranger is sent to sign in, and the newsroom is never cached', async () => {
  const response = await gazette.app.inject({ url: '/admin' });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/admin/login?next=%2Fadmin');
  const login = await gazette.app.inject({ url: '/admin/login' });
  assert.equal(login.headers['cache-control'], 'no-store');
  assert.match(login.body, /<input type="hidden" name="_csrf" value="[^"]+"/);
});

test('a wrong or missing setup link gets a clear 404 page', async () => {
  for (const url of ['/admin/setup?token=wrong', '/admin/setup']) {
    const response = await gazette.app.inject({ url });
    assert.ok([400, 404].includes(response.statusCode), `${url} → ${response.statusCode}`);
    assert.match(response.body, /<h1 id="error-heading"/);
  }
});

test('setup refuses a weak password and keeps what was typed', async () => {
  const browser = new FormClient(gazette.app);
  await browser.get(`/admin/setup?token=${setupToken}`);
  const response = await browser.post(`/admin/setup?token=${setupToken}`, {
    ...owner,
    name: '<b>Mina</b>',
    password: 'password1234',
    passwordAgain: 'password1234',
  });
  assert.equal(response.statusCode, 422);
  assert.match(response.body, /too common or too easy to guess/);
  assert.match(response.body, /value="&lt;b&gt;Mina&lt;\/b&gt;"/, 'the name comes back escaped, as typed');
  assert.match(response.body, /value="Mina@Example.org"/);
  assert.ok(!response.body.includes('password1234'), 'a password is never echoed back');
});

test('a form without its CSRF token is refused', async () => {
  const browser = new FormClient(gazette.app);
  await browser.get('/admin/login');
  const response = await browser.post('/admin/login', { email: 'x@example.org', password: 'whatever', _csrf: 'forged' });
  assert.equal(response.statusCode, 403);
});

test('the owner is created through the setup link, signed in, and the link stops working', async () => {
  const browser = new FormClient(gazette.app);
  await browser.get(`/admin/setup?token=${setupToken}`);
  const created = await browser.post(`/admin/setup?token=${setupToken}`, owner);
  assert.equal(created.statusCode, 303);
  assert.equal(created.headers.location, '/admin');
  const cookie = created.cookies.find((c) => c.name === 'gazette_session')!;
  assert.ok(cookie.httpOnly, 'HttpOnly');
  assert.equal(cookie.sameSite, 'Lax');
  assert.ok(cookie.secure, 'Secure behind HTTPS');
  const list = await browser.get('/admin');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /<h1>Articles<\/h1>/);
  assert.match(list.body, /Mina Park · owner/);
  assert.equal((await gazette.app.inject({ url: `/admin/setup?token=${setupToken}` })).statusCode, 404);
});

test('signing in with a wrong password says so, keeps the email, and after five failures this address must wait', async () => {
  const browser = new FormClient(gazette.app);
  await browser.get('/admin/login');
  for (let attempt = 1; attempt <= 5; attempt++) {
    const response = await browser.post('/admin/login', { email: 'mina@example.org', password: `wrong guess ${attempt}` });
    assert.equal(response.statusCode, 401);
    assert.match(response.body, /The email address or password is not right/);
    assert.match(response.body, /value="mina@example.org"/);
  }
  const throttled = await browser.post('/admin/login', { email: 'mina@example.org', password: owner.password });
  assert.equal(throttled.statusCode, 429);
  assert.equal(throttled.headers['retry-after'], '1');
  assert.match(throttled.body, /Too many failed attempts\. Wait 1 second before trying again\./);
  assert.match(throttled.body, /value="mina@example.org"/);
});

test('signing in, seeing sessions, signing out everywhere else and signing out', async () => {
  const laptop = new FormClient(gazette.app);
  const phone = new FormClient(gazette.app);
  for (const browser of [laptop, phone]) {
    await browser.get('/admin/login?next=%2Fadmin%2Faccount');
    const response = await browser.post('/admin/login', { email: ' MINA@example.org ', password: owner.password, next: '/admin/account' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/admin/account');
  }
  const account = await laptop.get('/admin/account');
  assert.match(account.body, /This browser/);
  assert.ok((account.body.match(/<tr>/g) ?? []).length >= 3, 'both sessions are listed');
  const after = await laptop.post('/admin/account/sign-out-others', {});
  assert.match(after.body, /signed out everywhere except this browser/);
  assert.equal((await phone.get('/admin')).statusCode, 303, 'the other session has ended');
  const signedOut = await laptop.post('/admin/logout', {});
  assert.equal(signedOut.headers.location, '/admin/login');
  assert.equal((await laptop.get('/admin')).statusCode, 303);
});

test('"next" after signing in never leaves the newsroom', async () => {
  const browser = new FormClient(gazette.app);
  await browser.get('/admin/login');
  for (const next of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
    await browser.get('/admin/login');
    const response = await browser.post('/admin/login', { email: 'mina@example.org', password: owner.password, next });
    assert.equal(response.headers.location, '/admin', `${next} is not followed`);
    await browser.post('/admin/logout', {});
  }
});

test('more than ten sign-in attempts a minute from one address are refused with a clear page', async () => {
  const browser = new FormClient(gazette.app);
  await browser.get('/admin/login');
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 11; attempt++) {
    statuses.push((await browser.post('/admin/login', { email: `nobody${attempt}@example.org`, password: 'not a real account' })).statusCode);
  }
  assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
  const limited = await browser.post('/admin/login', { email: 'nobody@example.org', password: 'x' });
  assert.equal(limited.statusCode, 429);
  assert.match(limited.body, /<h1 id="error-heading"[^>]*>Too many requests<\/h1>/);
});

test('hostile input in every sign-in field gets a clear answer, never a 500', async () => {
  const hostile = ['<script>alert(1)</script>', "' OR 1=1; --", '\u0000\u0007\u202e', 'x'.repeat(9000), '{"$gt":""}', '%00'];
  for (const value of hostile) {
    const browser = new FormClient(gazette.app);
    await browser.get('/admin/login');
    const response = await browser.post('/admin/login', { email: value, password: value, next: value });
    assert.equal(response.statusCode, 401, value.slice(0, 30));
    assert.ok(!response.body.includes('<script>alert(1)</script>'));
  }
});
