export { feedRoutes } from './feeds.routes.ts';
export { sitemapRoutes } from './sitemaps.routes.ts';
export { commentFeedRoutes } from './comments-feed.routes.ts';
