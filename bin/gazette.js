#!/usr/bin/env node
// `npx gazette …`: runs the command line from the TypeScript sources (with tsx; `npm start` runs a bundle instead).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// An import churns through a lot of short-lived objects; V8 would let its heap grow to gigabytes before
// collecting. A limit keeps a 20,000-article import within a small machine's memory at the same speed. The
// limit has to be given when Node starts, so the command starts itself once more with it.
const heapLimit = '--max-old-space-size=160';
const limited = process.execArgv.some((flag) => flag.startsWith('--max-old-space-size')) || /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '');

if (limited) {
  const { register } = await import('tsx/esm/api');
  register();
  const { runCommand } = await import('../src/cli/main.ts');
  process.exitCode = await runCommand(process.argv.slice(2));
} else {
  const child = spawn(process.execPath, [heapLimit, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  // Ctrl-C reaches both processes; the command stops itself and this one reports how it ended.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 128 + 2 : 1);
  });
}
