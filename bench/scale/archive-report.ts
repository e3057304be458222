import { type Kysely, sql } from 'kysely';
import { storiesPerPage } from '../../src/articles/reader-deps.ts';
import type { Database } from '../../src/db/database.ts';
import { toCount } from '../../src/db/row-values.ts';
import { articleUrl, authorUrl, sectionUrl, tagUrl } from '../../src/platform/urls.ts';

/**
 * What a benchmark reads from the archive: its busiest section, tag and author (with how many list
 * pages each has, at the site's page size) and its most-commented article, asked of the database
 * itself so an archive grown by several runs is described whole.
 */

export interface Collection {
  readonly id: number;
  readonly slug: string;
  readonly path: string;
  readonly articles: number;
  readonly pages: number;
}

export interface ArchiveHighlights {
  readonly biggestSection: Collection | undefined;
  readonly biggestTag: Collection | undefined;
  readonly biggestAuthor: Collection | undefined;
  readonly mostCommented: { readonly id: number; readonly path: string; readonly approvedComments: number } | undefined;
}

const collection = (
  row: { id: number; slug: string; count: number | string } | undefined,
  url: (entity: { slug: string }) => string,
): Collection | undefined => {
  if (!row) return undefined;
  const articles = toCount(row.count);
  return { id: row.id, slug: row.slug, path: url(row), articles, pages: Math.ceil(articles / storiesPerPage) };
};

export async function describeArchive(db: Kysely<Database>, now: Date): Promise<ArchiveHighlights> {
  const published = db.selectFrom('articles').where('articles.status', '=', 'published').where('articles.published_at', '<=', now.toISOString());
  // PostgreSQL's count is a bigint, which pg hands back as a string.
  const count = sql<number | string>`count(*)`;
  const section = await published
    .innerJoin('sections as entity', 'entity.id', 'articles.section_id')
    .select(['entity.id', 'entity.slug', count.as('count')])
    .groupBy(['entity.id', 'entity.slug'])
    .orderBy(count, 'desc')
    .limit(1)
    .executeTakeFirst();
  const tag = await published
    .innerJoin('article_tags', 'article_tags.article_id', 'articles.id')
    .innerJoin('tags as entity', 'entity.id', 'article_tags.tag_id')
    .select(['entity.id', 'entity.slug', count.as('count')])
    .groupBy(['entity.id', 'entity.slug'])
    .orderBy(count, 'desc')
    .limit(1)
    .executeTakeFirst();
  const author = await published
    .innerJoin('article_authors', 'article_authors.article_id', 'articles.id')
    .innerJoin('authors as entity', 'entity.id', 'article_authors.author_id')
    .select(['entity.id', 'entity.slug', count.as('count')])
    .groupBy(['entity.id', 'entity.slug'])
    .orderBy(count, 'desc')
    .limit(1)
    .executeTakeFirst();
  const commented = await db
    .selectFrom('comments')
    .select(['article_id', count.as('count')])
    .where('status', '=', 'approved')
    .groupBy('article_id')
    .orderBy(count, 'desc')
    .limit(1)
    .executeTakeFirst();
  const article =
    commented &&
    (await db
      .selectFrom('articles')
      .leftJoin('sections', 'sections.id', 'articles.section_id')
      .select(['articles.slug', 'sections.slug as section_slug'])
      .where('articles.id', '=', commented.article_id)
      .executeTakeFirstOrThrow());
  return {
    biggestSection: collection(section, (entity) => sectionUrl(entity)),
    biggestTag: collection(tag, (entity) => tagUrl(entity)),
    biggestAuthor: collection(author, (entity) => authorUrl(entity)),
    mostCommented:
      commented && article
        ? {
            id: commented.article_id,
            path: articleUrl({ slug: article.slug, section: article.section_slug === null ? null : { slug: article.section_slug } }),
            approvedComments: toCount(commented.count),
          }
        : undefined,
  };
}
