export { deleteUnusedTag, findOrCreateTag, findOrCreateTags, suggestTags, tagSuggestionTextLimit, updateTag } from './tags.service.ts';
export { findTagById, findTagBySlug, listTagsWithCounts } from './tags.queries.ts';
export { tagRoutes } from './tags.routes.ts';
