import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { productionMemoryEnv, productionNodeFlags } from '../../scripts/server-bundle.ts';
import { freePort, startServer, stopServer } from '../helpers/server-process.ts';

test('the server starts on an empty data folder with the demo, and a restart keeps everything', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'gazette-start-'));
  const port = await freePort();
  // One process: starting several is test/e2e/worker-processes.test.ts's.
  const env = { NODE_ENV: 'production', GAZETTE_DEMO: 'on', GAZETTE_WORKERS: '1', PORT: String(port), HOST: '127.0.0.1', GAZETTE_DATA_DIR: dataDir };
  // Whichever server is running when an assertion fails is stopped too, or it would keep this file's process alive.
  let running: ChildProcess | undefined;
  try {
    // How long the first start takes is measured by `npm run bench`, not asserted here: a busy machine would make it flaky.
    const first = await startServer(env);
    running = first.child;
    assert.match(first.output(), /Seeded the demo newsroom/);
    const home = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    assert.match(home, /The Meridian Gazette/);
    // The image library stays out of the server: another process seeds and makes the variants.
    assert.ok((await variantsOnceMade(join(dataDir, 'media', 'variants'))) > 0, 'variants are being made');
    const maps = await readFile(`/proc/${first.child.pid}/maps`, 'utf8');
    assert.ok(!maps.includes('libvips'), 'the server has not loaded libvips');
    assert.equal(await stopServer(first.child), 0, 'SIGTERM closes cleanly');

    const second = await startServer(env);
    running = second.child;
    const again = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    assert.equal(again.match(/href="\/[a-z-]+\/[a-z0-9-]+"/g)?.join(), home.match(/href="\/[a-z-]+\/[a-z0-9-]+"/g)?.join(), 'same stories after a restart');
    assert.doesNotMatch(second.output(), /Seeded the demo newsroom/, 'the demo is not seeded twice');
    // Feeds and sitemaps load their libraries at first use: from the bundle's own chunks, not node_modules.
    for (const [path, type] of [
      ['/feed.xml', /rss/],
      ['/feed.atom', /atom/],
      ['/feed.json', /feed\+json/],
      ['/sitemap.xml', /xml/],
    ] as const) {
      const answer = await fetch(`http://127.0.0.1:${port}${path}`);
      assert.equal(answer.status, 200, path);
      assert.match(answer.headers.get('content-type') ?? '', type, path);
    }
  } finally {
    if (running && running.exitCode === null && running.signalCode === null) await stopServer(running);
    await rm(dataDir, { recursive: true, force: true });
  }
});

/** How many variant files there are once the first is made (or after 20 s). */
async function variantsOnceMade(dir: string): Promise<number> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const made = (await readdir(dir).catch(() => [])).length;
    if (made > 0 || Date.now() > deadline) return made;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('a bad setting stops the server with a message saying which and why', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { env: { ...process.env, PORT: 'eighty' }, stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 1);
  assert.match(stderr, /Configuration error: PORT must be a whole number/);
});

test('npm start runs the bundle with the memory settings the tests and benches start it with', async () => {
  const { scripts } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
  const settings = Object.entries(productionMemoryEnv).map(([name, value]) => `${name}=${value}`);
  assert.equal(scripts.start, `node scripts/start-build.mjs && ${[...settings, 'node', ...productionNodeFlags].join(' ')} dist/server.mjs`);
});
