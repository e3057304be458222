export type { CommentPolicy, CommentModeration, CommentOrder } from './comment-policy.ts';
export { commentModerations, commentPolicyLimits, defaultCommentPolicy } from './comment-policy.ts';
export { CommentSection, type CommentSectionView } from './comment-section.tsx';
export { CommentSections, type CommentSectionRequest, type LoadedCommentSection } from './comment-sections.ts';
export { CommentSigner, readRememberedComments, rememberedCommentsCookie } from './comment-signing.ts';
export type { CommentDeps } from './comments.service.ts';
export type { ModeratedComment, PublicComment } from './comment.ts';
export { commentRoutes } from './comments.routes.tsx';
export { listPublicComments } from './comments.queries.ts';
