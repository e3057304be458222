export type { Article, ArticleScope, ArticleSummary, PublishedArticle } from './article.ts';
export { articleRoutes } from './articles.routes.tsx';
export {
  createArticle,
  getArticle,
  publishArticle,
  unpublishArticle,
  updateArticle,
  type ArticleDeps,
  type ArticleInput,
} from './articles.service.ts';
export { serveCollectionPage, type Collection } from './collection-route.tsx';
export { storiesPerPage, type ReaderDeps } from './reader-deps.ts';
export * from './urls.ts';
