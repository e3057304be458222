import type { Db } from '../db/database.ts';
import { toDate, toTimestamp } from '../db/row-values.ts';
import type { Selectable } from 'kysely';
import type { PageStatus, PageTable } from './page.table.ts';

export interface Page {
  readonly id: number;
  readonly parentId: number | null;
  readonly slug: string;
  /** "about/masthead": the slugs from the top page down. */
  readonly path: string;
  readonly title: string;
  readonly bodyHtml: string;
  readonly position: number;
  readonly status: PageStatus;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A page without its body: what the newsroom's list and the parent choices show. */
export type PageSummary = Omit<Page, 'bodyHtml' | 'createdAt'>;

/** What a list of pages shows of each: enough for a link. */
export interface PageLink {
  readonly id: number;
  readonly path: string;
  readonly title: string;
}

const columns = ['id', 'parent_id', 'slug', 'path', 'title', 'body_html', 'position', 'status', 'created_at', 'updated_at'] as const;

type PageRow = Selectable<PageTable>;

function pageRowToPage(row: PageRow): Page {
  return {
    id: row.id,
    parentId: row.parent_id,
    slug: row.slug,
    path: row.path,
    title: row.title,
    bodyHtml: row.body_html,
    position: row.position,
    status: row.status,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export async function findPageRowById(db: Db, id: number): Promise<Page | undefined> {
  const row = await db.selectFrom('pages').select(columns).where('id', '=', id).executeTakeFirst();
  return row && pageRowToPage(row);
}

/** The pages at these paths, in any state (a page and its ancestors, to tell whether readers may see it). */
export async function findPagesByPaths(db: Db, paths: readonly string[]): Promise<Page[]> {
  if (paths.length === 0) return [];
  const rows = await db.selectFrom('pages').select(columns).where('path', 'in', paths).execute();
  return rows.map(pageRowToPage);
}

/** Every page without its body, for the newsroom's tree; a site has a few dozen at most. */
export async function listPageSummaries(db: Db): Promise<PageSummary[]> {
  const rows = await db
    .selectFrom('pages')
    .select(['id', 'parent_id', 'slug', 'path', 'title', 'position', 'status', 'updated_at'])
    .orderBy('position')
    .orderBy('title')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    parentId: row.parent_id,
    slug: row.slug,
    path: row.path,
    title: row.title,
    position: row.position,
    status: row.status,
    updatedAt: toDate(row.updated_at),
  }));
}

/** How many levels of sub-pages sit below this page (0 for none), counting no further than `limit`. */
export async function countLevelsBelow(db: Db, id: number, limit: number): Promise<number> {
  let parents = [id];
  // One query per level; pages nest only a few levels deep.
  for (let levels = 0; levels < limit; levels++) {
    const children = await db.selectFrom('pages').select('id').where('parent_id', 'in', parents).execute();
    if (children.length === 0) return levels;
    parents = children.map((child) => child.id);
  }
  return limit;
}

export async function isPathTaken(db: Db, path: string, exceptId: number | undefined): Promise<boolean> {
  let query = db.selectFrom('pages').select('id').where('path', '=', path);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** A page's children in reading order; `publishedOnly` for reader pages. */
export async function listChildPages(db: Db, parentId: number, options: { publishedOnly: boolean }): Promise<PageLink[]> {
  let query = db.selectFrom('pages').select(['id', 'path', 'title']).where('parent_id', '=', parentId);
  if (options.publishedOnly) query = query.where('status', '=', 'published');
  return query.orderBy('position').orderBy('title').orderBy('id').execute();
}

export type PageRowInput = Omit<Page, 'id' | 'createdAt' | 'updatedAt'>;

function rowValues(input: PageRowInput) {
  return {
    parent_id: input.parentId,
    slug: input.slug,
    path: input.path,
    title: input.title,
    body_html: input.bodyHtml,
    position: input.position,
    status: input.status,
  };
}

export async function insertPage(db: Db, input: PageRowInput, now: Date): Promise<number> {
  const at = toTimestamp(now);
  const row = await db
    .insertInto('pages')
    .values({ ...rowValues(input), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePageRow(db: Db, id: number, input: PageRowInput, now: Date): Promise<void> {
  await db
    .updateTable('pages')
    .set({ ...rowValues(input), updated_at: toTimestamp(now) })
    .where('id', '=', id)
    .execute();
}

/** Moves a page's children under another parent (null: the top level); their paths are the caller's to update. */
export async function reparentChildren(db: Db, fromParentId: number, toParentId: number | null): Promise<void> {
  await db.updateTable('pages').set({ parent_id: toParentId }).where('parent_id', '=', fromParentId).execute();
}

export async function setPagePath(db: Db, id: number, path: string): Promise<void> {
  await db.updateTable('pages').set({ path }).where('id', '=', id).execute();
}

export async function deletePageRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('pages').where('id', '=', id).execute();
}

/** Gives a page's descendants the paths that follow from its new one ("about/…" → "who-we-are/…"). */
export async function movePathsBelow(db: Db, parentId: number, parentPath: string): Promise<void> {
  const children = await db.selectFrom('pages').select(['id', 'slug']).where('parent_id', '=', parentId).execute();
  for (const child of children) {
    const path = `${parentPath}/${child.slug}`;
    await db.updateTable('pages').set({ path }).where('id', '=', child.id).execute();
    await movePathsBelow(db, child.id, path);
  }
}

/** The page and every page below it, with their paths now: what to compare with after a move. */
export async function listPathsFrom(db: Db, id: number, path: string): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('pages')
    .select(['id', 'path'])
    // Below "about": every path from "about/" up to (not including) "about0", the character after "/".
    .where((eb) => eb.or([eb('id', '=', id), eb.and([eb('path', '>=', `${path}/`), eb('path', '<', `${path}0`)])]))
    .execute();
  return new Map(rows.map((row) => [row.id, row.path]));
}

/** Remembers the addresses pages left (old path → page), and forgets any that a page now holds again. */
export async function rememberOldPaths(db: Db, moves: readonly { oldPath: string; pageId: number }[], now: Date): Promise<void> {
  for (const { oldPath, pageId } of moves) {
    await db
      .insertInto('page_path_history')
      .values({ old_path: oldPath, page_id: pageId, created_at: toTimestamp(now) })
      .onConflict((oc) => oc.column('old_path').doUpdateSet({ page_id: pageId, created_at: toTimestamp(now) }))
      .execute();
  }
}

export async function forgetOldPath(db: Db, path: string): Promise<void> {
  await db.deleteFrom('page_path_history').where('old_path', '=', path).execute();
}

export async function findPageIdByOldPath(db: Db, path: string): Promise<number | undefined> {
  const row = await db.selectFrom('page_path_history').select('page_id').where('old_path', '=', path).executeTakeFirst();
  return row?.page_id;
}
