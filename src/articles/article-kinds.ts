import type { MessageKey } from '../i18n/index.ts';
import type { ArticleKind } from './article.ts';

/** How each type of work is labelled for readers (news carries no label) and typed for search engines. */
export const articleKinds: Readonly<Record<ArticleKind, { readonly label: MessageKey | null; readonly schemaType: string }>> = {
  news: { label: null, schemaType: 'ReportageNewsArticle' },
  analysis: { label: 'story.kind.analysis', schemaType: 'AnalysisNewsArticle' },
  opinion: { label: 'story.kind.opinion', schemaType: 'OpinionNewsArticle' },
  review: { label: 'story.kind.review', schemaType: 'ReviewNewsArticle' },
  sponsored: { label: 'story.kind.sponsored', schemaType: 'AdvertiserContentArticle' },
};

export const articleKindNames: Readonly<Record<ArticleKind, string>> = {
  news: 'News',
  analysis: 'Analysis',
  opinion: 'Opinion',
  review: 'Review',
  sponsored: 'Sponsored (paid content)',
};
