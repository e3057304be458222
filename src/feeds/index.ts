export { feedRoutes } from './feeds.routes.ts';
export { sitemapRoutes } from './sitemaps.routes.ts';
