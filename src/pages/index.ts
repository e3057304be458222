export { pageRoutes } from './pages.routes.tsx';
export { renderPagePreview } from './page-document.tsx';
export type { PageTreeEntry } from './page-tree.ts';
export type { Page } from './pages.queries.ts';
export { pageAndDescendantIds } from './page-tree.ts';
export {
  deletePage,
  findPageById,
  getPage,
  listPageTree,
  maxPageDepth,
  type PageInput,
  planPageDeletion,
  publicPageUrl,
  savePage,
} from './pages.service.ts';
