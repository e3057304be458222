/** The figures the benches print (medians, percentiles, milliseconds, ranges) and the aligned tables they print them in. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The smallest value at least `share` (0.99 for p99) of the values are no larger than; NaN when there are none. */
export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

export const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);

/** "12.1–15.3": the smallest and the largest value. */
export const spread = (values: readonly number[], format: (value: number) => string) => `${format(Math.min(...values))}–${format(Math.max(...values))}`;

/** The first column left-aligned, the others right-aligned, each as wide as its widest cell. */
export function printTable(header: readonly string[], lines: readonly (readonly string[])[]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)));
  for (const line of [header, ...lines]) {
    console.log(line.map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  '));
  }
}
