import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arrangePageTree, pageAndDescendantIds } from './page-tree.ts';
import type { PageSummary } from './pages.queries.ts';

const updatedAt = new Date('2026-12-05T10:00:00.000Z');
const page = (id: number, parentId: number | null, path: string, status: PageSummary['status'] = 'published'): PageSummary => ({
  id,
  parentId,
  slug: path.split('/').at(-1)!,
  path,
  title: path,
  position: 0,
  status,
  updatedAt,
});

test('a page is followed by its sub-pages, and a draft hides everything below it from readers', () => {
  const tree = arrangePageTree([page(1, null, 'about', 'draft'), page(4, null, 'contact'), page(2, 1, 'about/team'), page(3, 2, 'about/team/seoul')]);
  assert.deepEqual(
    tree.map((entry) => [entry.page.id, entry.depth, entry.visibleToReaders, entry.descendantCount]),
    [
      [1, 0, false, 2],
      [2, 1, false, 1],
      [3, 2, false, 0],
      [4, 0, true, 0],
    ],
  );
  assert.deepEqual([...pageAndDescendantIds(tree, 1)].sort(), [1, 2, 3]);
  assert.deepEqual([...pageAndDescendantIds(tree, 2)].sort(), [2, 3]);
  assert.deepEqual([...pageAndDescendantIds(tree, 4)], [4]);
  assert.deepEqual([...pageAndDescendantIds(tree, 99)], []);
});

test('a page whose parent is not in the list is shown at the top rather than lost', () => {
  const tree = arrangePageTree([page(2, 9, 'gone/child')]);
  assert.deepEqual(
    tree.map((entry) => [entry.page.id, entry.depth, entry.titles]),
    [[2, 0, ['gone/child']]],
  );
});
