import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ContentChanges, contentTags } from '../platform/content-changes.ts';
import { KeptCommentPages } from './kept-comment-pages.ts';

const t0 = new Date('2026-11-20T10:00:00.000Z');

/** A read that counts itself and answers `value` (default: which read it was) when `release` is called, or at once. */
function reads() {
  let count = 0;
  const waiting: (() => void)[] = [];
  return {
    get count() {
      return count;
    },
    now:
      (value?: string, bytes = 10) =>
      async () => ({ value: value ?? `read ${++count}`, bytes }),
    held: () => () => {
      const value = `read ${++count}`;
      return new Promise<{ value: string; bytes: number }>((resolve) => waiting.push(() => resolve({ value, bytes: 10 })));
    },
    release: () => {
      for (const done of waiting.splice(0)) done();
    },
  };
}

test("a page of an article's comments is kept until a change to that article or to everything, or until it is too old", async () => {
  let now = t0;
  const changes = new ContentChanges();
  const kept = new KeptCommentPages<string>(changes, { clock: { now: () => now }, maxAgeMs: 1_000 });
  const read = reads();

  assert.equal(await kept.get(1, 'page 1', read.now()), 'read 1');
  assert.equal(await kept.get(1, 'page 2', read.now()), 'read 2');
  assert.equal(await kept.get(2, 'page 1', read.now()), 'read 3');
  assert.equal(await kept.get(1, 'page 1', read.now()), 'read 1', 'kept');

  changes.announce([contentTags.article(1)]);
  assert.equal(await kept.get(1, 'page 1', read.now()), 'read 4', 'every view of the article is dropped');
  assert.equal(await kept.get(1, 'page 2', read.now()), 'read 5');
  assert.equal(await kept.get(2, 'page 1', read.now()), 'read 3', "another article's change keeps this one");

  changes.announce([contentTags.article(11), contentTags.section(1), contentTags.scope({ kind: 'all' }), contentTags.tag(2)]);
  assert.equal(await kept.get(1, 'page 1', read.now()), 'read 4', 'article 11 is not article 1, and lists are not its comments');
  changes.announce([contentTags.everything]);
  assert.equal(await kept.get(1, 'page 1', read.now()), 'read 6', 'settings: order, page size and words may have changed');
  assert.equal(await kept.get(2, 'page 1', read.now()), 'read 7');

  now = new Date(t0.getTime() + 999);
  assert.equal(await kept.get(2, 'page 1', read.now()), 'read 7');
  now = new Date(t0.getTime() + 1_000);
  assert.equal(await kept.get(2, 'page 1', read.now()), 'read 8', 'too old: read again, in case an announcement was missed');
});

test('requests for a page being read wait for that read; a change announced meanwhile keeps it from being kept, and later requests read again', async () => {
  const changes = new ContentChanges();
  const kept = new KeptCommentPages<string>(changes);
  const read = reads();

  const first = kept.get(1, 'page 1', read.held());
  const second = kept.get(1, 'page 1', read.held());
  read.release();
  assert.deepEqual(await Promise.all([first, second]), ['read 1', 'read 1']);
  assert.equal(read.count, 1, 'one read for both');

  changes.announce([contentTags.article(1)]);
  const before = kept.get(1, 'page 1', read.held());
  changes.announce([contentTags.article(1)]);
  const after = kept.get(1, 'page 1', read.held());
  read.release();
  assert.equal(await before, 'read 2', 'those who asked before the change get what was read for them');
  assert.equal(await after, 'read 3', 'a request after the change does not wait for a read that may miss it');
  assert.equal(await kept.get(1, 'page 1', read.now()), 'read 3', 'the read begun after the change is kept');

  const during = kept.get(2, 'page 1', read.held());
  changes.announce([contentTags.everything]);
  read.release();
  assert.equal(await during, 'read 4');
  assert.equal(await kept.get(2, 'page 1', read.now()), 'read 5', 'read while everything changed: not kept');
});

test('a failed read is not kept, and pages are kept within a byte budget, the least lately used dropped first', async () => {
  const kept = new KeptCommentPages<string>(new ContentChanges(), { maxBytes: 100 });
  const read = reads();
  await assert.rejects(
    kept.get(1, 'page 1', () => Promise.reject(new Error('database gone'))),
    /database gone/,
  );
  assert.equal(await kept.get(1, 'page 1', read.now()), 'read 1', 'read again after a failure');

  assert.equal(await kept.get(1, 'page 2', read.now(undefined, 40)), 'read 2');
  assert.equal(await kept.get(1, 'page 1', read.now()), 'read 1', 'used lately');
  assert.equal(await kept.get(1, 'page 3', read.now(undefined, 60)), 'read 3');
  assert.equal(await kept.get(1, 'page 1', read.now()), 'read 1');
  assert.equal(await kept.get(1, 'page 2', read.now(undefined, 40)), 'read 4', '110 bytes are over the budget: the least lately used went');
  assert.equal(await kept.get(1, 'page 4', read.now(undefined, 500)), 'read 5', 'a page over the whole budget is answered');
  assert.equal(await kept.get(1, 'page 4', read.now(undefined, 500)), 'read 6', 'but not kept');
});
