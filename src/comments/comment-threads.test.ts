import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PublicComment } from './comment.ts';
import { arrangeComments, takesReplies } from './comment-threads.ts';

function comment(id: number, parentId: number | null = null, status: PublicComment['status'] = 'approved'): PublicComment {
  return {
    id,
    articleId: 1,
    parentId,
    authorName: `Reader ${id}`,
    authorWebsite: '',
    isStaff: false,
    body: `Comment ${id}`,
    createdAt: new Date(id * 1000),
    status,
  };
}

// Threads 1 (with replies 2 and 3 below it), 4, 5 (with reply 6), and 7, a reply to a comment not shown.
const comments = [comment(1), comment(2, 1), comment(3, 2), comment(4), comment(5), comment(6, 5), comment(7, 99)];

test('replies nest under their parents with their depth; a reply to a comment not shown is a thread of its own', () => {
  const arranged = arrangeComments(comments, 'oldest', 2);
  assert.deepEqual(
    arranged.threads.map((thread) => thread.comment.id),
    [1, 4, 5, 7],
  );
  assert.deepEqual(
    [1, 2, 3, 6, 7].map((id) => arranged.find(id)?.depth),
    [1, 2, 3, 2, 1],
  );
  assert.equal(arranged.find(99), undefined);
});

test('pages hold whole threads; a reply is on its thread’s page, in either order', () => {
  const oldest = arrangeComments(comments, 'oldest', 2);
  assert.equal(oldest.pageCount, 2);
  assert.deepEqual(
    [1, 3, 4, 5, 6, 7].map((id) => oldest.pageOf(id)),
    [1, 1, 1, 2, 2, 2],
  );
  const newest = arrangeComments(comments, 'newest', 2);
  assert.deepEqual(
    newest.threads.map((thread) => thread.comment.id),
    [7, 5, 4, 1],
  );
  assert.deepEqual(
    [1, 3, 4, 5, 6, 7].map((id) => newest.pageOf(id)),
    [2, 2, 2, 1, 1, 1],
  );
  assert.equal(newest.pageOf(99), undefined);
  assert.equal(arrangeComments([], 'oldest', 50).pageCount, 1, 'no comments is still one page');
});

test('replies are taken while comments are open, by approved comments above the depth limit', () => {
  const arranged = arrangeComments([...comments, comment(8, 4, 'pending')], 'oldest', 50);
  assert.equal(takesReplies(arranged.find(2)!, true, 3), true);
  assert.equal(takesReplies(arranged.find(3)!, true, 3), false, 'at the deepest level');
  assert.equal(takesReplies(arranged.find(1)!, false, 3), false, 'comments closed');
  assert.equal(takesReplies(arranged.find(8)!, true, 3), false, 'still pending');
});
