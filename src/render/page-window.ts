/** A gap between numbered pages that are not linked: printed as an ellipsis. */
export const pageGap = 'gap';

/**
 * The page numbers a long run of pages links: the first and the last, and `around` either side of the
 * current one, with a gap where numbers are left out (1 … 4 5 6 7 8 … 755), as WordPress's comment pages
 * do. A gap never stands for a single page: that page is linked instead.
 */
export function pageWindow(current: number, count: number, around = 2): (number | typeof pageGap)[] {
  const shown: (number | typeof pageGap)[] = [];
  const from = Math.max(1, current - around);
  const to = Math.min(count, current + around);
  const runs = [
    [1, 1],
    [from, to],
    [count, count],
  ] as const;
  let last = 0;
  for (const [start, end] of runs) {
    for (let page = Math.max(start, last + 1); page <= end; page++) {
      if (page === last + 2) shown.push(last + 1);
      else if (page > last + 2) shown.push(pageGap);
      shown.push(page);
      last = page;
    }
  }
  return shown;
}
