import type { NewCommentRow } from '../../src/comments/comments.queries.ts';

/** A comment's row as the query tests store it: a reader's approved top-level comment, with no network data, changed by `row`. */
export function testCommentRow(row: Pick<NewCommentRow, 'articleId' | 'createdAt'> & Partial<NewCommentRow>): NewCommentRow {
  return {
    parentId: null,
    status: 'approved',
    authorName: 'Ada',
    authorEmail: 'ada@example.com',
    authorWebsite: '',
    staffUserId: null,
    body: 'A comment.',
    spamScore: null,
    spamReasons: [],
    ipAddress: null,
    userAgent: null,
    replyAlertsRequested: false,
    ...row,
  };
}
