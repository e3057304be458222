import { readdirSync, readFileSync } from 'node:fs';

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // gone between listing and reading
  }
}

/** `pid` and every process under it: a server with GAZETTE_WORKERS is a primary and its workers. */
export function processTree(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const parent = Number(statFields(Number(name))?.[1]);
    if (parent) parents.set(Number(name), parent);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree;
}

/** Seconds of CPU the tree has used, from utime + stime (100 ticks a second on Linux). */
export function treeCpuSeconds(pid: number): number {
  return processTree(pid).reduce((total, each) => {
    const fields = statFields(each);
    return total + (fields ? (Number(fields[11]) + Number(fields[12])) / 100 : 0);
  }, 0);
}

/** Resident memory of each process in the tree, in MB, the root first. */
export function treeRssMb(pid: number): number[] {
  return processTree(pid).map((each) => {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${each}/status`, 'utf8'))?.[1];
      return Number(kb ?? 0) / 1024;
    } catch {
      return 0;
    }
  });
}
