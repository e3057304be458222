import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { commentStatuses, type ModeratedComment } from '../../comments/index.ts';
import { sentenceIn } from '../../errors.ts';
import { cursorMaxLength } from '../cursors.ts';
import { absoluteUrl, articleUrl } from '../../platform/urls.ts';

// What the Admin API says a comment is: what the newsroom's moderation queue shows a moderator,
// the commenter's email and IP address included, and never more.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const state = (options: { default?: string; description?: string } = {}) =>
  Type.Union(
    commentStatuses.map((name) => Type.Literal(name)),
    options,
  );

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
