import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { buildForStart, privateBundleDir, productionMemoryEnv, productionNodeFlags } from '../../scripts/server-bundle.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

let bundle: Promise<string> | undefined;

/** The server bundled as `npm start` bundles it, once per test process, into a folder of the process's own. */
function serverBundle(): Promise<string> {
  if (!bundle) {
    const dir = privateBundleDir();
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    bundle = buildForStart(dir);
  }
  return bundle;
}

/** Starts the server as `npm start` does (bundled, then run by Node) and resolves once it says it is serving. */
export async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [...productionNodeFlags, await serverBundle()], {
    env: { ...process.env, ...productionMemoryEnv, ...env },
    stdio: 'pipe',
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      // A server that never said it serves is stopped, so it cannot keep the test's process alive.
      child.kill('SIGKILL');
      reject(new Error(`no "serving" line within 30 s:\n${output}`));
    }, 30_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Gazette is serving')) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

export function stopServer(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

/** Resolves once the server has printed something matching `pattern` (it may come after "serving"). */
export async function waitForOutput(output: () => string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(output())) {
    if (Date.now() > deadline) throw new Error(`the server did not print ${pattern} within ${timeoutMs} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return output();
}
