import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type HostLookup, parseWebhookUrl, refusalOf, resolveWebhookTarget, WebhookAddressRefused } from './address-guard.ts';

test('each kind of address the guard refuses, with the reason it gives', () => {
  const cases: [string, string][] = [
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['::ffff:192.168.1.1', 'private'],
    ['169.254.1.1', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['100.64.0.1', 'sharedAddress'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'unspecified'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['64:ff9b::a00:1', 'reserved'],
    ['2002:a00:1::', 'reserved'],
  ];
  for (const [address, reason] of cases) assert.equal(refusalOf(address, false), reason, address);
});

test('public addresses pass; the private flag opens private ranges but never metadata, multicast or nowhere', () => {
  for (const address of ['93.184.215.14', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8']) assert.equal(refusalOf(address, false), undefined, address);
  for (const address of ['127.0.0.1', '::1', '10.0.0.1', '169.254.1.1', 'fd12::1', '100.64.0.1']) assert.equal(refusalOf(address, true), undefined, address);
  assert.equal(refusalOf('169.254.169.254', true), 'metadata');
  assert.equal(refusalOf('224.0.0.1', true), 'multicast');
  assert.equal(refusalOf('0.0.0.0', true), 'unspecified');
});

test('only http and https addresses without credentials, of a sane length, are endpoint URLs', () => {
  const problem = (text: string) => {
    const parsed = parseWebhookUrl(text);
    return 'problem' in parsed ? parsed.problem.key : undefined;
  };
  assert.equal(problem('https://hooks.example.org/gazette?x=1'), undefined);
  assert.equal(problem('http://93.184.215.14:8080/in'), undefined);
  assert.equal(problem('not a url'), 'webhooks.url.invalid');
  assert.equal(problem(''), 'webhooks.url.invalid');
  assert.equal(problem('ftp://hooks.example.org/'), 'webhooks.url.scheme');
  assert.equal(problem('file:///etc/passwd'), 'webhooks.url.scheme');
  assert.equal(problem('javascript:alert(1)'), 'webhooks.url.scheme');
  assert.equal(problem('gopher://127.0.0.1:6379/_FLUSHALL'), 'webhooks.url.scheme');
  assert.equal(problem('https://user:pass@hooks.example.org/'), 'webhooks.url.credentials');
  assert.equal(problem('https://user@hooks.example.org/'), 'webhooks.url.credentials');
  assert.equal(problem(`https://hooks.example.org/${'a'.repeat(2000)}`), 'webhooks.url.tooLong');
  const kept = parseWebhookUrl('  https://Hooks.Example.org/in#fragment  ');
  assert.ok('url' in kept);
  assert.equal(kept.url.href, 'https://hooks.example.org/in', 'trimmed, host lower-cased, fragment dropped');
});

test('odd ways of writing a private address are read as that address (the URL parser normalises them)', async () => {
  for (const text of ['http://2130706433/', 'http://0x7f.1/', 'http://127.1/', 'http://[::ffff:7f00:1]/', 'http://[::1]:8080/']) {
    const parsed = parseWebhookUrl(text);
    assert.ok('url' in parsed, text);
    await assert.rejects(resolveWebhookTarget(parsed.url, { allowPrivate: false }), WebhookAddressRefused, text);
  }
});

const answers =
  (table: Record<string, string[]>): HostLookup =>
  async (host) =>
    (table[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

test('a host name is checked after DNS: every address it resolves to must pass, and the first is the one to connect to', async () => {
  const lookup = answers({
    'hooks.example.org': ['93.184.215.14', '2606:4700::1111'],
    'rebind.example.org': ['93.184.215.14', '10.0.0.8'],
    'metadata.example.org': ['169.254.169.254'],
  });
  const target = (host: string) => resolveWebhookTarget(new URL(`https://${host}/in`), { allowPrivate: false, lookup });
  assert.deepEqual(await target('hooks.example.org'), { address: '93.184.215.14', family: 4 });
  await assert.rejects(
    target('rebind.example.org'),
    (error: unknown) => error instanceof WebhookAddressRefused && error.problem.key === 'webhooks.problem.private',
  );
  await assert.rejects(
    target('metadata.example.org'),
    (error: unknown) => error instanceof WebhookAddressRefused && error.problem.key === 'webhooks.problem.metadata',
  );
  await assert.rejects(
    target('nowhere.example.org'),
    (error: unknown) => error instanceof WebhookAddressRefused && error.problem.key === 'webhooks.problem.unresolved',
  );
});

test('localhost, through the system resolver, is refused as loopback', async () => {
  await assert.rejects(
    resolveWebhookTarget(new URL('http://localhost:9/'), { allowPrivate: false }),
    (error: unknown) => error instanceof WebhookAddressRefused && error.problem.key === 'webhooks.problem.loopback',
  );
  assert.match((await resolveWebhookTarget(new URL('http://localhost:9/'), { allowPrivate: true })).address, /^(127\.0\.0\.1|::1)$/);
});
