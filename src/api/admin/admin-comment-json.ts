import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { commentStatuses, type ModeratedComment } from '../../comments/index.ts';
import { BadRequestError, sentenceIn } from '../../errors.ts';
import { absoluteUrl, articleUrl } from '../../platform/urls.ts';

// What the Admin API says a comment is: what the newsroom's moderation queue shows a moderator,
// the commenter's email and IP address included, and never more.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const state = (options: { default?: string; description?: string } = {}) =>
  Type.Union(
    commentStatuses.map((name) => Type.Literal(name)),
    options,
  );
/** The longest cursor accepted; those made here are far shorter. */
const cursorMaxLength = 200;

export const AdminCommentJson = Type.Object({
  id: Type.Integer(),
  state: state(),
  article: Type.Object({ id: Type.Integer(), headline: Type.String(), url: Type.String({ description: 'Its public address.' }) }),
  parentId: nullable(Type.Integer({ description: 'The comment this one answers; null at the top of a thread.' })),
  authorName: Type.String(),
  authorEmail: Type.String({ description: 'Empty for a staff reply. Newsroom only: never shown to readers.' }),
  authorWebsite: Type.String(),
  isStaff: Type.Boolean({ description: 'A reply written in the newsroom, shown with a staff badge.' }),
  body: Type.String({ description: 'Plain text, as the commenter wrote it; pages escape it and turn its links and line breaks into HTML.' }),
  spamScore: nullable(Type.Number({ minimum: 0, maximum: 1, description: "The learning filter's estimate that it is spam." })),
  spamReasons: Type.Array(Type.String(), { description: 'Why the checks held it, in English.' }),
  ipAddress: nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
});
export type AdminCommentJson = Static<typeof AdminCommentJson>;

export const CommentListJson = Type.Object({
  comments: Type.Array(AdminCommentJson),
  next: nullable(Type.String({ description: 'Pass as `cursor` for the next page; null on the last. Opaque: use it as it is.' })),
});

export const CommentListQuery = Type.Object({
  state: Type.Optional(state({ default: 'pending', description: 'Which queue: pending (the default), approved, spam or trash.' })),
  article: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: "Only this article's comments (its id)." })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
  cursor: Type.Optional(Type.String({ maxLength: cursorMaxLength, description: 'The `next` of the previous page.' })),
});
export type CommentListQuery = Static<typeof CommentListQuery>;

export const ReplyBody = Type.Object(
  {
    body: Type.String({ maxLength: 20_000, description: 'Plain text, at most 5,000 characters. Published at once, signed with your name and a staff badge.' }),
  },
  { additionalProperties: false, examples: [{ body: 'Thanks — we have corrected the date in the article.' }] },
);
export type ReplyBody = Static<typeof ReplyBody>;

/** The comment service's field names, as the API's JSON calls them. */
export const commentFieldNames: Readonly<Record<string, string>> = { comment: 'body' };

export function adminCommentJson(comment: ModeratedComment, publicUrl: string): AdminCommentJson {
  const { article } = comment;
  const path = articleUrl({ slug: article.slug, section: article.sectionSlug ? { slug: article.sectionSlug } : null });
  return {
    id: comment.id,
    state: comment.status,
    article: { id: article.id, headline: article.headline, url: absoluteUrl(publicUrl, path) },
    parentId: comment.parentId,
    authorName: comment.authorName,
    authorEmail: comment.authorEmail,
    authorWebsite: comment.authorWebsite,
    isStaff: comment.isStaff,
    body: comment.body,
    spamScore: comment.spamScore,
    spamReasons: comment.spamReasons.map((reason) => sentenceIn(reason)),
    ipAddress: comment.ipAddress,
    createdAt: comment.createdAt.toISOString(),
  };
}

// `next` is base64url of JSON naming this list and where the page ended (a time and an id), so a
// page stays right while comments above it are moderated away. Nothing inside it is promised.

const listName = 'admin-comments';
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface QueuePosition {
  readonly createdAt: Date;
  readonly id: number;
}

export function encodeCommentCursor(position: QueuePosition): string {
  return Buffer.from(JSON.stringify([listName, position.createdAt.toISOString(), position.id])).toString('base64url');
}

/** @throws BadRequestError for anything `encodeCommentCursor` did not make. */
export function decodeCommentCursor(cursor: string): QueuePosition {
  let parts: unknown;
  try {
    parts = /^[A-Za-z0-9_-]+$/.test(cursor) ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    parts = undefined;
  }
  if (Array.isArray(parts) && parts.length === 3 && parts[0] === listName) {
    const [, at, id] = parts;
    const createdAt = typeof at === 'string' && isoInstant.test(at) ? new Date(at) : undefined;
    const isRowId = typeof id === 'number' && Number.isInteger(id) && id >= 1 && id <= 2_147_483_647;
    // Only an instant that prints back as written is one made here ("2026-02-30T…" would be March).
    if (createdAt && isRowId && createdAt.toISOString() === at) return { createdAt, id };
  }
  throw new BadRequestError(
    'This cursor is not one the comments list gave out. Pass the `next` of the previous answer as it is, or leave cursor out to start from the top.',
  );
}
