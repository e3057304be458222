export {
  type Author,
  findAuthorById,
  findAuthorBySlug,
  findAuthorIdForUser,
  listAuthorNames,
  listAuthors,
  listAuthorsByIds,
  listAuthorsForLinking,
} from './authors.queries.ts';
export { authorRoutes } from './authors.routes.ts';
export { createAuthor, createAuthorForUser, deleteUnusedAuthor, linkAuthorToUser, updateAuthor } from './authors.service.ts';
