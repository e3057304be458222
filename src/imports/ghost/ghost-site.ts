import type { GhostExport, GhostPost, GhostPostMeta, GhostTag, GhostUser } from './ghost-export.ts';

/** Where a post goes in Gazette: its section (its primary public tag), its other public tags, and the internal ones left out. */
export interface GhostPlacement {
  readonly section: GhostTag | undefined;
  readonly tags: readonly GhostTag[];
  readonly internalTags: readonly GhostTag[];
}

/**
 * The export's tables joined up: each post's tags and authors in Ghost's order (`sort_order` 0 is
 * the primary one), its posts_meta row, and which posts, tags and users the import brings in.
 */
export class GhostSite {
  readonly #tags: ReadonlyMap<string, GhostTag>;
  readonly #users: ReadonlyMap<string, GhostUser>;
  readonly #meta: ReadonlyMap<string, GhostPostMeta>;
  readonly #tagIdsByPost: ReadonlyMap<string, ReadonlySet<string>>;
  readonly #authorIdsByPost: ReadonlyMap<string, ReadonlySet<string>>;
  /** Posts (type post), oldest first, so links to earlier stories resolve in one pass. */
  readonly articles: readonly GhostPost[];
  readonly pages: readonly GhostPost[];
  /** Ghost's post slugs (its default permalink is `/:slug/`), for links between posts. */
  readonly articleIdsBySlug: ReadonlyMap<string, string>;

  constructor(readonly file: GhostExport) {
    this.#tags = new Map(file.tags.map((tag) => [tag.id, tag]));
    this.#users = new Map(file.users.map((user) => [user.id, user]));
    this.#meta = new Map(file.postsMeta.map((meta) => [meta.post_id, meta]));
    this.#tagIdsByPost = idsInOrder(file.postsTags, (row) => row.tag_id);
    this.#authorIdsByPost = idsInOrder(file.postsAuthors, (row) => row.author_id);
    const posts = file.posts.filter((post) => (post.type ?? 'post') === 'post');
    const time = (post: GhostPost) => post.published_at ?? post.created_at ?? '';
    this.articles = [...posts].sort((a, b) => (time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : 0));
    this.pages = file.posts.filter((post) => (post.type ?? 'post') !== 'post');
    this.articleIdsBySlug = new Map(this.articles.map((post) => [post.slug, post.id]));
  }

  /** The site's identity for import records: Ghost 5 exports carry no address, but a site id. */
  get origin(): string {
    return this.file.siteUuid ? `ghost:${this.file.siteUuid}` : 'ghost';
  }

  metaOf(post: GhostPost): GhostPostMeta | undefined {
    return this.#meta.get(post.id);
  }

  tagsOf(post: GhostPost): GhostTag[] {
    return [...(this.#tagIdsByPost.get(post.id) ?? [])].flatMap((id) => this.#tags.get(id) ?? []);
  }

  /** Every author of the post in byline order; the first is Ghost's primary author. */
  authorsOf(post: GhostPost): GhostUser[] {
    return [...(this.#authorIdsByPost.get(post.id) ?? [])].flatMap((id) => this.#users.get(id) ?? []);
  }

  /** Ghost has no sections: the first public tag is the section, the other public tags are tags. */
  placementOf(post: GhostPost): GhostPlacement {
    const tags = this.tagsOf(post);
    const visible = tags.filter(isPublicTag);
    return { section: visible[0], tags: visible.slice(1), internalTags: tags.filter((tag) => !isPublicTag(tag)) };
  }

  /** Tags that are some article's section, and those that are some article's other tags (a tag may be both). */
  tagRoles(): { sections: GhostTag[]; tags: GhostTag[]; internal: GhostTag[]; unused: GhostTag[] } {
    const sections = new Set<GhostTag>();
    const tags = new Set<GhostTag>();
    const internal = new Set<GhostTag>();
    for (const post of this.articles) {
      const placement = this.placementOf(post);
      if (placement.section) sections.add(placement.section);
      for (const tag of placement.tags) tags.add(tag);
      for (const tag of placement.internalTags) internal.add(tag);
    }
    const unused = this.file.tags.filter((tag) => !sections.has(tag) && !tags.has(tag) && !internal.has(tag));
    return { sections: [...sections], tags: [...tags], internal: [...internal], unused };
  }

  /** Users who are on at least one article's byline; the others are staff accounts, not bylines. */
  bylineUsers(): { authors: GhostUser[]; others: GhostUser[] } {
    const onPosts = new Set(this.articles.flatMap((post) => this.authorsOf(post)));
    return { authors: this.file.users.filter((user) => onPosts.has(user)), others: this.file.users.filter((user) => !onPosts.has(user)) };
  }
}

/** Internal tags (`#print-edition`) sort posts for Ghost's themes and never show to readers. */
function isPublicTag(tag: GhostTag): boolean {
  return (tag.visibility ?? 'public') === 'public' && !tag.name.startsWith('#');
}

/** Each post's tag or author ids by `sort_order`, each once. */
function idsInOrder<Row extends { post_id: string; sort_order?: number | null | undefined }>(
  rows: readonly Row[],
  target: (row: Row) => string,
): Map<string, ReadonlySet<string>> {
  const byPost = new Map<string, Set<string>>();
  for (const row of [...rows].sort((a, b) => (a.sort_order ?? 0) - (b.sort_order ?? 0))) {
    const ids = byPost.get(row.post_id) ?? new Set<string>();
    ids.add(target(row));
    byPost.set(row.post_id, ids);
  }
  return byPost;
}
