import type { Db } from '../db/database.ts';
import { NotFoundError, phrase } from '../errors.ts';
import { type EditOptions, type EditOutcome, saveArticleEdit } from './article-edits.ts';
import type { ArticleDeps, ArticleInput } from './articles.service.ts';
import { findNames, findRevision, keepExistingIds, listRevisions, type RevisionRow } from './revisions.queries.ts';
import type { RevisionSnapshot } from './revision-snapshot.ts';

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

/** The names behind a snapshot's ids, so a comparison can say "World" rather than "3". */
export interface SnapshotNames {
  readonly sections: ReadonlyMap<number, string>;
  readonly authors: ReadonlyMap<number, string>;
  readonly tags: ReadonlyMap<number, string>;
  readonly media: ReadonlyMap<number, string>;
}

export async function loadSnapshotNames(db: Db, snapshots: readonly RevisionSnapshot[]): Promise<SnapshotNames> {
  const ids = (read: (snapshot: RevisionSnapshot) => readonly (number | null | undefined)[]) => [
    ...new Set(snapshots.flatMap(read).filter((id): id is number => typeof id === 'number')),
  ];
  const [sections, authors, tags, media] = await Promise.all([
    findNames(
      db,
      'sections',
      ids((s) => [s.sectionId]),
    ),
    findNames(
      db,
      'authors',
      ids((s) => s.authorIds),
    ),
    findNames(
      db,
      'tags',
      ids((s) => s.tagIds),
    ),
    findNames(
      db,
      'media',
      ids((s) => [s.featuredMediaId, s.socialImageId]),
    ),
  ]);
  return { sections, authors, tags, media };
}

/**
 * What a stored snapshot (a revision, or a pending change) says, as the service takes it: any
 * section, byline, tag or photo deleted since is left out, never pointed at.
 */
export async function inputFromSnapshot(db: Db, snapshot: RevisionSnapshot): Promise<ArticleInput> {
  const [sectionIds, authorIds, tagIds, mediaIds, socialIds] = await Promise.all([
    keepExistingIds(db, 'sections', snapshot.sectionId === null ? [] : [snapshot.sectionId]),
    keepExistingIds(db, 'authors', snapshot.authorIds),
    keepExistingIds(db, 'tags', snapshot.tagIds),
    keepExistingIds(db, 'media', snapshot.featuredMediaId === null ? [] : [snapshot.featuredMediaId]),
    keepExistingIds(db, 'media', snapshot.socialImageId == null ? [] : [snapshot.socialImageId]),
  ]);
  return { ...snapshot, sectionId: sectionIds[0] ?? null, authorIds, tagIds, featuredMediaId: mediaIds[0] ?? null, socialImageId: socialIds[0] ?? null };
}

/**
 * Brings back an old version as a new save (itself a revision), so restoring can be undone too.
 * Like any edit, restoring a live article's version is held for review when `editor` may not publish it.
 */
export async function restoreRevision(deps: ArticleDeps, articleId: number, revisionId: number, options: EditOptions): Promise<EditOutcome> {
  const row = await findRevision(deps.db, articleId, revisionId);
  if (!row) throw new NotFoundError(phrase('refusal.articles.noSuchRevision'));
  return saveArticleEdit(deps, articleId, await inputFromSnapshot(deps.db, toRevision(row).snapshot), options);
}
