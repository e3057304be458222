import type { Db } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { type ArticleDeps, type SaveOptions, updateArticle } from './articles.service.ts';
import { findRevision, keepExistingIds, listRevisions, type RevisionRow } from './newsroom.queries.ts';
import type { Article, ArticleKind } from './article.ts';

/** The fields a revision keeps, as saved. */
export interface RevisionSnapshot {
  readonly slug: string;
  readonly sectionId: number | null;
  readonly headline: string;
  readonly standfirst: string;
  readonly dateline: string;
  readonly bodyHtml: string;
  readonly featuredMediaId: number | null;
  /** Absent in revisions saved before articles had a social image of their own. */
  readonly socialImageId?: number | null;
  readonly seoTitle: string | null;
  readonly seoDescription: string | null;
  readonly authorIds: readonly number[];
  readonly tagIds: readonly number[];
  /** Absent in revisions saved before the type of work existed. */
  readonly kind?: ArticleKind;
}

export interface Revision {
  readonly id: number;
  readonly savedAt: Date;
  readonly savedByName: string | null;
  readonly snapshot: RevisionSnapshot;
}

function toRevision(row: RevisionRow): Revision {
  return { id: row.id, savedAt: row.savedAt, savedByName: row.savedByName, snapshot: row.snapshot as RevisionSnapshot };
}

/** Every saved version of an article, newest first. */
export async function listArticleRevisions(db: Db, articleId: number): Promise<Revision[]> {
  return (await listRevisions(db, articleId)).map(toRevision);
}

/** Brings back an old version as a new save (itself a revision), so restoring can be undone too. */
export async function restoreRevision(deps: ArticleDeps, articleId: number, revisionId: number, options: SaveOptions): Promise<Article> {
  const row = await findRevision(deps.db, articleId, revisionId);
  if (!row) throw new NotFoundError('There is no such revision of this article.');
  const { snapshot } = toRevision(row);
  const [sectionIds, authorIds, tagIds, mediaIds, socialIds] = await Promise.all([
    keepExistingIds(deps.db, 'sections', snapshot.sectionId === null ? [] : [snapshot.sectionId]),
    keepExistingIds(deps.db, 'authors', snapshot.authorIds),
    keepExistingIds(deps.db, 'tags', snapshot.tagIds),
    keepExistingIds(deps.db, 'media', snapshot.featuredMediaId === null ? [] : [snapshot.featuredMediaId]),
    keepExistingIds(deps.db, 'media', snapshot.socialImageId == null ? [] : [snapshot.socialImageId]),
  ]);
  return updateArticle(
    deps,
    articleId,
    { ...snapshot, sectionId: sectionIds[0] ?? null, authorIds, tagIds, featuredMediaId: mediaIds[0] ?? null, socialImageId: socialIds[0] ?? null },
    options,
  );
}
