import type { CommentPolicy } from '../settings/index.ts';

/** When the policy closes an article's comments by age; undefined when it never does. */
export function closingTime(article: { readonly publishedAt: Date }, policy: CommentPolicy): Date | undefined {
  return policy.closeAfterDays === 0 ? undefined : new Date(article.publishedAt.getTime() + policy.closeAfterDays * 24 * 60 * 60 * 1000);
}

/** Whether readers may comment on an article now: its own switch, then the policy's age limit. */
export function commentsAreOpen(article: { readonly commentsOpen: boolean; readonly publishedAt: Date }, policy: CommentPolicy, now: Date): boolean {
  if (!article.commentsOpen) return false;
  const closes = closingTime(article, policy);
  return closes === undefined || now < closes;
}
