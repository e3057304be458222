export { CommentSection, type CommentSectionView } from './comment-section-view.tsx';
export { CommentSections, type CommentSectionRequest, type CommentView, commentViewAddress } from './comment-sections.ts';
export { commentLayoutReader } from './comment-layouts.ts';
export { KeptCommentCounts } from './kept-comment-counts.ts';
export { KeptCommentPages } from './kept-comment-pages.ts';
export { commentTextHtml } from './comment-text.tsx';
export { CommentSigner, rememberedCommentsCookie } from './comment-signing.ts';
export type { CommentDeps, CommentEvents } from './comment-deps.ts';
export type { ModeratedComment, PublicComment } from './comment.ts';
export { commentRoutes } from './comments.routes.tsx';
export { listApprovedCommentsPage, listNewestApprovedComments } from './comments.queries.ts';
export { type CommentStatus, commentStatuses } from './comment.table.ts';
export { setArticleCommentsOpen } from './comments.queries.ts';
export {
  type Block,
  countCommentsByStatus,
  countPendingComments,
  deleteBlock,
  findCommenterStanding,
  findModeratedComment,
  listBlocks,
  listModeratedComments,
  readModeratorNotifications,
  setModeratorNotifications,
} from './moderation.queries.ts';
export { addBlock, editComment, type ModerationAction, moderateComments, moderationActions, replyAsStaff, setCommenterBan } from './moderation.service.ts';
export { eraseCommenterData, exportCommenterData } from './privacy.queries.ts';
export { startCommentHousekeeping } from './housekeeping.ts';
export { storeForeignComment, updateForeignComment } from './comment-imports.ts';
