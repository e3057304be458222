import { contentTags } from '../platform/content-changes.ts';
import { ConflictError, phrase } from '../errors.ts';
import { type Article, isPublished } from './article.ts';
import { type ArticleDeps, getArticle, tagsAffectedBy } from './articles.service.ts';
import { syncSearchDocument } from './search-documents.queries.ts';
import { clearTrashed, deleteTrashedArticle, setTrashed } from './trash.queries.ts';

/**
 * Takes an article off the site (page, lists, search, feeds and sitemaps) and into the trash,
 * whatever its state; a scheduled one will not go live. Cached pages showing it are dropped.
 *
 * @example await trashArticle(deps, 12) // then restoreArticle(deps, 12) brings it back as a draft
 */
export async function trashArticle(deps: ArticleDeps, id: number): Promise<Article> {
  const before = await getArticle(deps.db, id);
  if (before.trashedAt) return before;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await setTrashed(trx, id, now, { wasScheduled: before.status === 'scheduled' });
    await syncSearchDocument(trx, id);
    if (isPublished(before, now)) await deps.events?.record(trx, 'article.trashed', id);
  });
  deps.changes.announce(tagsAffectedBy(before));
  return getArticle(deps.db, id);
}

/** Brings an article back from the trash as a draft; publishing it again is a separate, deliberate step. */
export async function restoreArticle(deps: ArticleDeps, id: number): Promise<Article> {
  const before = await getArticle(deps.db, id);
  if (!before.trashedAt) throw new ConflictError(phrase('refusal.articles.notInTrash'));
  await clearTrashed(deps.db, id);
  deps.changes.announce([contentTags.newsroom]);
  return getArticle(deps.db, id);
}

/**
 * Deletes a trashed article for good, with its revisions, autosaves, corrections, bylines, tags and
 * old addresses. Only what is in the trash can be deleted, so nothing live disappears in one step.
 * @throws ConflictError when the article is not in the trash; NotFoundError
 */
export async function deleteArticleForever(deps: ArticleDeps, id: number): Promise<Article> {
  const before = await getArticle(deps.db, id);
  if (!before.trashedAt || !(await deleteTrashedArticle(deps.db, id))) throw new ConflictError(phrase('refusal.articles.trashBeforeDeleting'));
  deps.changes.announce(tagsAffectedBy(before));
  return before;
}
