import { LRUCache } from 'lru-cache';
import type { Db } from '../db/database.ts';
import { type ContentChanges, contentTags } from '../platform/content-changes.ts';
import type { ArticleScope } from './article.ts';
import { countPublished } from './articles.queries.ts';

/** Collections whose counts are kept at once: every section, and the tags and authors being read. */
const keptCollections = 10_000;

function scopeKey(scope: ArticleScope): string {
  return contentTags.scope(scope);
}

/**
 * How many published articles a collection (the site, a section, a tag, an author) holds, kept
 * between requests. Its list pages need the number for their pager, and counting it reads an index
 * entry per article: 90 ms a page for a section of 240,000 on PostgreSQL under load, for a number
 * that only changes when an article is published, moved or withdrawn. Each such change announces the
 * lists it touches, here or on another instance (every article change announces `scope:all`), and
 * drops every count. An article that goes live by the clock alone is counted within `maxAgeMs`.
 * Counting runs once for concurrent requests.
 */
export class CollectionCounts {
  readonly #counts = new LRUCache<string, { readonly count: Promise<number>; readonly until: number }>({ max: keptCollections });

  constructor(
    changes: ContentChanges,
    private readonly maxAgeMs = 60_000,
  ) {
    changes.subscribe((tags) => {
      if (tags.some((tag) => tag === contentTags.everything || tag.startsWith('scope:'))) this.#counts.clear();
    });
  }

  count(db: Db, scope: ArticleScope, now: Date): Promise<number> {
    const key = scopeKey(scope);
    const kept = this.#counts.get(key);
    if (kept && now.getTime() < kept.until) return kept.count;
    const entry = { count: countPublished(db, scope, now), until: now.getTime() + this.maxAgeMs };
    this.#counts.set(key, entry);
    // A failed count is not kept: the next request counts again.
    entry.count.catch(() => {
      if (this.#counts.get(key) === entry) this.#counts.delete(key);
    });
    return entry.count;
  }
}
