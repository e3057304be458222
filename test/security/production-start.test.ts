import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { freePort, startServer, stopServer, waitForOutput } from '../helpers/server-process.ts';

test('a production start on an empty database serves an empty newsroom, not the demo', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'gazette-production-'));
  const port = await freePort();
  const server = await startServer({ NODE_ENV: 'production', GAZETTE_DEMO: '', PORT: String(port), HOST: '127.0.0.1', GAZETTE_DATA_DIR: dataDir });
  try {
    const output = await waitForOutput(server.output, /\/admin\/setup\?token=/);
    assert.doesNotMatch(output, /Seeded the demo newsroom/);
    const feed = (await (await fetch(`http://127.0.0.1:${port}/feed.json`)).json()) as { items: unknown[] };
    assert.equal(feed.items.length, 0, 'no made-up stories are published');
  } finally {
    await stopServer(server.child);
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('the demo is seeded in production only when asked, and a wrong value is an error that names the setting', () => {
  assert.equal(loadConfig({ NODE_ENV: 'production' }).seedDemo, false);
  assert.equal(loadConfig({ NODE_ENV: 'production', GAZETTE_DEMO: 'on' }).seedDemo, true);
  assert.equal(loadConfig({}).seedDemo, true, 'development keeps the demo for a first look');
  assert.equal(loadConfig({ GAZETTE_DEMO: 'off' }).seedDemo, false);
  assert.throws(() => loadConfig({ GAZETTE_DEMO: 'yes' }), /GAZETTE_DEMO must be "on" or "off", got "yes"/);
});
