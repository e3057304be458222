import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort, stopServer, waitForOutput } from '../helpers/server-process.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

test('npm run dev serves the demo from the sources and restarts when a watched file changes', async () => {
  const { scripts } = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [command, subcommand, ...rest] = scripts.dev?.split(' ') ?? [];
  assert.equal(`${command} ${subcommand}`, 'tsx watch', 'npm run dev is tsx in watch mode');
  assert.equal(rest.at(-1), 'src/server.ts');

  const folder = await mkdtemp(join(tmpdir(), 'gazette-dev-'));
  // Touching a source file would restart the servers of tests running alongside, so a file of this test's own is watched as well.
  const trigger = join(folder, 'trigger.txt');
  await writeFile(trigger, 'first\n');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, GAZETTE_DATA_DIR: join(folder, 'data'), PORT: String(port) };
  // What a developer's shell has: nothing that would turn the demo off or move the server elsewhere.
  for (const name of ['NODE_ENV', 'GAZETTE_DEMO', 'GAZETTE_WORKERS', 'DATABASE_URL', 'HOST', 'GAZETTE_PUBLIC_URL']) delete env[name];
  // The PATH npm gives a script, so the command line is the script's own; spawned without npm, stopping it stops the server.
  env.PATH = [join(projectRoot, 'node_modules', '.bin'), dirname(process.execPath), env.PATH].join(delimiter);
  const child: ChildProcess = spawn(command!, [subcommand!, '--include', trigger, ...rest], { cwd: projectRoot, env, stdio: 'pipe', detached: true });
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const serving = /Gazette is serving The Meridian Gazette at http:\/\/127\.0\.0\.1:\d+\n/;
  const home = `http://127.0.0.1:${port}/`;

  try {
    await waitForOutput(() => output, serving, 30_000);
    assert.match(output, /Seeded the demo newsroom/);
    assert.match(output, new RegExp(`at http://127\\.0\\.0\\.1:${port}\\n`), 'the usual address, on the port given');
    const first = await fetch(home);
    assert.equal(first.status, 200);
    assert.match(await first.text(), /The Meridian Gazette/);

    // People editing src/ restart it too; only a restart for this test's change counts.
    const beforeChange = output.length;
    await appendFile(trigger, 'changed\n');
    const restart = /change in \S*trigger\.txt.*Gazette is serving/s;
    await waitForOutput(() => output.slice(beforeChange), restart, 20_000);
    const again = await fetch(home);
    assert.equal(again.status, 200, 'the restarted server answers');
    assert.doesNotMatch(output, /change in \S*\/data\//, "the server's own writes to its data folder are no change to restart for");
    assert.doesNotMatch(output.slice(beforeChange), /Seeded the demo newsroom/, 'the demo is seeded once');
  } finally {
    if (child.exitCode === null && child.signalCode === null) await stopServer(child);
    // tsx relays the signal to the server; anything of the group still alive is no longer wanted.
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // ESRCH: every process of the group has exited already.
    }
    await rm(folder, { recursive: true, force: true });
  }
  await assert.rejects(fetch(home), 'no server is left listening');
});
