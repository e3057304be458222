export { findOrCreateTag } from './tags.service.ts';
export { findTagBySlug, type Tag } from './tags.queries.ts';
export { tagRoutes } from './tags.routes.ts';
