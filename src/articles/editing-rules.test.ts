import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Role, roles } from '../accounts/roles.ts';
import type { ArticleStatus } from './article.ts';
import { canEditArticle, canPublishArticle, holdsEditForReview, isLive, newsroomListScope } from './editing-rules.ts';

const me = 7;
const someoneElse = 8;

// What happens to each role's save of their own article, by the article's state: "live" reaches
// readers at once, "held" waits for an editor. A change to the grants must change this table on purpose.
const ownEdit: Record<Role, Record<ArticleStatus, 'live' | 'held' | 'draft'>> = {
  owner: { draft: 'draft', scheduled: 'live', published: 'live' },
  admin: { draft: 'draft', scheduled: 'live', published: 'live' },
  editor: { draft: 'draft', scheduled: 'live', published: 'live' },
  author: { draft: 'draft', scheduled: 'live', published: 'live' },
  contributor: { draft: 'draft', scheduled: 'held', published: 'held' },
};

for (const role of roles) {
  for (const status of ['draft', 'scheduled', 'published'] as const) {
    const expected = ownEdit[role][status];
    test(`${role} editing their own ${status} article: ${expected === 'held' ? 'held for review' : 'saved at once'}`, () => {
      const article = { status, createdBy: me };
      assert.equal(holdsEditForReview({ id: me, role }, article), expected === 'held');
      assert.equal(isLive(article), status !== 'draft');
      assert.equal(canEditArticle({ id: me, role }, article), true);
    });
  }
}

const othersArticle: Record<Role, { edit: boolean; publish: boolean }> = {
  owner: { edit: true, publish: true },
  admin: { edit: true, publish: true },
  editor: { edit: true, publish: true },
  author: { edit: false, publish: false },
  contributor: { edit: false, publish: false },
};

for (const role of roles) {
  const expected = othersArticle[role];
  test(`${role} and someone else's article: ${expected.edit ? 'may' : 'may not'} edit, ${expected.publish ? 'may' : 'may not'} publish`, () => {
    const article = { status: 'published' as const, createdBy: someoneElse };
    assert.equal(canEditArticle({ id: me, role }, article), expected.edit);
    assert.equal(canPublishArticle({ id: me, role }, article), expected.publish);
  });
}

test("an article with no known writer is nobody's own", () => {
  assert.equal(canEditArticle({ id: me, role: 'author' }, { createdBy: null }), false);
  assert.equal(holdsEditForReview({ id: me, role: 'contributor' }, { status: 'published', createdBy: null }), true);
});

test('the newsroom list shows everything to those who edit any article, and their own plus the published to others', () => {
  for (const role of roles) {
    const scope = newsroomListScope({ id: me, role });
    const seesAll = role === 'owner' || role === 'admin' || role === 'editor';
    assert.deepEqual(scope, seesAll ? { kind: 'everything' } : { kind: 'own-and-published', userId: me }, role);
  }
});
