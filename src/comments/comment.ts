import type { Sentence } from '../errors.ts';
import { articleUrl } from '../platform/urls.ts';
import type { CommentStatus } from './comment.table.ts';

/**
 * A comment as readers may see it. It has no email, IP address or spam data, and reader queries
 * never select them, so a page cannot show what it was never given.
 */
export interface PublicComment {
  readonly id: number;
  readonly articleId: number;
  readonly parentId: number | null;
  readonly authorName: string;
  /** An http(s) URL the commenter gave, or empty. */
  readonly authorWebsite: string;
  /** Written by the newsroom's staff, shown with a badge. */
  readonly isStaff: boolean;
  readonly body: string;
  readonly createdAt: Date;
  /** "pending" only for the browser that posted it. */
  readonly status: 'approved' | 'pending';
}

/** What threading and paging need of a comment: where it hangs, and whether it may take replies. */
export type CommentOutline = Pick<PublicComment, 'id' | 'parentId' | 'status'>;

/** A comment as moderators see it: everything stored, with why the checks held it. */
export interface ModeratedComment {
  readonly id: number;
  readonly articleId: number;
  readonly parentId: number | null;
  readonly status: CommentStatus;
  readonly authorName: string;
  readonly authorEmail: string;
  readonly authorWebsite: string;
  readonly isStaff: boolean;
  readonly body: string;
  readonly spamScore: number | null;
  /** Why it was held: the spam checks' phrases, or English sentences stored before they were phrases. */
  readonly spamReasons: readonly Sentence[];
  readonly ipAddress: string | null;
  readonly createdAt: Date;
  readonly article: { readonly id: number; readonly headline: string; readonly slug: string; readonly sectionSlug: string | null };
}

/** The article a comment is posted to, as the comment service needs it. */
export interface CommentableArticle {
  readonly id: number;
  readonly slug: string;
  readonly sectionSlug: string | null;
  readonly headline: string;
  readonly publishedAt: Date;
  readonly commentsOpen: boolean;
  /** Its BCP 47 language; null when it is in the site's. What its commenters are told is in this language when Gazette speaks it. */
  readonly language: string | null;
}

/** Where a comment's article lives, for links in mail and redirects after posting. */
export function articleLocation(article: Pick<CommentableArticle, 'slug' | 'sectionSlug'>): string {
  return articleUrl({ slug: article.slug, section: article.sectionSlug === null ? null : { slug: article.sectionSlug } });
}
