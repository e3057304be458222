import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { FormClient } from '../helpers/form-client.ts';
import { createTestOwner, testOwner } from '../helpers/newsroom.ts';
import { buildTestApp } from '../helpers/test-app.ts';

const proxy = '10.0.0.5';

/** A browser whose requests reach Gazette through the proxy, which names the client in X-Forwarded-For. */
function throughProxy(app: FastifyInstance, client: string): FormClient {
  const browser = new FormClient(app, proxy);
  browser.headers = { 'x-forwarded-for': client };
  return browser;
}

async function wrongPasswords(browser: FormClient, count: number): Promise<number[]> {
  await browser.get('/admin/login');
  const statuses: number[] = [];
  for (let attempt = 1; attempt <= count; attempt++)
    statuses.push((await browser.post('/admin/login', { email: testOwner.email, password: `guess ${attempt}` })).statusCode);
  return statuses;
}

test('behind a named proxy, an attacker hammering the owner’s email does not slow the owner down', async () => {
  const gazette = await buildTestApp({ seed: false, env: { GAZETTE_TRUST_PROXY: proxy } });
  try {
    await createTestOwner(gazette);
    assert.deepEqual(await wrongPasswords(throughProxy(gazette.app, '198.51.100.66'), 6), [401, 401, 401, 401, 401, 429]);
    const owner = throughProxy(gazette.app, '192.0.2.20');
    await owner.get('/admin/login');
    const signedIn = await owner.post('/admin/login', { email: testOwner.email, password: testOwner.password });
    assert.equal(signedIn.statusCode, 303, 'the owner, a different client behind the same proxy, gets in');
  } finally {
    await gazette.close();
  }
});

test('X-Forwarded-For from anyone but a named proxy is ignored: a client cannot choose a new address per try', async () => {
  for (const env of [{}, { GAZETTE_TRUST_PROXY: proxy }] as Record<string, string>[]) {
    const gazette = await buildTestApp({ seed: false, env });
    try {
      await createTestOwner(gazette);
      const attacker = new FormClient(gazette.app, '198.51.100.66');
      await attacker.get('/admin/login');
      const statuses: number[] = [];
      for (let attempt = 1; attempt <= 6; attempt++) {
        attacker.headers = { 'x-forwarded-for': `203.0.113.${attempt}` };
        statuses.push((await attacker.post('/admin/login', { email: testOwner.email, password: `guess ${attempt}` })).statusCode);
      }
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429], JSON.stringify(env));
    } finally {
      await gazette.close();
    }
  }
});

test('GAZETTE_TRUST_PROXY takes addresses, ranges or loopback, never everything', () => {
  assert.deepEqual(loadConfig({ GAZETTE_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,loopback,::1' }).trustedProxies, ['10.0.0.5', '10.1.0.0/16', 'loopback', '::1']);
  assert.deepEqual(loadConfig({}).trustedProxies, []);
  for (const value of ['true', '*', '10.0.0.0/99', 'proxy.example']) {
    assert.throws(() => loadConfig({ GAZETTE_TRUST_PROXY: value }), /GAZETTE_TRUST_PROXY must list proxy addresses or ranges/, value);
  }
});
