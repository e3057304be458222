import { contentTags } from '../platform/content-changes.ts';
import { ConflictError, ForbiddenError, NotFoundError, phrase } from '../errors.ts';
import type { Db } from '../db/database.ts';
import type { Article } from './article.ts';
import { type ArticleDeps, getArticle, updateArticle } from './articles.service.ts';
import { canPublishArticle, type Staff } from './editing-rules.ts';
import { decideChange, findChange, findWaitingChange, type PendingChange } from './pending-changes.queries.ts';
import { inputFromSnapshot } from './revisions.ts';

export type { PendingChange };

/** Decided or replaced since the person saw it: they look again. */
const noLongerWaiting = () => new ConflictError(phrase('refusal.articles.changeNoLongerWaiting'));

/** The change waiting for review on this article, if any. */
export function findPendingChange(db: Db, articleId: number): Promise<PendingChange | undefined> {
  return findWaitingChange(db, articleId);
}

/** One proposal on this article, waiting or decided (a decided one stays, for the record). */
export async function getProposedChange(db: Db, articleId: number, changeId: number): Promise<PendingChange> {
  const change = await findChange(db, articleId, changeId);
  if (!change) throw new NotFoundError(phrase('refusal.articles.noSuchChange'));
  return change;
}

async function waitingChangeFor(deps: ArticleDeps, article: Article, editor: Staff, changeId: number): Promise<PendingChange> {
  if (!canPublishArticle(editor, article)) throw new ForbiddenError(phrase('refusal.articles.mayNotDecideChange'));
  const waiting = await findWaitingChange(deps.db, article.id);
  if (!waiting || waiting.id !== changeId) throw noLongerWaiting();
  return waiting;
}

/**
 * Publishes a waiting change through the ordinary save: the same checks, a revision (in the
 * proposer's name), slug history, search document and cached pages dropped. `expectedVersion` is
 * the live version the editor compared it with, so a change reviewed against an older article is
 * refused rather than applied over edits the editor has not seen.
 *
 * @throws ForbiddenError, ConflictError (no longer waiting, or the article was saved meanwhile), ValidationError
 */
export async function acceptPendingChange(
  deps: ArticleDeps,
  articleId: number,
  options: { editor: Staff; changeId: number; expectedVersion: number },
): Promise<{ article: Article; change: PendingChange }> {
  const before = await getArticle(deps.db, articleId);
  const change = await waitingChangeFor(deps, before, options.editor, options.changeId);
  const input = await inputFromSnapshot(deps.db, change.snapshot);
  const article = await updateArticle(deps, articleId, input, {
    actorId: change.proposedBy ?? options.editor.id,
    expectedVersion: options.expectedVersion,
    alongside: async (trx) => {
      if (!(await decideChange(trx, change.id, { state: 'accepted', at: deps.clock.now(), by: options.editor.id }))) throw noLongerWaiting();
    },
  });
  return { article, change };
}

/** Turns a waiting change down; the article is untouched and the proposal is kept, marked rejected. */
export async function rejectPendingChange(deps: ArticleDeps, articleId: number, options: { editor: Staff; changeId: number }): Promise<PendingChange> {
  const article = await getArticle(deps.db, articleId);
  const change = await waitingChangeFor(deps, article, options.editor, options.changeId);
  if (!(await decideChange(deps.db, change.id, { state: 'rejected', at: deps.clock.now(), by: options.editor.id }))) throw noLongerWaiting();
  deps.changes.announce([contentTags.newsroom]);
  return change;
}

/** The proposer takes their waiting change back; it is kept, marked withdrawn. */
export async function withdrawPendingChange(deps: ArticleDeps, articleId: number, options: { editor: Staff; changeId: number }): Promise<PendingChange> {
  const change = await findWaitingChange(deps.db, articleId);
  if (!change) throw new NotFoundError(phrase('refusal.articles.noChangeWaiting'));
  if (change.proposedBy !== options.editor.id) throw new ForbiddenError(phrase('refusal.articles.changeNotYours'));
  if (change.id !== options.changeId) throw noLongerWaiting();
  if (!(await decideChange(deps.db, change.id, { state: 'withdrawn', at: deps.clock.now(), by: options.editor.id }))) throw noLongerWaiting();
  deps.changes.announce([contentTags.newsroom]);
  return change;
}
