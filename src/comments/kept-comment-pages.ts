import { LRUCache } from 'lru-cache';
import { type Clock, systemClock } from '../platform/clock.ts';
import { type ContentChanges, contentTags, isArticleTag } from '../platform/content-changes.ts';

/** What a page of an article's comments shows every reader, worked out once: see CommentSections. */
export interface KeptCommentPage<T> {
  readonly value: T;
  /** About how many bytes it holds, for the budget. */
  readonly bytes: number;
}

/**
 * Pages of an article's approved comments as every reader without pending comments of their own sees
 * them (threads, their views and, once rendered, their HTML: see CommentList), kept between renders. An
 * article page with 50 comments spent more on them than on the rest of the page: reading the page of
 * threads, formatting 50 dates, rendering 50 cards. They are kept, within a byte budget, until a change
 * to that article is announced (`article:<id>`, here or by another instance: approving, editing,
 * erasing or importing a comment announces it, as the page cache needs), until `everything` changes
 * (settings: the order, the page size, the words), or for `maxAgeMs`, which bounds what an instance that
 * missed an announcement shows. A change announced while a page is read is not kept, and later requests
 * read again rather than wait for that read; a failed read is not kept.
 */
export class KeptCommentPages<T> {
  readonly #kept: LRUCache<string, { readonly page: KeptCommentPage<T>; readonly until: number }>;
  /** Reads under way, each shared by the requests that asked meanwhile; a change drops them here. */
  readonly #reading = new Map<string, Promise<KeptCommentPage<T>>>();
  readonly #maxAgeMs: number;
  readonly #clock: Clock;

  constructor(changes: ContentChanges, options: { readonly maxBytes?: number; readonly maxAgeMs?: number; readonly clock?: Clock } = {}) {
    this.#kept = new LRUCache({ maxSize: options.maxBytes ?? 8 * 1024 * 1024, sizeCalculation: (entry) => Math.max(1, entry.page.bytes) });
    this.#maxAgeMs = options.maxAgeMs ?? 60_000;
    this.#clock = options.clock ?? systemClock;
    changes.subscribe((tags) => {
      if (tags.includes(contentTags.everything)) {
        this.#kept.clear();
        this.#reading.clear();
        return;
      }
      const articles = new Set(tags.filter(isArticleTag));
      if (articles.size > 0) this.#forget(articles);
    });
  }

  /** The page kept under `view` of the article, else `read` once for everyone asking until it is done. */
  get(articleId: number, view: string, read: () => Promise<KeptCommentPage<T>>): Promise<T> {
    const key = `${contentTags.article(articleId)}|${view}`;
    const kept = this.#kept.get(key);
    if (kept && this.#clock.now().getTime() < kept.until) return Promise.resolve(kept.page.value);
    const reading = this.#reading.get(key) ?? this.#read(key, read);
    return reading.then((page) => page.value);
  }

  #read(key: string, read: () => Promise<KeptCommentPage<T>>): Promise<KeptCommentPage<T>> {
    const startedAt = this.#clock.now().getTime();
    const reading = read();
    this.#reading.set(key, reading);
    reading.then(
      (page) => {
        // Dropped meanwhile: a change came after the read began, so the page may not show it.
        if (this.#reading.get(key) !== reading) return;
        this.#reading.delete(key);
        this.#kept.set(key, { page, until: startedAt + this.#maxAgeMs });
      },
      () => {
        if (this.#reading.get(key) === reading) this.#reading.delete(key);
      },
    );
    return reading;
  }

  /** Every view of these articles (their tags), kept or being read. */
  #forget(articles: ReadonlySet<string>): void {
    const ofArticles = (key: string) => articles.has(key.slice(0, key.indexOf('|')));
    for (const key of [...this.#kept.keys()]) if (ofArticles(key)) this.#kept.delete(key);
    for (const key of [...this.#reading.keys()]) if (ofArticles(key)) this.#reading.delete(key);
  }
}
