import type { PageSummary } from './pages.queries.ts';

/** One page in the order a tree is read: each page, then its sub-pages, siblings by position. */
export interface PageTreeEntry {
  readonly page: PageSummary;
  /** 0 for a top-level page. */
  readonly depth: number;
  /** The titles from the top page down to this one: ["About us", "Masthead"]. */
  readonly titles: readonly string[];
  /** Published, and every page above it too: readers can open it. */
  readonly visibleToReaders: boolean;
  /** How many pages sit anywhere below it. */
  readonly descendantCount: number;
}

/**
 * Puts pages in tree order. `pages` must already be sorted the way siblings are (position, title, id);
 * a page whose parent is missing from the list is shown at the top level rather than lost.
 *
 * @example arrangePageTree(await listPageSummaries(db)).map((entry) => entry.titles.join(' › '))
 */
export function arrangePageTree(pages: readonly PageSummary[]): PageTreeEntry[] {
  const ids = new Set(pages.map((page) => page.id));
  const childrenOf = new Map<number | null, PageSummary[]>();
  for (const page of pages) {
    const parent = page.parentId !== null && ids.has(page.parentId) ? page.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), page]);
  }
  const entries: PageTreeEntry[] = [];
  const visit = (page: PageSummary, depth: number, titles: readonly string[], parentVisible: boolean): number => {
    const entry = { page, depth, titles: [...titles, page.title], visibleToReaders: parentVisible && page.status === 'published', descendantCount: 0 };
    entries.push(entry);
    let below = 0;
    for (const child of childrenOf.get(page.id) ?? []) below += 1 + visit(child, depth + 1, entry.titles, entry.visibleToReaders);
    entry.descendantCount = below;
    return below;
  };
  for (const page of childrenOf.get(null) ?? []) visit(page, 0, [], true);
  return entries;
}

/** The ids of a page and every page below it: what may never become its parent. */
export function pageAndDescendantIds(tree: readonly PageTreeEntry[], pageId: number): Set<number> {
  const start = tree.findIndex((entry) => entry.page.id === pageId);
  if (start === -1) return new Set();
  const depth = tree[start]!.depth;
  const ids = new Set([pageId]);
  for (let index = start + 1; index < tree.length && tree[index]!.depth > depth; index++) ids.add(tree[index]!.page.id);
  return ids;
}
