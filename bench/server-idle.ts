import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Seconds of CPU the process has used, from /proc/<pid>/stat utime + stime (100 ticks a second on Linux). */
function readCpuSeconds(pid: number | undefined): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Gazette makes image variants in the background after it listens; measuring then would measure sharp.
 * Returns the seconds waited until the process used almost no CPU for a whole second.
 */
export async function waitUntilIdle(pid: number | undefined, name: string, timeoutMs = 45_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const before = readCpuSeconds(pid);
    await sleep(1000);
    if (readCpuSeconds(pid) - before < 0.05) return (Date.now() - started) / 1000;
  }
  console.warn(`warning: ${name} was still busy after ${timeoutMs / 1000} s; measuring anyway`);
  return timeoutMs / 1000;
}
