import { can, type User } from '../accounts/index.ts';
import type { Article } from './article.ts';
import type { NewsroomListScope } from './newsroom.queries.ts';

// Who may do what to an article, in one place: the newsroom's routes and the articles service ask here.

/** The rules need only who is acting and their role. */
export type Staff = Pick<User, 'id' | 'role'>;

type Ownership = Pick<Article, 'createdBy'>;

function owns(staff: Staff, article: Ownership): boolean {
  return article.createdBy !== null && article.createdBy === staff.id;
}

/** On the site, or due to go on it by itself: what readers see, or will see without anyone else acting. */
export function isLive(article: Pick<Article, 'status'>): boolean {
  return article.status === 'published' || article.status === 'scheduled';
}

/** Editors and up open any article; authors and contributors only those they started. */
export function canEditArticle(staff: Staff, article: Ownership): boolean {
  return can(staff, 'edit-any-article') || (can(staff, 'edit-own-article') && owns(staff, article));
}

/** Editors and up publish any article, authors their own; `undefined` is an article not saved yet. */
export function canPublishArticle(staff: Staff, article: Ownership | undefined): boolean {
  return can(staff, 'publish-any-article') || (can(staff, 'publish-own-article') && (!article || owns(staff, article)));
}

/** Moving to the trash and restoring from it follow the same rule: editors any article, authors their own. */
export function canTrashArticle(staff: Staff, article: Ownership): boolean {
  return can(staff, 'trash-any-article') || (can(staff, 'trash-own-article') && owns(staff, article));
}

/**
 * Whether an edit by `staff` waits for an editor instead of reaching readers: it does when the
 * article is live and `staff` may not publish it, since saving it would publish their words.
 *
 * @example holdsEditForReview(contributor, publishedArticle) // true: kept as a pending change
 */
export function holdsEditForReview(staff: Staff, article: Ownership & Pick<Article, 'status'>): boolean {
  return isLive(article) && !canPublishArticle(staff, article);
}

/**
 * Which articles the newsroom's lists show `staff`: all of them to those who may edit any; to
 * everyone else, their own work (in any state) and what readers can already see.
 */
export function newsroomListScope(staff: Staff): NewsroomListScope {
  return can(staff, 'edit-any-article') ? { kind: 'everything' } : { kind: 'own-and-published', userId: staff.id };
}

/**
 * Whether a list for `staff` may name `article`: the same rule `newsroomListScope` puts into the
 * newsroom list's SQL, for lists built elsewhere (an image's "where used").
 */
export function isListedFor(staff: Staff, article: Ownership & Pick<Article, 'status'> & { readonly trashed: boolean }): boolean {
  return can(staff, 'edit-any-article') || owns(staff, article) || (article.status === 'published' && !article.trashed);
}
