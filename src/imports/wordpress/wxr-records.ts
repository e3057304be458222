// The records a WordPress export (WXR) is read into; see wxr-reader.ts for how each field is read.

/** The channel's header, yielded once before the first author, term or item. */
export interface WxrSite {
  readonly kind: 'site';
  readonly title: string;
  readonly link: string;
  readonly description: string;
  readonly language: string;
  readonly baseSiteUrl: string;
  readonly baseBlogUrl: string;
  /** Always `digits.digits` ("1.2" since WordPress 3.1), or the file is refused. */
  readonly wxrVersion: string;
}

export type WxrAuthor = Readonly<{ kind: 'author'; id: number; login: string; email: string; displayName: string; firstName: string; lastName: string }>;
/** `parentSlug` is the parent category's slug, or ''. */
export type WxrCategory = Readonly<{ kind: 'category'; id: number; slug: string; parentSlug: string; name: string; description: string }>;
export type WxrTag = Readonly<{ kind: 'tag'; id: number; slug: string; name: string; description: string }>;
/** A `wp:term` of a taxonomy other than category and post_tag: nav_menu, post_format, wp_theme, a plugin's own. */
export type WxrTerm = Readonly<{ kind: 'term'; taxonomy: string; id: number; slug: string; parentSlug: string; name: string; description: string }>;
/** An item's `<category domain nicename>`; WXR 1.0's domain "tag" is given as "post_tag". */
export type WxrItemTerm = Readonly<{ taxonomy: string; slug: string; name: string }>;
/** Keys may repeat (one `_wp_old_slug` per former slug): each maps to its values in file order. A null-prototype object. */
export type WxrMeta = Readonly<Record<string, readonly string[]>>;
export type WxrCommentApproval = '1' | '0' | 'spam' | 'trash' | 'post-trashed' | (string & {});
/** '' for comments stored before WordPress 5.5, 'comment' since. */
export type WxrCommentType = '' | 'comment' | 'pingback' | 'trackback' | (string & {});

export interface WxrComment {
  readonly id: number;
  /** A pingback's is "Site » Title", its URL in authorUrl. */
  readonly author: string;
  readonly authorEmail: string;
  readonly authorUrl: string;
  readonly authorIp: string;
  readonly date: string;
  /** UTC 'YYYY-MM-DD HH:MM:SS'; see {@link parseWxrGmtDate}. */
  readonly dateGmt: string;
  readonly content: string;
  readonly approved: WxrCommentApproval;
  readonly type: WxrCommentType;
  readonly parentId: number;
  /** The registered user who wrote it, or 0. */
  readonly userId: number;
  readonly meta: WxrMeta;
}

/** A post, page, attachment, reusable block (`wp_block`), menu item or any other post type. */
export interface WxrItem {
  readonly kind: 'item';
  readonly title: string;
  readonly link: string;
  readonly pubDate: string;
  /** The author's login (`dc:creator`). */
  readonly creator: string;
  readonly guid: string;
  readonly description: string;
  /** `content:encoded`; an attachment's description. */
  readonly content: string;
  /** `excerpt:encoded`; an attachment's caption. */
  readonly excerpt: string;
  readonly postId: number;
  readonly postDate: string;
  /** UTC 'YYYY-MM-DD HH:MM:SS', or '0000-00-00 00:00:00' for a draft never dated; see {@link parseWxrGmtDate}. */
  readonly postDateGmt: string;
  readonly modified: string;
  readonly modifiedGmt: string;
  readonly commentStatus: string;
  readonly pingStatus: string;
  /** The slug: '' for a draft that never had one, `…__trashed` in the trash. */
  readonly postName: string;
  readonly status: string;
  readonly postParent: number;
  readonly menuOrder: number;
  readonly postType: string;
  readonly postPassword: string;
  readonly isSticky: boolean;
  readonly attachmentUrl: string;
  readonly terms: readonly WxrItemTerm[];
  readonly meta: WxrMeta;
  readonly comments: readonly WxrComment[];
}

export type WxrRecord = WxrSite | WxrAuthor | WxrCategory | WxrTag | WxrTerm | WxrItem;
