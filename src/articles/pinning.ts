import { ConflictError, phrase } from '../errors.ts';
import { contentTags } from '../platform/content-changes.ts';
import type { Article } from './article.ts';
import { setArticlePinned } from './article-writes.queries.ts';
import { type ArticleDeps, getArticle } from './articles.service.ts';

/**
 * Pins an article as the home page's lead, or unpins it. The last one pinned leads while it is
 * published; a scheduled one can be pinned ahead and leads once it goes live.
 */
export async function pinArticle(deps: ArticleDeps, id: number, pinned: boolean): Promise<Article> {
  const article = await getArticle(deps.db, id);
  if (article.trashedAt) throw new ConflictError(phrase('refusal.articles.trashedNoPin'));
  await setArticlePinned(deps.db, id, pinned ? deps.clock.now() : null);
  deps.changes.announce([contentTags.scope({ kind: 'all' }), contentTags.article(id)]);
  return getArticle(deps.db, id);
}
