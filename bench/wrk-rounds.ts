import { cpus, loadavg } from 'node:os';
import { runWrk, type WrkOptions, type WrkResult } from './wrk.ts';

/**
 * How the wrk benches take their numbers: every target warmed up once, then measured round after round, each
 * round every target in turn, so a change in the machine's load falls on all of them rather than on one.
 */

/** More failed answers than this share of a target's responses fails the bench: it measured errors. */
const maxBadShare = 0.01;

export interface RoundsPlan {
  readonly wrk: WrkOptions;
  readonly rounds: number;
  readonly warmUpSeconds: number;
}

/** The bench's first two lines: the machine, and what wrk is asked to do. */
export function printPlan(plan: RoundsPlan): void {
  console.log(
    `node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `wrk -t${plan.wrk.threads} -c${plan.wrk.connections} -d${plan.wrk.seconds}s --latency, ${plan.rounds} rounds after a ${plan.warmUpSeconds} s warm-up each`,
  );
}

/** Every round's rows, in the order of `targets`; each round is printed with `printRound` as it ends. */
export async function measureInRounds<Target extends { readonly url: string }, Row>(
  plan: RoundsPlan,
  targets: readonly Target[],
  measure: (target: Target) => Promise<Row>,
  printRound: (rows: readonly Row[]) => void,
): Promise<Row[][]> {
  // Thrown away: lets the JIT and keep-alive sockets settle before anything is counted.
  for (const target of targets) await runWrk(target.url, { ...plan.wrk, seconds: plan.warmUpSeconds });

  const allRounds: Row[][] = [];
  for (let round = 1; round <= plan.rounds; round++) {
    const rows: Row[] = [];
    for (const target of targets) rows.push(await measure(target));
    allRounds.push(rows);
    console.log(`round ${round} of ${plan.rounds}`);
    printRound(rows);
    console.log('');
  }
  return allRounds;
}

/** Throws, naming the targets, when any round of any target had too many errors or non-2xx answers. */
export function expectFewFailures(allRounds: readonly (readonly (WrkResult & { readonly target: { readonly name: string } })[])[]): void {
  const failing = allRounds.flat().filter((row) => (row.non2xx + row.errors) / Math.max(1, row.responses) > maxBadShare);
  if (failing.length > 0) {
    throw new Error(`More than ${maxBadShare * 100}% of responses failed for: ${[...new Set(failing.map((row) => row.target.name))].join(', ')}`);
  }
}
