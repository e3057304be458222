export { findAuthorById, findAuthorBySlug, listAuthors } from './authors.queries.ts';
export { authorRoutes } from './authors.routes.ts';
export { createAuthor, updateAuthor } from './authors.service.ts';
