import type { Db } from '../db/database.ts';
import { htmlToText } from '../render/sanitize.ts';
import type { Article } from './article.ts';
import { findArticleById, listIndexableArticles } from './articles.queries.ts';
import type { ArticleSearchTable } from './search-document.table.ts';

type SearchDocument = Omit<ArticleSearchTable, 'article_id'>;

/**
 * Text as search indexes it. Private-use characters are reserved for marking matches in snippets
 * (src/search/highlight.ts), so an article can never fake a highlight; control characters go too.
 */
function indexable(text: string): string {
  return text
    .replace(/[\p{Co}\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What search may know of an article: nothing while it is a draft or in the trash. */
export function searchDocumentOf(article: Article): SearchDocument | null {
  if (article.status === 'draft' || article.trashedAt) return null;
  return {
    headline: indexable(article.headline),
    standfirst: indexable(article.standfirst),
    body: indexable(htmlToText(article.bodyHtml)),
    tags: indexable(article.tags.map((tag) => tag.name).join(' ')),
    authors: indexable(article.authors.map((author) => author.name).join(' ')),
  };
}

async function writeSearchDocuments(db: Db, rows: readonly ArticleSearchTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('article_search')
    .values([...rows])
    .onConflict((oc) =>
      oc.column('article_id').doUpdateSet((eb) => ({
        headline: eb.ref('excluded.headline'),
        standfirst: eb.ref('excluded.standfirst'),
        body: eb.ref('excluded.body'),
        tags: eb.ref('excluded.tags'),
        authors: eb.ref('excluded.authors'),
      })),
    )
    .execute();
}

/**
 * Makes the article's search row match the article as it now is. Every article write calls this
 * inside its own transaction, so a search made right after the write returns finds the new state.
 */
export async function syncSearchDocument(db: Db, articleId: number): Promise<void> {
  const article = await findArticleById(db, articleId);
  const document = article && searchDocumentOf(article);
  if (!document) {
    await db.deleteFrom('article_search').where('article_id', '=', articleId).execute();
    return;
  }
  await writeSearchDocuments(db, [{ article_id: articleId, ...document }]);
}

/** Rewrites every article's search row in batches, e.g. after a bulk import. Returns how many. */
export async function rebuildSearchDocuments(db: Db, batchSize = 500): Promise<number> {
  let written = 0;
  for (let afterId = 0; ; ) {
    const articles = await listIndexableArticles(db, { afterId, limit: batchSize });
    if (articles.length === 0) return written;
    const rows = articles.flatMap((article) => {
      const document = searchDocumentOf(article);
      return document ? [{ article_id: article.id, ...document }] : [];
    });
    await writeSearchDocuments(db, rows);
    written += rows.length;
    afterId = articles.at(-1)!.id;
  }
}
