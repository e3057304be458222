export { pageRoutes } from './pages.routes.tsx';
export { findPageById, type PageInput, publicPageUrl, savePage } from './pages.service.ts';
