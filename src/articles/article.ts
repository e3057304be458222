import type { ArticleStatus } from './article.table.ts';

export type { ArticleStatus };

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
}

/** A whole article in any state; `publishedAt` is null until it is first published. */
export interface Article extends Omit<ArticleSummary, 'publishedAt'> {
  readonly status: ArticleStatus;
  readonly dateline: string;
  readonly bodyHtml: string;
  readonly tags: readonly TagRef[];
  readonly seoTitle: string | null;
  readonly seoDescription: string | null;
  readonly createdAt: Date;
  readonly publishedAt: Date | null;
}

export interface PublishedArticle extends Article {
  readonly publishedAt: Date;
}

/** Which published articles a list shows. */
export type ArticleScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'section'; readonly sectionId: number }
  | { readonly kind: 'tag'; readonly tagId: number }
  | { readonly kind: 'author'; readonly authorId: number };
