import { LRUCache } from 'lru-cache';
import { type ContentChanges, type ContentTag, contentTags } from './content-changes.ts';

/**
 * Values derived from the lists of published articles (a collection's count, the stories related to
 * one), kept between requests. Each is read once for concurrent requests, and kept until a change
 * announces a list (`scope:` tags, here or from another instance; every article change announces
 * `scope:all`), which drops them all, or for `maxAgeMs`, within which an article that goes live by
 * the clock alone shows. A change to one article's comments announces no list and keeps them. A
 * failed read is not kept: the next request reads again. `dropsOn` widens what drops them all, and
 * `forgets` names the one value a tag drops (an article's tag, its comment counts).
 */
export class KeptUntilListsChange<T> {
  readonly #kept: LRUCache<string, { readonly value: Promise<T>; readonly until: number }>;
  readonly #maxAgeMs: number;

  constructor(
    changes: ContentChanges,
    options: {
      readonly most: number;
      readonly maxAgeMs?: number;
      readonly dropsOn?: (tag: ContentTag) => boolean;
      readonly forgets?: (tag: ContentTag) => string | undefined;
    },
  ) {
    this.#kept = new LRUCache({ max: options.most });
    this.#maxAgeMs = options.maxAgeMs ?? 60_000;
    const dropsOn = options.dropsOn ?? (() => false);
    const forgets = options.forgets ?? (() => undefined);
    changes.subscribe((tags) => {
      if (tags.some((tag) => tag === contentTags.everything || tag.startsWith('scope:') || dropsOn(tag))) this.#kept.clear();
      else for (const key of tags.map(forgets)) if (key !== undefined) this.#kept.delete(key);
    });
  }

  get(key: string, now: Date, read: () => Promise<T>): Promise<T> {
    return this.#keptOr(key, now) ?? this.#keep(key, now, read());
  }

  /**
   * The values of several keys, in order: those kept, and the rest from one `readMissing` call with the
   * keys it lacks, whose answers are kept like any other (a key it leaves out gets `absent`).
   */
  async getMany(keys: readonly string[], now: Date, readMissing: (keys: string[]) => Promise<ReadonlyMap<string, T>>, absent: T): Promise<T[]> {
    const kept = keys.map((key) => this.#keptOr(key, now));
    const missing = [...new Set(keys.filter((_, index) => kept[index] === undefined))];
    const read = missing.length > 0 ? readMissing(missing) : undefined;
    const made = new Map(
      missing.map((key) => [
        key,
        this.#keep(
          key,
          now,
          read!.then((found) => (found.has(key) ? (found.get(key) as T) : absent)),
        ),
      ]),
    );
    return Promise.all(keys.map((key, index) => kept[index] ?? made.get(key)!));
  }

  #keptOr(key: string, now: Date): Promise<T> | undefined {
    const kept = this.#kept.get(key);
    return kept && now.getTime() < kept.until ? kept.value : undefined;
  }

  /** Kept from now on, so a change announced while it is read drops it; a failed read is not kept. */
  #keep(key: string, now: Date, value: Promise<T>): Promise<T> {
    const entry = { value, until: now.getTime() + this.#maxAgeMs };
    this.#kept.set(key, entry);
    entry.value.catch(() => {
      if (this.#kept.get(key) === entry) this.#kept.delete(key);
    });
    return entry.value;
  }
}
