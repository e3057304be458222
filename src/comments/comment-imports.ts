import type { Db } from '../db/database.ts';
import { toTimestamp } from '../db/row-values.ts';
import { replaceControlCharacters } from '../platform/control-characters.ts';
import { normaliseEmailAddress } from '../platform/email-address.ts';
import { htmlToText } from '../render/sanitize.ts';
import type { CommentStatus } from './comment.table.ts';
import { commentLimits } from './comment-input.ts';
import { insertComment } from './comments.queries.ts';
import { setTrainedAs } from './moderation.queries.ts';
import { spamTextOf } from './spam-checks.ts';
import { spamFeatures } from './spam-classifier.ts';
import { teachSpamModel } from './spam-model.queries.ts';

/**
 * Comments from another system keep their words even past the limit a reader's form has, up to this:
 * an archive is not the place to cut an old comment short.
 */
const importedBodyLimit = 50_000;

/** A comment as another system stored it; every field is untrusted. */
export interface ForeignComment {
  readonly articleId: number;
  readonly parentId: number | null;
  readonly status: CommentStatus;
  readonly name: string;
  readonly email: string;
  readonly website: string;
  /** HTML as WordPress and Disqus keep it: paragraphs and a few inline tags. */
  readonly bodyHtml: string;
  readonly createdAt: Date;
  readonly ipAddress: string | null;
}

/** What was changed to store the comment, for the import's report. */
export type CommentAdjustment = 'name-shortened' | 'body-shortened' | 'website-dropped' | 'email-dropped' | 'empty-body';

function cleanLine(text: string, limit: number): string {
  return replaceControlCharacters(text, 'line', ' ').replace(/\s+/g, ' ').trim().slice(0, limit);
}

/** Paragraphs become blank lines, as a reader would have typed them; tags and entities go. */
export function commentTextFromHtml(html: string): string {
  const paragraphs = html
    .replace(/\r\n?/g, '\n')
    .split(/<\/p>|<br\s*\/?>\s*<br\s*\/?>|\n{2,}/i)
    .map((part) => replaceControlCharacters(htmlToText(part.replace(/<br\s*\/?>/gi, ' ')), 'lines', ' ').trim())
    .filter(Boolean);
  return paragraphs.join('\n\n');
}

function cleanForeignComment(comment: ForeignComment) {
  const adjustments: CommentAdjustment[] = [];
  const name = cleanLine(comment.name, commentLimits.name) || 'Anonymous';
  if (comment.name.trim().length > commentLimits.name) adjustments.push('name-shortened');
  const email = normaliseEmailAddress(comment.email);
  const emailKept = /^[^@\s]+@[^@\s]+$/.test(email) ? email : '';
  if (comment.email.trim() !== '' && emailKept === '') adjustments.push('email-dropped');
  const website = cleanLine(comment.website, commentLimits.website);
  const websiteKept = /^https?:\/\/[^\s]+$/i.test(website) ? website : '';
  if (website !== '' && websiteKept === '') adjustments.push('website-dropped');
  const text = commentTextFromHtml(comment.bodyHtml);
  if (text.length > importedBodyLimit) adjustments.push('body-shortened');
  if (text === '') adjustments.push('empty-body');
  return { name, email: emailKept, website: websiteKept, body: text.slice(0, importedBodyLimit), adjustments };
}

/** What moderators' decisions teach the learning filter; an imported archive's decisions teach it the same. */
function lessonOf(status: CommentStatus): 'spam' | 'ham' | null {
  return status === 'approved' ? 'ham' : status === 'spam' ? 'spam' : null;
}

/**
 * Stores a comment brought from another system with its state, thread and date. The import
 * decides the status (the old site's moderators already did); approved and spam comments teach the
 * learning filter, as a moderator's decision would.
 */
export async function storeForeignComment(db: Db, comment: ForeignComment): Promise<{ id: number; adjustments: CommentAdjustment[] }> {
  const clean = cleanForeignComment(comment);
  const lesson = lessonOf(comment.status);
  const id = await insertComment(db, {
    articleId: comment.articleId,
    parentId: comment.parentId,
    status: comment.status,
    authorName: clean.name,
    authorEmail: clean.email,
    authorWebsite: clean.website,
    staffUserId: null,
    body: clean.body,
    spamScore: null,
    spamReasons: [],
    ipAddress: comment.ipAddress,
    userAgent: null,
    replyAlertsRequested: false,
    createdAt: comment.createdAt,
    trainedAs: lesson,
  });
  if (lesson) await teachSpamModel(db, spamFeatures(spamTextOf(clean)), lesson, 1);
  return { id, adjustments: clean.adjustments };
}

/** Brings an imported comment up to date with its source (a second run of the same import). */
export async function updateForeignComment(db: Db, id: number, comment: ForeignComment): Promise<{ adjustments: CommentAdjustment[] }> {
  const clean = cleanForeignComment(comment);
  const before = await db.selectFrom('comments').select(['trained_as', 'author_name', 'author_website', 'body']).where('id', '=', id).executeTakeFirst();
  await db
    .updateTable('comments')
    .set({
      parent_id: comment.parentId,
      status: comment.status,
      author_name: clean.name,
      author_email: clean.email,
      author_website: clean.website,
      body: clean.body,
      created_at: toTimestamp(comment.createdAt),
    })
    .where('id', '=', id)
    .execute();
  // The filter unlearns the comment as it was and learns it as it is now.
  const lesson = lessonOf(comment.status);
  if (before?.trained_as) {
    await teachSpamModel(db, spamFeatures(spamTextOf({ name: before.author_name, website: before.author_website, body: before.body })), before.trained_as, -1);
  }
  if (lesson) await teachSpamModel(db, spamFeatures(spamTextOf(clean)), lesson, 1);
  await setTrainedAs(db, id, lesson);
  return { adjustments: clean.adjustments };
}
