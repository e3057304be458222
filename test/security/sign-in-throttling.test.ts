import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { signIn } from '../../src/accounts/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { createTestOwner, testOwner } from '../helpers/newsroom.ts';
import { buildTestApp } from '../helpers/test-app.ts';

/** A page without what legitimately differs between two answers: CSRF tokens and the email as typed. */
function comparable(body: string): string {
  return body.replace(/value="[^"]*"/g, 'value=""');
}

describe('sign-in throttling', () => {
  test('five wrong passwords for a staff email and for an unknown one get the same answers, and so does the sixth try', async () => {
    const gazette = await buildTestApp({ seed: false });
    try {
      await createTestOwner(gazette);
      const staff = new FormClient(gazette.app, '203.0.113.10');
      const stranger = new FormClient(gazette.app, '203.0.113.11');
      await staff.get('/admin/login');
      await stranger.get('/admin/login');
      const known: LightMyRequestResponse[] = [];
      const unknown: LightMyRequestResponse[] = [];
      for (let attempt = 1; attempt <= 6; attempt++) {
        // The sixth try at the staff email even has the right password: a throttled try is not checked.
        known.push(await staff.post('/admin/login', { email: testOwner.email, password: attempt === 6 ? testOwner.password : `wrong guess ${attempt}` }));
        unknown.push(await stranger.post('/admin/login', { email: 'nobody@example.org', password: `wrong guess ${attempt}` }));
      }
      for (const [index, answer] of known.entries()) {
        const other = unknown[index]!;
        assert.equal(answer.statusCode, other.statusCode, `attempt ${index + 1}: status`);
        assert.equal(answer.headers['retry-after'], other.headers['retry-after'], `attempt ${index + 1}: Retry-After`);
        assert.equal(comparable(answer.body), comparable(other.body), `attempt ${index + 1}: page`);
      }
      assert.deepEqual(
        known.map((answer) => answer.statusCode),
        [401, 401, 401, 401, 401, 429],
      );
      const throttled = known.at(-1)!;
      assert.equal(throttled.headers['retry-after'], '1');
      assert.match(throttled.body, /Too many failed attempts\. Wait 1 second before trying again\./);
      assert.match(throttled.body, /name="email"[^>]*value="mina@example.org"/, 'the form comes back with the email typed');
      assert.doesNotMatch(throttled.body, /locked/);
      assert.ok(!throttled.cookies.some((cookie) => cookie.name === 'gazette_session'));
    } finally {
      await gazette.close();
    }
  });

  test('the owner signs in from their own address while an attacker hammers their email from another', async () => {
    const gazette = await buildTestApp({ seed: false });
    try {
      await createTestOwner(gazette);
      const attacker = new FormClient(gazette.app, '198.51.100.66');
      await attacker.get('/admin/login');
      const statuses = [];
      for (let attempt = 1; attempt <= 9; attempt++)
        statuses.push((await attacker.post('/admin/login', { email: testOwner.email, password: `guess ${attempt}` })).statusCode);
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429, 429]);

      const owner = new FormClient(gazette.app, '192.0.2.20');
      await owner.get('/admin/login');
      const signedIn = await owner.post('/admin/login', { email: testOwner.email, password: testOwner.password });
      assert.equal(signedIn.statusCode, 303);
      assert.equal(signedIn.headers.location, '/admin');
      assert.equal((await owner.get('/admin')).statusCode, 200);
    } finally {
      await gazette.close();
    }
  });

  test('after five free failures each wait doubles, and ends on its own', async () => {
    const gazette = await buildTestApp({ seed: false });
    try {
      const start = new Date('2026-12-01T09:00:00.000Z');
      gazette.setNow(start);
      await createTestOwner(gazette);
      const browser = new FormClient(gazette.app, '203.0.113.30');
      await browser.get('/admin/login');
      const wrong = () => browser.post('/admin/login', { email: testOwner.email, password: 'not the password' });
      for (let attempt = 1; attempt <= 5; attempt++) assert.equal((await wrong()).statusCode, 401);

      const first = await wrong();
      assert.equal(first.statusCode, 429);
      assert.equal(first.headers['retry-after'], '1');
      gazette.setNow(new Date(start.getTime() + 1_000));
      assert.equal((await wrong()).statusCode, 401, 'after the wait the password is checked again');
      const second = await wrong();
      assert.equal(second.statusCode, 429);
      assert.equal(second.headers['retry-after'], '2');
      assert.match(second.body, /Wait 2 seconds before trying again/);

      gazette.setNow(new Date(start.getTime() + 3_000));
      const signedIn = await browser.post('/admin/login', { email: testOwner.email, password: testOwner.password });
      assert.equal(signedIn.statusCode, 303);
      assert.equal((await browser.get('/admin')).statusCode, 200);
    } finally {
      await gazette.close();
    }
  });

  // Through the service: the per-route limit (ten posts a minute from one address) would answer first over HTTP.
  test('one address trying many emails is slowed down for all of them; other addresses are not', async () => {
    const gazette = await buildTestApp({ seed: false });
    try {
      await createTestOwner(gazette);
      const deps = { db: gazette.database.db, clock: gazette.site.clock };
      const sprayer = { ip: '203.0.113.99', userAgent: 'test' };
      for (let n = 0; n < 30; n++) {
        await assert.rejects(signIn(deps, { email: `guess${n}@example.org`, password: 'spring2026' }, sprayer), { code: 'UNAUTHORIZED' });
      }
      await assert.rejects(signIn(deps, { email: testOwner.email, password: testOwner.password }, sprayer), { code: 'RATE_LIMITED', retryAfterSeconds: 1 });
      const elsewhere = await signIn(deps, { email: testOwner.email, password: testOwner.password }, { ip: '198.51.100.5', userAgent: 'test' });
      assert.ok('sessionToken' in elsewhere);
    } finally {
      await gazette.close();
    }
  });
});
