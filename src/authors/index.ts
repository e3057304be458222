export { findAuthorById, findAuthorBySlug, listAuthors, type Author } from './authors.queries.ts';
export { authorRoutes } from './authors.routes.ts';
export { createAuthor, updateAuthor } from './authors.service.ts';
