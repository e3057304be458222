/**
 * Names of what changed, e.g. "article:12", "scope:section:3", "settings". Services announce
 * changes here; the page cache listens, and so does the broadcaster that tells other instances.
 */
export type ContentTag = string;

/**
 * "local": made by this process; "remote": heard from another instance sharing the database;
 * "refresh": this process caught up with a remote change (nobody else needs to hear of it).
 */
export type ChangeOrigin = 'local' | 'remote' | 'refresh';

export type ChangeListener = (tags: readonly ContentTag[], origin: ChangeOrigin) => void;

export class ContentChanges {
  readonly #listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  announce(tags: readonly ContentTag[], origin: ChangeOrigin = 'local'): void {
    if (tags.length === 0) return;
    for (const listener of this.#listeners) listener(tags, origin);
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
  /**
   * The newsroom's lists alone: a draft made, sent for review or back from the trash, a change proposed or
   * decided. No reader page shows these, so nothing cached in front of Gazette is purged for it.
   */
  newsroom: 'newsroom',
  /** Everything: sent when an instance may have missed changes (e.g. after a lost connection). */
  everything: '*',
} as const;

/** Whether a tag names one article (`article:12`), as an edit to it or to its comments announces. */
export function isArticleTag(tag: ContentTag): boolean {
  return tag.startsWith('article:');
}
