import ipaddr from 'ipaddr.js';
import type { Db } from '../db/database.ts';
import { phrase, ValidationError } from '../errors.ts';
import { contentTags } from '../platform/content-changes.ts';
import type { BlockKind, CommentStatus } from './comment.table.ts';
import { validateComment } from './comment-input.ts';
import type { Translator } from '../i18n/index.ts';
import { normaliseEmailAddress } from '../platform/email-address.ts';
import { findCommentableArticle, insertComment } from './comments.queries.ts';
import { articleLocation } from './comment.ts';
import type { CommentDeps } from './comment-deps.ts';
import {
  findModeratedComment,
  insertBlock,
  setCommenterStanding,
  setCommentStatus,
  setTrainedAs,
  type StatusChange,
  updateCommentText,
} from './moderation.queries.ts';
import { notifyReplyAlertSubscriber } from './notifications.ts';
import { spamTextOf } from './spam-checks.ts';
import { type SpamLabel, spamFeatures } from './spam-classifier.ts';
import { teachSpamModel } from './spam-model.queries.ts';
import { hasControlCharacters } from '../platform/control-characters.ts';

export type ModerationAction = 'approve' | 'spam' | 'trash' | 'restore';
export const moderationActions: readonly ModerationAction[] = ['approve', 'spam', 'trash', 'restore'];

const targetStatus: Record<ModerationAction, CommentStatus> = { approve: 'approved', spam: 'spam', trash: 'trash', restore: 'pending' };

/** A moderator, as the comment capability needs to know one. */
export interface Moderator {
  readonly id: number;
  readonly name: string;
}

const messages = {
  nothingChosen: phrase('refusal.moderation.nothingChosen'),
  blockInvalid: phrase('refusal.moderation.blockInvalid'),
  replyGone: phrase('refusal.moderation.replyGone'),
};

/** What a moderator's decision teaches the learning filter: approving is "not spam", marking spam is "spam". */
function lessonOf(status: CommentStatus): SpamLabel | null {
  if (status === 'approved') return 'ham';
  if (status === 'spam') return 'spam';
  return null;
}

async function teach(db: Db, change: StatusChange, lesson: SpamLabel | null): Promise<void> {
  if (lesson === null || lesson === change.trainedAs) return;
  const features = spamFeatures(spamTextOf({ name: change.authorName, website: change.authorWebsite, body: change.body }));
  if (change.trainedAs) await teachSpamModel(db, features, change.trainedAs, -1);
  await teachSpamModel(db, features, lesson, 1);
  await setTrainedAs(db, change.id, lesson);
}

/**
 * Applies one decision to many comments at once, teaches the learning filter from it, trusts a
 * commenter whose comment was approved (for the "hold first comment" policy) and drops the pages
 * that show them.
 */
export async function moderateComments(deps: CommentDeps, moderator: Moderator, ids: readonly number[], action: ModerationAction): Promise<number> {
  if (ids.length === 0) throw new ValidationError(messages.nothingChosen);
  const status = targetStatus[action];
  const now = deps.clock.now();
  const changes = await deps.db.transaction().execute(async (trx) => {
    const changed = await setCommentStatus(trx, ids, status, moderator.id, now);
    for (const change of changed) {
      await teach(trx, change, lessonOf(status));
      if (status === 'approved' && change.authorEmail !== '') await setCommenterStanding(trx, change.authorEmail, { trusted: true }, now);
      if (status === 'approved' && change.from !== 'approved') await deps.events?.record(trx, 'comment.approved', change.id);
    }
    return changed;
  });
  const articleIds = new Set(changes.filter((change) => change.from === 'approved' || status === 'approved').map((change) => change.articleId));
  deps.changes.announce([...articleIds].map(contentTags.article));
  if (status === 'approved') {
    for (const change of changes.filter((item) => item.from !== 'approved' && item.parentId !== null)) {
      void notifyNewlyApprovedReply(deps, change);
    }
  }
  return changes.length;
}

async function notifyNewlyApprovedReply(deps: CommentDeps, change: StatusChange): Promise<void> {
  try {
    const comment = await findModeratedComment(deps.db, change.id);
    const article = await findCommentableArticle(deps.db, change.articleId, deps.clock.now());
    if (!comment || !article || change.parentId === null) return;
    await notifyReplyAlertSubscriber(deps, { parentId: change.parentId, replyId: change.id, replyAuthor: comment.authorName, article });
  } catch (error) {
    deps.onMailError(error);
  }
}

/**
 * A moderator's correction of a comment's name, website or text (e.g. removing a phone number).
 * `formWords` are the comment form's words the checks' messages are written in: the newsroom's language's.
 */
export async function editComment(
  deps: CommentDeps,
  id: number,
  values: { name: string; website: string; comment: string },
  formWords: Translator,
): Promise<void> {
  // The same checks as readers' comments, with a placeholder email: moderators never edit that.
  const input = validateComment({ ...values, email: 'kept@example.com', replyAlerts: false }, formWords);
  const articleId = await updateCommentText(deps.db, id, { authorName: input.name, authorWebsite: input.website, body: input.body }, deps.clock.now());
  if (articleId !== undefined) deps.changes.announce([contentTags.article(articleId)]);
}

/** A reply signed by the newsroom, published at once with a staff badge; its text is checked in `formWords` as editComment's. */
export async function replyAsStaff(
  deps: CommentDeps,
  moderator: Moderator,
  parentId: number,
  text: string,
  formWords: Translator,
): Promise<{ id: number; location: string }> {
  const parent = await findModeratedComment(deps.db, parentId);
  const article = parent ? await findCommentableArticle(deps.db, parent.articleId, deps.clock.now()) : undefined;
  if (!parent || !article) throw new ValidationError(messages.replyGone);
  const input = validateComment({ name: moderator.name, email: 'staff@example.com', website: '', comment: text, replyAlerts: false }, formWords);
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const replyId = await insertComment(trx, {
      articleId: article.id,
      // Staff replies sit under the comment they answer, even past the depth limit readers have.
      parentId: parent.id,
      status: 'approved',
      authorName: input.name,
      authorEmail: '',
      authorWebsite: '',
      staffUserId: moderator.id,
      body: input.body,
      spamScore: null,
      spamReasons: [],
      ipAddress: null,
      userAgent: null,
      replyAlertsRequested: false,
      createdAt: now,
    });
    await deps.events?.record(trx, 'comment.created', replyId);
    return replyId;
  });
  if (parent.status !== 'approved') await moderateComments(deps, moderator, [parent.id], 'approve');
  deps.changes.announce([contentTags.article(article.id)]);
  void notifyReplyAlertSubscriber(deps, { parentId: parent.id, replyId: id, replyAuthor: input.name, article }).catch(deps.onMailError);
  return { id, location: `${articleLocation(article)}#comment-${id}` };
}

/** Bans or un-bans a commenter by email; a ban sends everything they post to spam. */
export async function setCommenterBan(deps: CommentDeps, email: string, banned: boolean): Promise<void> {
  await setCommenterStanding(deps.db, normaliseEmailAddress(email), banned ? { banned: true, trusted: false } : { banned: false }, deps.clock.now());
}

/** Reads what a moderator typed into the block list: a word, an email, or an IP address or CIDR range. */
export function parseBlock(kind: string, pattern: string): { kind: BlockKind; pattern: string } {
  const value = pattern.normalize('NFC').trim();
  if (value === '' || value.length > 200 || hasControlCharacters(value, 'line'))
    throw new ValidationError(messages.blockInvalid, { pattern: messages.blockInvalid });
  if (kind === 'email' && /^[^\s@]+@[^\s@]+$/.test(value)) return { kind, pattern: normaliseEmailAddress(value) };
  if (kind === 'ip' && isIpPattern(value)) return { kind, pattern: value };
  if (kind === 'word') return { kind, pattern: value };
  throw new ValidationError(messages.blockInvalid, { pattern: messages.blockInvalid });
}

function isIpPattern(value: string): boolean {
  return value.includes('/') ? isValidCidr(value) : ipaddr.isValid(value);
}

function isValidCidr(value: string): boolean {
  try {
    ipaddr.parseCIDR(value);
    return true;
  } catch {
    return false;
  }
}

export async function addBlock(deps: CommentDeps, moderator: Moderator, kind: string, pattern: string): Promise<void> {
  const block = parseBlock(kind, pattern);
  await insertBlock(deps.db, { ...block, by: moderator.id, at: deps.clock.now() });
}
