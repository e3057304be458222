import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FormClient } from '../helpers/form-client.ts';
import { createTestOwner, testOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';
import { codeAt, signInWithPassword, turnOnTwoStep, wrongCodesAt } from '../helpers/two-step.ts';

const signInPage = /<h1>Sign in to the newsroom<\/h1>/;

/**
 * An owner who turned two-step on just now; the app's clock then moves to the next 30-second step,
 * whose code (returned as `at`) has not been used yet.
 */
async function ownerWithTwoStep(): Promise<{ gazette: TestGazette; secret: string; at: Date; sessionToken: string }> {
  const gazette = await buildTestApp({ seed: false });
  const now = new Date();
  gazette.setNow(now);
  const { sessionToken } = await createTestOwner(gazette);
  const secret = await turnOnTwoStep(gazette, sessionToken, now);
  const at = new Date(now.getTime() + 30_000);
  gazette.setNow(at);
  return { gazette, secret, at, sessionToken };
}

describe('two-step codes', () => {
  test('27 wrong codes on one half-finished sign-in from three addresses: cut off at the fifth, then the right code fails too', async () => {
    const { gazette, secret, at } = await ownerWithTwoStep();
    try {
      const holder = await signInWithPassword(gazette, testOwner.email, testOwner.password);
      const challenge = holder.cookie('gazette_second_step')!;
      const attackers = ['203.0.113.7', '198.51.100.23', '192.0.2.41'].map((ip) => new FormClient(gazette.app, ip));
      for (const attacker of attackers) {
        attacker.setCookie('gazette_second_step', challenge);
        await attacker.get('/admin/login/code');
      }
      const codes = wrongCodesAt(secret, at, 27);
      const answers = [];
      for (const [index, code] of codes.entries()) answers.push(await attackers[index % 3]!.post('/admin/login/code', { code }));

      assert.deepEqual(
        answers.map((answer) => answer.statusCode),
        Array(27).fill(401),
      );
      assert.ok(
        answers.every((answer) => !answer.cookies.some((cookie) => cookie.name === 'gazette_session')),
        'no answer signs anyone in',
      );
      for (const answer of answers.slice(0, 4)) assert.match(answer.body, /That code is not right/);
      for (const answer of answers.slice(4)) {
        assert.match(answer.body, signInPage, 'from the fifth wrong code on, the password is needed again');
        assert.match(answer.body, /Sign in again with your password/);
      }

      const right = await holder.post('/admin/login/code', { code: codeAt(secret, at) });
      assert.equal(right.statusCode, 401, 'the spent sign-in does not come back to life with the right code');
      assert.match(right.body, signInPage);
      assert.equal((await holder.get('/admin')).statusCode, 303, 'not signed in');
    } finally {
      await gazette.close();
    }
  });

  test('wrong codes count against the account across sign-ins and addresses: after ten, even the right code waits for the 15-minute window to end', async () => {
    const { gazette, secret, at } = await ownerWithTwoStep();
    try {
      const wrong = wrongCodesAt(secret, at, 10);
      for (const round of [0, 1]) {
        const browser = await signInWithPassword(gazette, testOwner.email, testOwner.password);
        for (const code of wrong.slice(round * 5, round * 5 + 5)) assert.equal((await browser.post('/admin/login/code', { code })).statusCode, 401);
      }

      const browser = await signInWithPassword(gazette, testOwner.email, testOwner.password);
      const refused = await browser.post('/admin/login/code', { code: codeAt(secret, at) });
      assert.equal(refused.statusCode, 429);
      const retryAfter = Number(refused.headers['retry-after']);
      assert.ok(retryAfter >= 1 && retryAfter <= 15 * 60, `Retry-After ${retryAfter} is within the window`);
      assert.match(refused.body, /Too many wrong codes for this account\. Wait \d+ (minutes?|seconds?), then sign in again\./);
      assert.match(refused.body, signInPage);
      assert.equal((await browser.get('/admin')).statusCode, 303, 'not signed in');

      const later = new Date(at.getTime() + 15 * 60_000);
      gazette.setNow(later);
      const afterPause = await signInWithPassword(gazette, testOwner.email, testOwner.password);
      const accepted = await afterPause.post('/admin/login/code', { code: codeAt(secret, later) });
      assert.equal(accepted.statusCode, 303, 'the pause ends on its own');
      assert.equal((await afterPause.get('/admin')).statusCode, 200);
    } finally {
      await gazette.close();
    }
  });

  test('a code that signed the owner in is refused for a second, separate sign-in', async () => {
    const { gazette, secret, at } = await ownerWithTwoStep();
    try {
      const owner = await signInWithPassword(gazette, testOwner.email, testOwner.password);
      assert.equal((await owner.post('/admin/login/code', { code: codeAt(secret, at) })).statusCode, 303);

      const attacker = await signInWithPassword(gazette, testOwner.email, testOwner.password);
      const replayed = await attacker.post('/admin/login/code', { code: codeAt(secret, at) });
      assert.equal(replayed.statusCode, 401);
      assert.match(replayed.body, /already been used/);
      assert.ok(!replayed.cookies.some((cookie) => cookie.name === 'gazette_session'));
      assert.equal((await attacker.get('/admin')).statusCode, 303, 'not signed in');

      const next = new Date(at.getTime() + 30_000);
      gazette.setNow(next);
      assert.equal((await attacker.post('/admin/login/code', { code: codeAt(secret, next) })).statusCode, 303, 'the next code works');
    } finally {
      await gazette.close();
    }
  });

  test('the code that turned two-step on cannot be used again to sign in', async () => {
    const gazette = await buildTestApp({ seed: false });
    try {
      const now = new Date();
      gazette.setNow(now);
      const { sessionToken } = await createTestOwner(gazette);
      const secret = await turnOnTwoStep(gazette, sessionToken, now);
      const browser = await signInWithPassword(gazette, testOwner.email, testOwner.password);
      const replayed = await browser.post('/admin/login/code', { code: codeAt(secret, now) });
      assert.equal(replayed.statusCode, 401);
      assert.match(replayed.body, /already been used/);
      assert.equal((await browser.get('/admin')).statusCode, 303);
    } finally {
      await gazette.close();
    }
  });

  test('turning two-step off needs a code that has not signed anyone in', async () => {
    const { gazette, secret, at } = await ownerWithTwoStep();
    try {
      const browser = await signInWithPassword(gazette, testOwner.email, testOwner.password);
      assert.equal((await browser.post('/admin/login/code', { code: codeAt(secret, at) })).statusCode, 303);
      await browser.get('/admin/account');
      const replayed = await browser.post('/admin/account/two-step/off', { code: codeAt(secret, at) });
      assert.equal(replayed.statusCode, 422);
      assert.match(replayed.body, /already been used/);
      assert.match(replayed.body, /action="\/admin\/account\/two-step\/off"/, 'two-step is still on');

      const next = new Date(at.getTime() + 30_000);
      gazette.setNow(next);
      assert.match((await browser.post('/admin/account/two-step/off', { code: codeAt(secret, next) })).body, /Two-step sign-in is off/);
    } finally {
      await gazette.close();
    }
  });
});
