import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const nginxBinary = '/usr/sbin/nginx';
const templateFile = fileURLToPath(new URL('nginx.conf.template', import.meta.url));

export interface NginxChild {
  readonly process: ChildProcess;
  readonly dir: string;
  /** The last few thousand characters it wrote, kept only to explain a failed start. */
  readonly output: () => string;
}

/** Says what to install when nginx is missing, rather than failing with ENOENT. */
export function checkNginxInstalled(): void {
  if (!existsSync(nginxBinary)) throw new Error(`${nginxBinary} not found: install Debian's nginx-light (apt-get install -y nginx-light wrk)`);
}

/**
 * Runs nginx in the foreground, serving `body` to every GET on 127.0.0.1:`port` with `contentType`,
 * configured from bench/nginx.conf.template in a directory of its own.
 */
export async function startNginx(body: Buffer, contentType: string, port: number): Promise<NginxChild> {
  const dir = await mkdtemp(join(tmpdir(), 'gazette-bench-nginx-'));
  const file = 'article.html';
  await writeFile(join(dir, file), body);
  // Started by root, nginx's workers would become `nobody`, who cannot reach a page under a private
  // temporary folder (TMPDIR=/root/tmp, mode 0700): they stay root. Anyone else's workers run as themselves.
  const workerUser = process.getuid?.() === 0 ? 'user root;' : '';
  const values: Readonly<Record<string, string>> = { dir, file, contentType, port: String(port), workerUser };
  const config = (await readFile(templateFile, 'utf8')).replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`nginx.conf.template names an unknown value {{${name}}}`);
    return value;
  });
  const configFile = join(dir, 'nginx.conf');
  await writeFile(configFile, config);
  // -e: before it reads the config nginx opens its compiled-in error log, which only root may write.
  const child = spawn(nginxBinary, ['-p', `${dir}/`, '-e', join(dir, 'error.log'), '-c', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keepTail = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  return { process: child, dir, output: () => output };
}
