import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { contentTags } from '../platform/content-changes.ts';
import type { CommentableArticle } from './comment.ts';
import type { CommentDeps } from './comment-deps.ts';
import { type CommentFormValues, validateComment } from './comment-input.ts';
import type { CommentPolicy } from '../settings/index.ts';
import { commentsAreOpen } from './comment-closing.ts';
import { checkFormStamp } from './comment-signing.ts';
import { commentWords } from './comment-words.ts';
import type { Translator } from '../i18n/index.ts';
import { findCommentableArticle, findReplyTarget, hasRecentDuplicate, insertComment, listAncestorIds } from './comments.queries.ts';
import { findCommenterStanding, listBlocks } from './moderation.queries.ts';
import { notifyEditorsOfPendingComment, notifyReplyAlertSubscriber, sendReplyAlertConfirmation } from './notifications.ts';
import { decideCommentStatus, spamTextOf } from './spam-checks.ts';
import { type CorpusTotals, judgeSpam, minimumTrainingDocuments, spamFeatures } from './spam-classifier.ts';
import { readSpamCounts } from './spam-model.queries.ts';

// What the commenter is told on the article page is in the comment section's words (commentWords); these go to error pages.
const messages = {
  noArticle: 'This article does not take comments.',
  closed: 'Comments are closed on this article.',
} as const;

/** The form was rendered too long ago (its stamp expired): it comes back with a fresh stamp. */
export class ExpiredFormError extends ValidationError {}

function isTrained(totals: CorpusTotals): boolean {
  return totals.spamDocuments >= minimumTrainingDocuments && totals.hamDocuments >= minimumTrainingDocuments;
}

/** What the reader sent, beyond the visible fields: the hidden stamp and honeypot, and where it came from. */
export interface CommentSubmission {
  readonly articleId: number;
  readonly parentId: number | null;
  readonly values: CommentFormValues;
  readonly stamp: string;
  readonly honeypot: string;
  readonly ipAddress: string;
  readonly userAgent: string;
}

export interface PostedComment {
  readonly id: number;
  readonly status: 'approved' | 'pending' | 'spam';
  readonly article: CommentableArticle;
  /** Where the reply was attached, which may be higher than asked when the thread is at its depth limit. */
  readonly parentId: number | null;
  /** As stored (cleaned), for showing it back to its author. */
  readonly comment: { readonly authorName: string; readonly authorWebsite: string; readonly body: string; readonly createdAt: Date };
}

/** The article a form posts to, refusing one that is gone or closed. */
export async function getOpenArticle(deps: CommentDeps, articleId: number): Promise<{ article: CommentableArticle; policy: CommentPolicy }> {
  const now = deps.clock.now();
  const article = await findCommentableArticle(deps.db, articleId, now);
  if (!article) throw new NotFoundError(messages.noArticle);
  const policy = deps.settings.current().comments;
  if (!commentsAreOpen(article, policy, now)) throw new ForbiddenError(messages.closed);
  return { article, policy };
}

/** Where a reply attaches: to its parent, or higher up when the parent already sits at the deepest level. */
async function placeReply(deps: CommentDeps, articleId: number, parentId: number, maxDepth: number, words: Translator): Promise<number | null> {
  const parent = await findReplyTarget(deps.db, articleId, parentId);
  if (!parent) throw new ValidationError(words.text('commentForm.replyGone'), { comment: words.text('commentForm.replyGone') });
  const ancestors = await listAncestorIds(deps.db, parent.id, maxDepth + 1);
  const chain = [parent.id, ...ancestors];
  // chain[0] is at depth chain.length; a reply to it would sit one deeper.
  const overflow = Math.max(0, chain.length + 1 - maxDepth);
  return chain[overflow] ?? null;
}

/**
 * Posts a reader's comment: checks every field, runs the spam checks and the policy, stores it as
 * approved, pending or spam, and tells whoever should know. Spam is stored quietly and reported to
 * the sender as awaiting moderation, so robots learn nothing from the answer.
 */
export async function postComment(deps: CommentDeps, submission: CommentSubmission): Promise<PostedComment> {
  const { article, policy } = await getOpenArticle(deps, submission.articleId);
  const words = commentWords(deps.settings, article.language);
  const input = validateComment(submission.values, words);
  const now = deps.clock.now();
  const stamp = checkFormStamp(deps.signer, submission.stamp, article.id, now);
  if (stamp === 'expired') throw new ExpiredFormError(words.text('commentForm.expired'));
  const parentId = submission.parentId === null ? null : await placeReply(deps, article.id, submission.parentId, policy.maxDepth, words);
  if (
    await hasRecentDuplicate(deps.db, { articleId: article.id, email: input.email, body: input.body, since: new Date(now.getTime() - 24 * 60 * 60 * 1000) })
  ) {
    throw new ValidationError(words.text('commentForm.duplicate'), { comment: words.text('commentForm.duplicate') });
  }
  const features = spamFeatures(spamTextOf(input));
  const { counts, totals } = await readSpamCounts(deps.db, features);
  const verdict = judgeSpam(features, counts, totals);
  const decision = decideCommentStatus({
    ...input,
    ipAddress: submission.ipAddress,
    honeypot: submission.honeypot,
    stamp,
    standing: await findCommenterStanding(deps.db, input.email),
    blocks: await listBlocks(deps.db),
    verdict,
    policy,
  });
  const wantsAlerts = input.replyAlerts && decision.status !== 'spam';
  const id = await deps.db.transaction().execute(async (trx) => {
    const commentId = await insertComment(trx, {
      articleId: article.id,
      parentId,
      status: decision.status,
      authorName: input.name,
      authorEmail: input.email,
      authorWebsite: input.website,
      staffUserId: null,
      body: input.body,
      // An untrained filter's 0.5 is no opinion; moderators see no score rather than a misleading one.
      spamScore: isTrained(totals) ? verdict.probability : null,
      spamReasons: decision.reasons,
      ipAddress: submission.ipAddress,
      userAgent: submission.userAgent.slice(0, 300),
      replyAlertsRequested: wantsAlerts,
      createdAt: now,
    });
    // Spam is kept for the filter to learn from, not announced.
    if (decision.status !== 'spam') await deps.events?.record(trx, 'comment.created', commentId);
    return commentId;
  });
  if (decision.status === 'approved') deps.changes.announce([contentTags.article(article.id)]);
  const mail = async () => {
    if (wantsAlerts) await sendReplyAlertConfirmation(deps, { to: input.email, article, commentId: id });
    if (decision.status === 'pending')
      await notifyEditorsOfPendingComment(deps, { article, authorName: input.name, body: input.body, reasons: decision.reasons });
    if (decision.status === 'approved' && parentId !== null)
      await notifyReplyAlertSubscriber(deps, { parentId, replyId: id, replyAuthor: input.name, article });
  };
  mail().catch(deps.onMailError);
  return {
    id,
    status: decision.status,
    article,
    parentId,
    comment: { authorName: input.name, authorWebsite: input.website, body: input.body, createdAt: now },
  };
}
