import type { Article, ArticleKind } from './article.ts';

/** The fields a revision keeps, as saved. */
export interface RevisionSnapshot {
  readonly slug: string;
  readonly sectionId: number | null;
  readonly headline: string;
  readonly standfirst: string;
  readonly dateline: string;
  readonly bodyHtml: string;
  readonly featuredMediaId: number | null;
  /** Absent in revisions saved before articles had a social image of their own. */
  readonly socialImageId?: number | null;
  readonly seoTitle: string | null;
  readonly seoDescription: string | null;
  readonly authorIds: readonly number[];
  readonly tagIds: readonly number[];
  /** Absent in revisions saved before the type of work existed. */
  readonly kind?: ArticleKind;
  /** Absent in revisions saved before articles had a language of their own: they were in the site's. */
  readonly language?: string | null;
}

/** The article as it stands, in the shape a revision keeps: what a proposed change is compared with. */
export function snapshotOfArticle(article: Article): RevisionSnapshot {
  return {
    slug: article.slug,
    sectionId: article.section?.id ?? null,
    headline: article.headline,
    standfirst: article.standfirst,
    dateline: article.dateline,
    bodyHtml: article.bodyHtml,
    featuredMediaId: article.image?.id ?? null,
    socialImageId: article.socialImage?.id ?? null,
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    authorIds: article.authors.map((author) => author.id),
    tagIds: article.tags.map((tag) => tag.id),
    kind: article.kind,
    language: article.language,
  };
}
