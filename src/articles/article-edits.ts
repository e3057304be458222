import { contentTags } from '../platform/content-changes.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { ConflictError, phrase } from '../errors.ts';
import type { Article } from './article.ts';
import { type ArticleDeps, type ArticleInput, getArticle, prepareEdit, savedMeanwhileError, updateArticle } from './articles.service.ts';
import { holdsEditForReview, isLive, type Staff } from './editing-rules.ts';
import { decideChange, findWaitingChange, type PendingChange, replaceWaitingChange } from './pending-changes.queries.ts';

/** Someone else's proposal is waiting: one at a time, so theirs is decided first. */
function otherChangeWaiting(name: string | null): ConflictError {
  return new ConflictError(name === null ? phrase('refusal.articles.otherChangeWaitingUnnamed') : phrase('refusal.articles.otherChangeWaiting', { name }));
}

/** Who is editing, and which version of the article they started from. */
export interface EditOptions {
  readonly editor: Staff;
  /** The article's version when the form was opened; a newer one means someone else saved meanwhile. */
  readonly expectedVersion?: number;
}

/** What became of an edit: saved (readers see it at once if the article was live), or held for review. */
export type EditOutcome =
  | { readonly kind: 'saved'; readonly article: Article; readonly wasLive: boolean }
  | { readonly kind: 'held'; readonly article: Article; readonly change: PendingChange };

/**
 * Every newsroom edit of an existing article comes through here. An edit to a live article by
 * someone who may not publish it (see `holdsEditForReview`) is checked like a save and kept as a
 * pending change: the article, its address, feeds and search stay as readers know them until an
 * editor accepts it. Any other edit is saved at once.
 *
 * @example const outcome = await saveArticleEdit(deps, 12, input, { editor: staff, expectedVersion: 4 })
 * @throws ValidationError, ConflictError (saved meanwhile, or someone else's change is waiting), NotFoundError
 */
export async function saveArticleEdit(deps: ArticleDeps, id: number, input: ArticleInput, options: EditOptions): Promise<EditOutcome> {
  const { editor, expectedVersion } = options;
  const before = await getArticle(deps.db, id);
  if (!holdsEditForReview(editor, before)) {
    const article = await updateArticle(deps, id, input, {
      actorId: editor.id,
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
      // Their own waiting proposal is superseded by what they have now saved.
      alongside: async (trx) => {
        const waiting = await findWaitingChange(trx, id);
        if (waiting?.proposedBy === editor.id) await decideChange(trx, waiting.id, { state: 'withdrawn', at: deps.clock.now(), by: editor.id });
      },
    });
    return { kind: 'saved', article, wasLive: isLive(before) };
  }
  const snapshot = await prepareEdit(deps.db, before, input);
  const change = await deps.db
    .transaction()
    .execute(async (trx) => {
      const current = await getArticle(trx, id);
      if (expectedVersion !== undefined && current.version !== expectedVersion) throw savedMeanwhileError(current);
      const waiting = await findWaitingChange(trx, id);
      if (waiting && waiting.proposedBy !== editor.id) throw otherChangeWaiting(waiting.proposedByName);
      await replaceWaitingChange(trx, { articleId: id, proposedBy: editor.id, proposedAt: deps.clock.now(), baseVersion: current.version, snapshot });
      return (await findWaitingChange(trx, id))!;
    })
    .catch((error: unknown) => {
      // Two saves of the same proposal at once (a double click): the index allows one waiting change.
      if (isUniqueViolation(error)) throw new ConflictError(phrase('refusal.articles.changeSentTwice'));
      throw error;
    });
  deps.changes.announce([contentTags.newsroom]);
  return { kind: 'held', article: before, change };
}
