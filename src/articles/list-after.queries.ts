import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { preparedQuery } from '../db/prepared-queries.ts';
import { toTimestamp } from '../db/row-values.ts';
import { constant } from '../db/constant.ts';
import type { ArticleScope } from './article.ts';
import { type LinkScope, listedLinks, publishedInScope } from './articles.queries.ts';

// A list's page read from the article before it (keyset) rather than by skipping every article before
// it: page 5,000 of a section stepped over 60,000 index entries, 31–36 ms under load on PostgreSQL,
// where starting from a known article reads a dozen (0.7 ms, EXPLAIN ANALYZE). The article is named by
// id and its place in the order read from the database, so the order's values are compared as stored;
// one no longer listed (a link's listed_at is emptied when its article is withdrawn) gives no page.

function linksAfter(db: Db, scope: LinkScope, asOf: string, anchorId: number, limit: number) {
  const anchor =
    scope.kind === 'tag'
      ? sql`(select anchor.listed_at, anchor.article_id from article_tags anchor where anchor.tag_id = ${scope.tagId} and anchor.article_id = ${anchorId})`
      : sql`(select anchor.listed_at, anchor.article_id from article_authors anchor where anchor.author_id = ${scope.authorId} and anchor.article_id = ${anchorId})`;
  return listedLinks(db, scope, asOf)
    .where(sql<boolean>`(link.listed_at, link.article_id) < ${anchor}`)
    .select('link.article_id as id')
    .orderBy('link.listed_at', 'desc')
    .orderBy('link.article_id', 'desc')
    .limit(limit);
}

function publishedAfter(db: Db, scope: Exclude<ArticleScope, LinkScope>, asOf: string, anchorId: number, limit: number) {
  return publishedInScope(db, scope, asOf)
    .where(
      sql<boolean>`(articles.published_at, articles.id) < (select anchor.published_at, anchor.id from articles anchor where anchor.id = ${anchorId} and anchor.status = ${constant('published')})`,
    )
    .select('articles.id')
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit);
}

const idsAfter = {
  tag: preparedQuery((db, tagId: number, asOf: string, anchorId: number, limit: number) => linksAfter(db, { kind: 'tag', tagId }, asOf, anchorId, limit)),
  author: preparedQuery((db, authorId: number, asOf: string, anchorId: number, limit: number) =>
    linksAfter(db, { kind: 'author', authorId }, asOf, anchorId, limit),
  ),
  section: preparedQuery((db, sectionId: number, asOf: string, anchorId: number, limit: number) =>
    publishedAfter(db, { kind: 'section', sectionId }, asOf, anchorId, limit),
  ),
  all: preparedQuery((db, asOf: string, anchorId: number, limit: number) => publishedAfter(db, { kind: 'all' }, asOf, anchorId, limit)),
};

/**
 * The ids of the `limit` newest published articles of a scope that come after the article `anchorId` in
 * its order (newest first, ties by id); none when that article is not in the list.
 */
export async function newestPublishedIdsAfter(db: Db, options: { scope: ArticleScope; now: Date; anchorId: number; limit: number }): Promise<number[]> {
  const { scope, anchorId, limit } = options;
  const asOf = toTimestamp(options.now);
  const rows = await (scope.kind === 'tag'
    ? idsAfter.tag(db, scope.tagId, asOf, anchorId, limit)
    : scope.kind === 'author'
      ? idsAfter.author(db, scope.authorId, asOf, anchorId, limit)
      : scope.kind === 'section'
        ? idsAfter.section(db, scope.sectionId, asOf, anchorId, limit)
        : idsAfter.all(db, asOf, anchorId, limit));
  return rows.map((row) => row.id);
}
