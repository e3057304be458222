import type { Db } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import type { ArticleScope, ArticleSummary, PublishedArticle } from './article.ts';
import {
  countPublished,
  findArticleById,
  findArticleIdBySlugHistory,
  findPublishedArticleBySlug,
  listPublishedSummaries,
} from './articles.queries.ts';
import { articleUrl } from './urls.ts';

export type ArticleLookup =
  | { readonly kind: 'found'; readonly article: PublishedArticle }
  | { readonly kind: 'moved'; readonly location: string }
  | { readonly kind: 'missing' };

/**
 * What lives at /{sectionSlug}/{slug}: the article, or where it moved to (an old slug, or a
 * section it left), or nothing. Drafts and scheduled articles are "nothing" to readers.
 */
export async function lookUpArticle(db: Db, sectionSlug: string, slug: string, now: Date): Promise<ArticleLookup> {
  const article = await findPublishedArticleBySlug(db, slug, now);
  if (article) {
    const canonical = articleUrl(article);
    return canonical === `/${sectionSlug}/${slug}` ? { kind: 'found', article } : { kind: 'moved', location: canonical };
  }
  const formerId = await findArticleIdBySlugHistory(db, sectionSlug, slug);
  const former = formerId === undefined ? undefined : await findArticleById(db, formerId);
  if (former?.status === 'published' && former.publishedAt && former.publishedAt <= now) {
    return { kind: 'moved', location: articleUrl(former) };
  }
  return { kind: 'missing' };
}

export interface ArticleListPage {
  readonly summaries: readonly ArticleSummary[];
  readonly page: number;
  readonly pageCount: number;
}

/** One page of a list; a page past the end is a 404, except page 1 of an empty list. */
export async function loadArticleListPage(db: Db, scope: ArticleScope, page: number, perPage: number, now: Date): Promise<ArticleListPage> {
  const total = await countPublished(db, scope, now);
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  if (page > pageCount) throw new NotFoundError(`There is no page ${page} here; the last page is ${pageCount}.`);
  const summaries = await listPublishedSummaries(db, { scope, now, limit: perPage, offset: (page - 1) * perPage });
  return { summaries, page, pageCount };
}

/** Stories to read next: the primary tag's latest, then the section's, never the article itself. */
export async function loadRelatedArticles(
  db: Db,
  article: PublishedArticle,
  now: Date,
  limit: number,
): Promise<{ summaries: ArticleSummary[]; scopes: ArticleScope[] }> {
  const scopes: ArticleScope[] = [];
  const primaryTag = article.tags[0];
  if (primaryTag) scopes.push({ kind: 'tag', tagId: primaryTag.id });
  if (article.section) scopes.push({ kind: 'section', sectionId: article.section.id });
  const summaries: ArticleSummary[] = [];
  for (const scope of scopes) {
    if (summaries.length >= limit) break;
    const excludeIds = [article.id, ...summaries.map((summary) => summary.id)];
    summaries.push(...(await listPublishedSummaries(db, { scope, now, limit: limit - summaries.length, excludeIds })));
  }
  return { summaries, scopes };
}
