export type { Article, ArticleIndexEntry, ArticleKind, Correction, ArticleScope, ArticleSummary, PublishedArticle, PublishedCollection } from './article.ts';
export { articleRoutes, renderArticleDocument, renderArticlePageById } from './articles.routes.tsx';
export type { NewsroomArticleRow, NewsroomListScope, NewsroomView } from './newsroom.queries.ts';
export { deleteArticleForever, restoreArticle, trashArticle } from './trash.service.ts';
export { loadNewsroomArticlePage, lookUpArticle } from './articles.reader.ts';
export {
  createArticle,
  getArticle,
  publishArticle,
  unpublishArticle,
  updateArticle,
  type ArticleDeps,
  type ArticleInput,
} from './articles.service.ts';
export { serveCollectionPage, type Collection } from './collection-route.tsx';
export { storiesPerPage, type ReaderDeps } from './reader-deps.ts';
export * from './urls.ts';
export { tagsOfSummaries } from './article-teaser.ts';
export { feedLinks, feedMediaTypes, feedTitle } from './feed-links.ts';
export { listArticleIndexEntries, listPublicationTimes, listPublishedArticles, listPublishedCollections } from './articles.queries.ts';
export { nextScheduledTime, publishDueArticles, requestReview, type SaveOptions } from './articles.service.ts';
export { startPublishingScheduler } from './scheduler.ts';
export { listArticleRevisions, loadSnapshotNames, restoreRevision, snapshotOfArticle, type Revision, type RevisionSnapshot, type SnapshotNames } from './revisions.ts';
export { type ChecklistItem, prepublishChecklist } from './prepublish-checklist.ts';
export { joinNames, toStoryTeaser } from './article-teaser.ts';
export { listPublishedSummaries, listPublishedSummariesByIds } from './articles.queries.ts';
export { rebuildSearchDocuments } from './search-documents.queries.ts';
export { addCorrection } from './corrections.service.ts';
export { articleKindNames } from './article-kinds.ts';
export { correctionsRoutes } from './corrections.routes.tsx';
export { type Autosave, type AutosaveOutcome, autosaveArticle, discardUnsavedDraft, findUnsavedDraft, listRecentOtherEditors } from './autosaves.ts';
export { canEditArticle, canPublishArticle, canTrashArticle, holdsEditForReview, isListedFor, isLive, newsroomListScope, type Staff } from './editing-rules.ts';
export { type EditOutcome, saveArticleEdit } from './article-edits.ts';
export { acceptPendingChange, findPendingChange, getProposedChange, type PendingChange, rejectPendingChange, withdrawPendingChange } from './pending-changes.ts';
