export { deleteUnusedTag, findOrCreateTag, updateTag } from './tags.service.ts';
export { findTagBySlug, listTagsWithCounts, type Tag } from './tags.queries.ts';
export { tagRoutes } from './tags.routes.ts';
