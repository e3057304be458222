/**
 * What search knows of a published or scheduled article: plain text only, rewritten in the same
 * transaction as every write to the article (drafts have no row). Each database indexes it its own
 * way; see src/search/.
 */
export interface ArticleSearchTable {
  article_id: number;
  headline: string;
  standfirst: string;
  body: string;
  /** Tag names, space-separated; database triggers follow renames. */
  tags: string;
  /** Author names, space-separated; database triggers follow renames. */
  authors: string;
}
