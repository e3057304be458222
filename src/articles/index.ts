export type { Article, ArticleIndexEntry, ArticleKind, Correction, ArticleScope, ArticleSummary, PublishedArticle } from './article.ts';
export { isPublished } from './article.ts';
export { articleRoutes } from './articles.routes.tsx';
export { oembedRoutes } from './oembed.routes.ts';
export { renderArticlePageById } from './article-document.tsx';
export { deleteArticleForever, restoreArticle, trashArticle } from './trash.service.ts';
export { keepRelatedPicks, loadNewsroomArticlePage, lookUpArticle } from './articles.reader.ts';
export { KeptSummaries, type SummariesByIds } from './kept-summaries.ts';
export { keepHomeStoryIds } from './home-stories.queries.ts';
export {
  createArticle,
  getArticle,
  publishArticle,
  unpublishArticle,
  updateArticle,
  type ArticleDeps,
  type ArticleEvents,
  type ArticleInput,
} from './articles.service.ts';
export { serveCollectionPage } from './collection-route.tsx';
export type { CollectionDeps, ReaderDeps } from './reader-deps.ts';
export { CollectionCounts } from './collection-counts.ts';
export { NewsroomCounts } from './newsroom-counts.ts';
export { tagsOfSummaries } from './article-teaser.ts';
export { feedMediaTypes, feedTitle } from './feed-links.ts';
export { listArticleIndexEntries, listPublicationTimes, listPublishedArticles } from './articles.queries.ts';
export { type CollectionCount, listPublishedCollectionCounts, listPublishedCollections } from './published-collections.queries.ts';
export { publishDueArticles, requestReview } from './articles.service.ts';
export { startPublishingScheduler } from './scheduler.ts';
export { listArticleRevisions, loadSnapshotNames, restoreRevision, type SnapshotNames } from './revisions.ts';
export { snapshotOfArticle, type RevisionSnapshot } from './revision-snapshot.ts';
export { type ChecklistItem, prepublishChecklist } from './prepublish-checklist.ts';
export { bodyStats } from './reading-time.ts';
export { toStoryTeaser } from './article-teaser.ts';
export { listPublishedSummaries, listPublishedSummariesByIds } from './articles.queries.ts';
export {
  findPublishedArticleById,
  listPublishedArticlesPage,
  listPublishedSummariesPage,
  type PublishedFilters,
  type PublishedPageOptions,
} from './articles.queries.ts';
export { rebuildSearchDocuments } from './search-documents.queries.ts';
export { addCorrection } from './corrections.service.ts';
export { articleKindNames } from './article-kinds.ts';
export { languageChoices } from './article-languages.ts';
export { correctionsRoutes } from './corrections.routes.tsx';
export { autosaveArticle, discardUnsavedDraft, findUnsavedDraft, listRecentOtherEditors } from './autosaves.ts';
export { canEditArticle, canPublishArticle, canTrashArticle, holdsEditForReview, isListedFor, isLive, newsroomListScope, type Staff } from './editing-rules.ts';
export { type EditOutcome, saveArticleEdit } from './article-edits.ts';
export {
  acceptPendingChange,
  findPendingChange,
  getProposedChange,
  type PendingChange,
  rejectPendingChange,
  withdrawPendingChange,
} from './pending-changes.ts';
export { type ImportedState, saveImportedArticle } from './article-imports.ts';
export { pinArticle } from './pinning.ts';
export { previewStatusOf, renderArticlePreview, timeLabel } from './article-preview.ts';
export { renderPhonePreviewPage, renderPreviewBanner, type TimeLabel } from './preview-banner.tsx';
export { allowFramingBySameOrigin, allowFramingOwnPages } from './preview-framing.ts';
export {
  createPreviewLink,
  defaultPreviewLinkLifetime,
  listWorkingPreviewLinks,
  previewLinkLifetimes,
  revokePreviewLink,
  sharedPreviewPath,
} from './preview-links.ts';
export { PreviewQuery, sharedPreviewRoutes } from './shared-preview.routes.ts';
