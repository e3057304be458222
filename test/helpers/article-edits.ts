import type { getArticle } from '../../src/articles/index.ts';
import type { TestGazette } from './test-app.ts';

/** The id of the article at a reader address (`/section/slug`). */
export async function articleIdAt(gazette: TestGazette, url: string): Promise<number> {
  const slug = url.split('/')[2]!;
  return (await gazette.database.db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

/** What `updateArticle` takes to save the article as it stands; spread it and change a field to edit one. */
export function articleInputOf(article: Awaited<ReturnType<typeof getArticle>>) {
  return {
    headline: article.headline,
    standfirst: article.standfirst,
    dateline: article.dateline,
    bodyHtml: article.bodyHtml,
    slug: article.slug,
    sectionId: article.section?.id ?? null,
    authorIds: article.authors.map((author) => author.id),
    tagIds: article.tags.map((tag) => tag.id),
    featuredMediaId: article.image?.id ?? null,
  };
}
