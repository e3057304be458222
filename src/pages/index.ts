export { pageRoutes } from './pages.routes.tsx';
export { renderPagePreview } from './page-document.tsx';
export type { PageTreeEntry } from './page-tree.ts';
export { findPageIdByOldPath, listPageSummaries, type Page } from './pages.queries.ts';
export { pageAndDescendantIds } from './page-tree.ts';
export {
  deletePage,
  findPageById,
  findPublicPage,
  getPage,
  listPageTree,
  maxPageDepth,
  pagesChanged,
  type PageInput,
  planPageDeletion,
  publicPageUrl,
  savePage,
} from './pages.service.ts';
