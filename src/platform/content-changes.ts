/**
 * Names of what changed, e.g. "article:12", "scope:section:3", "settings". Services announce
 * changes here; the page cache (and, across instances, a broadcaster) listens.
 */
export type ContentTag = string;

export type ChangeListener = (tags: readonly ContentTag[]) => void;

export class ContentChanges {
  readonly #listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  announce(tags: readonly ContentTag[]): void {
    if (tags.length === 0) return;
    for (const listener of this.#listeners) listener(tags);
  }
}

/** Tag vocabulary, in one place so the writer and the cache agree. */
export const contentTags = {
  article: (id: number) => `article:${id}`,
  section: (id: number) => `section:${id}`,
  tag: (id: number) => `tag:${id}`,
  author: (id: number) => `author:${id}`,
  media: (id: number) => `media:${id}`,
  /** A list of articles: which articles it holds changes when one is published, moved or withdrawn. */
  scope: (scope: { kind: 'all' } | { kind: 'section'; sectionId: number } | { kind: 'tag'; tagId: number } | { kind: 'author'; authorId: number }) => {
    switch (scope.kind) {
      case 'all':
        return 'scope:all';
      case 'section':
        return `scope:section:${scope.sectionId}`;
      case 'tag':
        return `scope:tag:${scope.tagId}`;
      case 'author':
        return `scope:author:${scope.authorId}`;
    }
  },
  settings: 'settings',
} as const;
