export { findAuthorBySlug, listAuthors, type Author } from './authors.queries.ts';
export { authorRoutes } from './authors.routes.ts';
export { createAuthor } from './authors.service.ts';
