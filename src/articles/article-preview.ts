import { type DateStyle, formatDateTime } from '../render/dates.ts';
import type { SafeHtml } from '../render/safe-html.ts';
import type { Article, PublishedArticle } from './article.ts';
import { type ArticleDocumentDeps, renderArticleDocument } from './article-document.tsx';
import type { PreviewBannerData, TimeLabel } from './preview-banner.tsx';

const messages = {
  notPublished: 'Not published',
  published: 'Published',
  draft: 'Draft',
  inReview: 'In review',
  scheduledFor: 'Scheduled for',
  savedVersion: 'Preview of your saved version',
  trashed: 'In the trash',
};

/** Where an article stands, as its preview's banner says it. */
export type PreviewStatus = { readonly kind: 'draft' | 'in-review' | 'published' | 'trashed' } | { readonly kind: 'scheduled'; readonly at: Date };

export function previewStatusOf(article: Article): PreviewStatus {
  if (article.trashedAt !== null) return { kind: 'trashed' };
  if (article.status === 'published') return { kind: 'published' };
  if (article.status === 'scheduled' && article.publishedAt !== null) return { kind: 'scheduled', at: article.publishedAt };
  return { kind: article.reviewRequestedAt !== null ? 'in-review' : 'draft' };
}

export function timeLabel(date: Date, style: DateStyle): TimeLabel {
  return { iso: date.toISOString(), label: formatDateTime(date, style) };
}

/** The banner's first line for `status`; times in the site's time zone. */
export function describePreviewStatus(status: PreviewStatus, style: DateStyle): Pick<PreviewBannerData, 'heading' | 'status' | 'time'> {
  switch (status.kind) {
    case 'published':
      return { heading: messages.published, status: messages.savedVersion };
    case 'scheduled':
      return { heading: messages.notPublished, status: messages.scheduledFor, time: timeLabel(status.at, style) };
    case 'in-review':
      return { heading: messages.notPublished, status: messages.inReview };
    case 'trashed':
      return { heading: messages.notPublished, status: messages.trashed };
    case 'draft':
      return { heading: messages.notPublished, status: messages.draft };
  }
}

/**
 * The reader page of `article` as saved now, whatever its state, with `banner` on top (none inside
 * the phone view's frame). Only a published or scheduled article shows a publication time: a draft
 * has none yet, and "now" would mislead.
 */
export async function renderArticlePreview(article: Article, deps: ArticleDocumentDeps, now: Date, banner: SafeHtml | undefined): Promise<string> {
  const status = previewStatusOf(article);
  // The reader page needs a publication time for what it does not show (related stories, comment closing).
  const asPublished: PublishedArticle = { ...article, publishedAt: article.publishedAt ?? now };
  const showPublicationTime = status.kind === 'published' || status.kind === 'scheduled';
  const { html } = await renderArticleDocument(asPublished, deps, now, {}, { ...(banner ? { previewBanner: banner } : {}), showPublicationTime });
  return html;
}
