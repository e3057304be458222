export { findAuthorById, findAuthorBySlug, findAuthorIdForUser, listAuthors, listAuthorsForLinking } from './authors.queries.ts';
export { authorRoutes } from './authors.routes.ts';
export { createAuthor, createAuthorForUser, linkAuthorToUser, updateAuthor } from './authors.service.ts';
