import { setTimeout as sleep } from 'node:timers/promises';
import { treeCpuSeconds } from './process-tree.ts';

/**
 * Gazette makes image variants in the background after it listens; measuring then would measure sharp.
 * Returns the seconds waited until the process and its workers used almost no CPU for a whole second.
 */
async function waitUntilIdle(pid: number | undefined, name: string, timeoutMs = 45_000): Promise<number> {
  const started = Date.now();
  if (pid === undefined) return 0;
  while (Date.now() - started < timeoutMs) {
    const before = treeCpuSeconds(pid);
    await sleep(1000);
    if (treeCpuSeconds(pid) - before < 0.05) return (Date.now() - started) / 1000;
  }
  console.warn(`warning: ${name} was still busy after ${timeoutMs / 1000} s; measuring anyway`);
  return timeoutMs / 1000;
}

/** Waits as waitUntilIdle does, then says how long it took. */
export async function reportWhenIdle(pid: number | undefined, name: string): Promise<void> {
  console.log(`waited ${(await waitUntilIdle(pid, name)).toFixed(0)} s for ${name} to go idle (background image variants)`);
}
