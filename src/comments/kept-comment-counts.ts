import { LRUCache } from 'lru-cache';
import type { Db } from '../db/database.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import { type ContentChanges, contentTags } from '../platform/content-changes.ts';
import { type CommentCounts, countCommentThreads } from './comment-pages.queries.ts';

const articleTagPrefix = contentTags.article(0).replace(/0$/, '');

/**
 * Each article's approved comments and threads, counted once and kept until a change to that article is
 * announced (`article:<id>`, here or by another instance: approving, moderating, replying to, erasing
 * and importing comments announce it, as the cached page needs), or for `maxAgeMs`. Counting reads every
 * approved comment's index entry, and again for the replies to hidden ones: 30 ms for each page of an
 * article with 58,000 comments on PostgreSQL, where the page's own threads take under 1 ms. A failed
 * count is not kept.
 */
export class KeptCommentCounts {
  readonly #kept: LRUCache<number, { readonly counts: Promise<CommentCounts>; readonly until: number }>;
  readonly #clock: Clock;
  readonly #maxAgeMs: number;

  constructor(changes: ContentChanges, options: { readonly clock?: Clock; readonly most?: number; readonly maxAgeMs?: number } = {}) {
    this.#kept = new LRUCache({ max: options.most ?? 10_000 });
    this.#clock = options.clock ?? systemClock;
    this.#maxAgeMs = options.maxAgeMs ?? 60_000;
    changes.subscribe((tags) => {
      for (const tag of tags) {
        if (tag === contentTags.everything) this.#kept.clear();
        else if (tag.startsWith(articleTagPrefix)) this.#kept.delete(Number(tag.slice(articleTagPrefix.length)));
      }
    });
  }

  count(db: Db, articleId: number): Promise<CommentCounts> {
    const now = this.#clock.now().getTime();
    const kept = this.#kept.get(articleId);
    if (kept && now < kept.until) return kept.counts;
    const entry = { counts: countCommentThreads(db, articleId), until: now + this.#maxAgeMs };
    this.#kept.set(articleId, entry);
    entry.counts.catch(() => {
      if (this.#kept.get(articleId) === entry) this.#kept.delete(articleId);
    });
    return entry.counts;
  }
}
