import type { ArticleKind } from './article.ts';

/** How each type of work is labelled for readers (news carries no label) and typed for search engines. */
export const articleKinds: Readonly<Record<ArticleKind, { readonly label: string; readonly schemaType: string }>> = {
  news: { label: '', schemaType: 'ReportageNewsArticle' },
  analysis: { label: 'Analysis', schemaType: 'AnalysisNewsArticle' },
  opinion: { label: 'Opinion', schemaType: 'OpinionNewsArticle' },
  review: { label: 'Review', schemaType: 'ReviewNewsArticle' },
  sponsored: { label: 'Sponsored: paid content', schemaType: 'AdvertiserContentArticle' },
};

export const articleKindNames: Readonly<Record<ArticleKind, string>> = {
  news: 'News',
  analysis: 'Analysis',
  opinion: 'Opinion',
  review: 'Review',
  sponsored: 'Sponsored (paid content)',
};
