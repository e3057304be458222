import type { Db } from '../db/database.ts';
import { toCount, toDate } from '../db/row-values.ts';
import type { PublishedCollection } from './article.ts';
import { publishedBy } from './article-rows.queries.ts';

/** Published articles joined to the section, tags or authors they are filed under, as `entity`. */
function publishedWithCollections(db: Db, kind: 'section' | 'tag' | 'author', now: Date) {
  const published = db.selectFrom('articles').where(publishedBy(now));
  return kind === 'section'
    ? published.innerJoin('sections as entity', 'entity.id', 'articles.section_id')
    : kind === 'tag'
      ? published.innerJoin('article_tags', 'article_tags.article_id', 'articles.id').innerJoin('tags as entity', 'entity.id', 'article_tags.tag_id')
      : published
          .innerJoin('article_authors', 'article_authors.article_id', 'articles.id')
          .innerJoin('authors as entity', 'entity.id', 'article_authors.author_id');
}

/** Sections, tags or authors with at least one published article, by slug; the others have nothing to show. */
export async function listPublishedCollections(db: Db, kind: 'section' | 'tag' | 'author', now: Date): Promise<PublishedCollection[]> {
  const rows = await publishedWithCollections(db, kind, now)
    .select((eb) => ['entity.id', 'entity.slug', eb.fn.max('articles.updated_at').as('last_modified')])
    .groupBy(['entity.id', 'entity.slug'])
    .orderBy('entity.slug')
    .execute();
  return rows.map((row) => ({ id: row.id, slug: row.slug, lastModified: toDate(row.last_modified) }));
}

/** A section, tag or author with published articles, and how many. */
export interface CollectionCount {
  readonly id: number;
  readonly slug: string;
  readonly articleCount: number;
}

/**
 * Sections, tags or authors with published articles, by slug, each with how many: those after
 * `afterSlug`, at most `limit` (a page of a list), or only those of `ids`.
 */
export async function listPublishedCollectionCounts(
  db: Db,
  kind: 'section' | 'tag' | 'author',
  options: { now: Date; afterSlug?: string; limit?: number; ids?: readonly number[] },
): Promise<CollectionCount[]> {
  let query = publishedWithCollections(db, kind, options.now);
  if (options.afterSlug !== undefined) query = query.where('entity.slug', '>', options.afterSlug);
  if (options.ids) {
    if (options.ids.length === 0) return [];
    query = query.where('entity.id', 'in', options.ids);
  }
  const grouped = query
    .select((eb) => ['entity.id', 'entity.slug', eb.fn.countAll().as('count')])
    .groupBy(['entity.id', 'entity.slug'])
    .orderBy('entity.slug');
  const rows = await (options.limit === undefined ? grouped : grouped.limit(options.limit)).execute();
  return rows.map((row) => ({ id: row.id, slug: row.slug, articleCount: toCount(row.count) }));
}
