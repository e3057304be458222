import type { ArticleKind, ArticleStatus } from './article.table.ts';
import type { Correction } from './corrections.queries.ts';

export type { ArticleKind, ArticleStatus, Correction };

export interface SectionRef {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
}

export interface TagRef {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
}

export interface AuthorRef {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly jobTitle: string;
}

/** The featured photo as articles use it. */
export interface ArticleImage {
  readonly id: number;
  readonly storageKey: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
}

/** A published article as lists show it. */
export interface ArticleSummary {
  readonly id: number;
  readonly slug: string;
  readonly headline: string;
  readonly standfirst: string;
  readonly section: SectionRef | null;
  readonly authors: readonly AuthorRef[];
  readonly image: ArticleImage | null;
  readonly publishedAt: Date;
  readonly updatedAt: Date;
  /** Approved comments. */
  readonly commentCount: number;
  /** Canonical BCP 47 tag ("ar", "ko", "en-GB"); null when the article is in the site's language. */
  readonly language: string | null;
}

/** A published article as the sitemaps list it: where it lives, when, and its photo. */
export interface ArticleIndexEntry {
  readonly id: number;
  readonly slug: string;
  readonly headline: string;
  readonly section: SectionRef | null;
  readonly image: ArticleImage | null;
  readonly publishedAt: Date;
  readonly updatedAt: Date;
}

/** A section, tag or author with published articles, and when the newest of them last changed. */
export interface PublishedCollection {
  readonly id: number;
  readonly slug: string;
  readonly lastModified: Date;
}

/** A whole article in any state; `publishedAt` is null until it is first published. */
export interface Article extends Omit<ArticleSummary, 'publishedAt'> {
  readonly status: ArticleStatus;
  readonly dateline: string;
  readonly bodyHtml: string;
  readonly tags: readonly TagRef[];
  readonly seoTitle: string | null;
  readonly seoDescription: string | null;
  /** What social networks show instead of the featured photo; null shows the featured photo. */
  readonly socialImage: ArticleImage | null;
  readonly createdAt: Date;
  readonly publishedAt: Date | null;
  /** The staff member who started it; authors and contributors may edit only their own. */
  readonly createdBy: number | null;
  /** Set while a draft waits for an editor's review. */
  readonly reviewRequestedAt: Date | null;
  /** When it was moved to the trash; null while it is not there. A trashed article is a draft. */
  readonly trashedAt: Date | null;
  /** When an editor pinned it as the home page's lead; null when not pinned. */
  readonly pinnedAt: Date | null;
  /** Goes up with every save; an editor saving from an older version is told, not overwritten. */
  readonly version: number;
  readonly kind: ArticleKind;
  /** Off when an editor closed this article's comments; the site's policy may also close them by age. */
  readonly commentsOpen: boolean;
  /** Dated corrections and updates, oldest first. */
  readonly corrections: readonly Correction[];
}

export interface PublishedArticle extends Article {
  readonly publishedAt: Date;
}

/**
 * The one "published" rule: readers see an article once it is published and its publication time
 * has come, and never while it is in the trash. Queries apply the same rule in SQL; this is what
 * lets their rows be typed as published without a cast.
 */
export function isPublished(article: Article, now: Date): article is PublishedArticle {
  return article.status === 'published' && article.trashedAt === null && article.publishedAt !== null && article.publishedAt <= now;
}

/** Which published articles a list shows. */
export type ArticleScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'section'; readonly sectionId: number }
  | { readonly kind: 'tag'; readonly tagId: number }
  | { readonly kind: 'author'; readonly authorId: number };
