import type { OriginalFile, OriginalsStore } from './originals-store.ts';

interface Copy {
  /** Who is making variants of this original now, or is about to. */
  users: number;
  /** Opened on first need: when every variant is already made, nothing is fetched. */
  file?: Promise<OriginalFile>;
}

/**
 * The originals being encoded, each fetched from the store once however many variants are made of it
 * at the same time (a page's first readers, warming), and released when the last is made.
 */
export class OriginalCopies {
  readonly #store: OriginalsStore;
  readonly #copies = new Map<string, Copy>();

  constructor(store: OriginalsStore) {
    this.#store = store;
  }

  /** Keeps the original's copy, once fetched, until `run` ends: a batch of variants shares one fetch. */
  async holding<T>(name: string, run: () => Promise<T>): Promise<T> {
    const copy = this.#acquire(name);
    try {
      return await run();
    } finally {
      await this.#release(name, copy);
    }
  }

  /** Runs `use` with the path of the original's copy, fetching it unless someone holding it already has. */
  async using<T>(name: string, use: (path: string) => Promise<T>): Promise<T> {
    return this.holding(name, async () => {
      const copy = this.#copies.get(name)!;
      // A failed fetch stays failed for everyone holding the copy: a batch asks the store once.
      copy.file ??= this.#store.open(name);
      return use((await copy.file).path);
    });
  }

  #acquire(name: string): Copy {
    let copy = this.#copies.get(name);
    if (!copy) {
      copy = { users: 0 };
      this.#copies.set(name, copy);
    }
    copy.users++;
    return copy;
  }

  async #release(name: string, copy: Copy): Promise<void> {
    copy.users--;
    if (copy.users > 0) return;
    this.#copies.delete(name);
    // A failed fetch was thrown to those who used it; a copy left on disk is removed at the next start.
    if (copy.file) await copy.file.then((file) => file.release()).catch(() => {});
  }
}
