import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import { FormClient } from '../helpers/form-client.ts';
import { createTestOwner, testOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

let gazette: TestGazette;
let sessionToken: string;

/** The code an authenticator app shows at `at`; the app checks codes against its own (test) clock. */
function codeFor(secret: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
}

before(async () => {
  gazette = await buildTestApp();
  sessionToken = (await createTestOwner(gazette)).sessionToken;
});
after(() => gazette.close());

test('two-step sign-in: turned on with a code, then asked for at every sign-in, then turned off', async () => {
  const start = new Date('2026-11-27T12:00:00.000Z');
  gazette.setNow(start);
  const owner = new FormClient(gazette.app);
  owner.setCookie('gazette_session', sessionToken);
  const setup = await owner.get('/admin/account/two-step');
  assert.match(setup.body, /<img class="qr-code" src="data:image\/png;base64,/);
  const secret = /name="secret" value="([A-Z2-7]{32})"/.exec(setup.body)![1]!;
  const wrong = await owner.post('/admin/account/two-step', { secret, code: '000000' === codeFor(secret, start) ? '111111' : '000000' });
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /That code is not right/);
  assert.match(wrong.body, new RegExp(`value="${secret}"`), 'the same key is kept, so the app need not be set up again');
  const on = await owner.post('/admin/account/two-step', { secret, code: codeFor(secret, start) });
  assert.match(on.body, /Two-step sign-in is on/);

  // A minute on, so the codes below come after the one that turned two-step on (a used code never counts again).
  const later = new Date(start.getTime() + 60_000);
  gazette.setNow(later);

  const browser = new FormClient(gazette.app);
  await browser.get('/admin/login');
  const password = await browser.post('/admin/login', { email: testOwner.email, password: testOwner.password, next: '/admin/team' });
  assert.equal(password.statusCode, 303);
  assert.equal(password.headers.location, '/admin/login/code?next=%2Fadmin%2Fteam');
  assert.equal((await browser.get('/admin')).statusCode, 303, 'a password alone is not a session');
  await browser.get('/admin/login/code?next=%2Fadmin%2Fteam');
  const badCode = await browser.post('/admin/login/code', { code: 'abc', next: '/admin/team' });
  assert.equal(badCode.statusCode, 401);
  const signedIn = await browser.post('/admin/login/code', { code: codeFor(secret, new Date(later.getTime() - 30_000)), next: '/admin/team' });
  assert.equal(signedIn.statusCode, 303, 'a code from the previous 30 seconds is still accepted');
  assert.equal(signedIn.headers.location, '/admin/team');
  assert.equal((await browser.get('/admin')).statusCode, 200);

  await browser.get('/admin/account');
  assert.equal((await browser.post('/admin/account/two-step/off', { code: '12' })).statusCode, 422);
  assert.match((await browser.post('/admin/account/two-step/off', { code: codeFor(secret, later) })).body, /Two-step sign-in is off/);
  assert.match((await owner.get('/admin/audit')).body, /two-step\.enabled[\s\S]*|two-step\.disabled/);
});

test('the code page without a pending sign-in sends you back to the password', async () => {
  const response = await gazette.app.inject({ url: '/admin/login/code' });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/admin/login');
});
