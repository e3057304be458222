export { createTag, deleteUnusedTag, findOrCreateTag, findOrCreateTags, suggestTags, tagSuggestionTextLimit, updateTag } from './tags.service.ts';
export { findTagById, findTagBySlug, listTagsByIds, listTagsWithCounts, type Tag } from './tags.queries.ts';
export { tagRoutes } from './tags.routes.ts';
