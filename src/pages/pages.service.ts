import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { ConflictError, NotFoundError, type Phrase, phrase, ValidationError } from '../errors.ts';
import type { Clock } from '../platform/clock.ts';
import type { ContentChanges, ContentTag } from '../platform/content-changes.ts';
import { hasControlCharacters } from '../platform/control-characters.ts';
import { isValidSlug } from '../platform/slugs.ts';
import { pageUrl } from '../platform/urls.ts';
import { sanitizeStoredHtml } from '../render/sanitize.ts';
import type { PageStatus } from './page.table.ts';
import { arrangePageTree, type PageTreeEntry } from './page-tree.ts';
import {
  countLevelsBelow,
  deletePageRow,
  findPageIdByOldPath,
  findPageRowById,
  findPagesByPaths,
  forgetOldPath,
  insertPage,
  isPathTaken,
  listChildPages,
  listPathsFrom,
  listPageSummaries,
  movePathsBelow,
  type Page,
  type PageLink,
  type PageRowInput,
  rememberOldPaths,
  reparentChildren,
  setPagePath,
  updatePageRow,
} from './pages.queries.ts';

const messages = {
  titleRequired: phrase('refusal.pages.titleRequired'),
  titleTooLong: phrase('refusal.pages.titleTooLong'),
  slugInvalid: phrase('refusal.pages.slugInvalid'),
  slugTaken: phrase('refusal.pages.slugTaken'),
  bodyTooLong: phrase('refusal.pages.bodyTooLong'),
  controlCharacters: phrase('refusal.pages.controlCharacters'),
  position: phrase('refusal.pages.position'),
  status: phrase('refusal.pages.status'),
  parentMissing: phrase('refusal.pages.parentMissing'),
  parentLoop: phrase('refusal.pages.parentLoop'),
  tooDeep: (levels: number) => phrase('refusal.pages.tooDeep', { levels }),
  tooDeepWithSubPages: (levels: number) => phrase('refusal.pages.tooDeepWithSubPages', { levels }),
  childrenClash: (titles: readonly string[]) =>
    phrase('refusal.pages.childrenClash', { titles: titles.map((title) => `“${title}”`).join(', '), count: titles.length }),
  notFound: phrase('refusal.pages.notFound'),
  changedMeanwhile: phrase('refusal.pages.changedMeanwhile'),
  hasErrors: phrase('refusal.pages.hasErrors'),
};

/** Every page view shows other pages too (its children, its breadcrumbs), so any save drops them all. */
export const pagesChanged: ContentTag = 'pages';

/** Deep enough for About › Team › Seoul bureau; an address of a reasonable length. */
export const maxPageDepth = 6;
const maxBodyLength = 400_000;

export interface PageDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly changes: ContentChanges;
}

/** What a page is saved from; the service checks it, builds its path and cleans its body. */
export interface PageInput {
  /** The page it sits under, or null for a top-level page. */
  readonly parentId: number | null;
  readonly slug: string;
  readonly title: string;
  readonly bodyHtml: string;
  /** Order among its siblings, smallest first; 0 when not given. */
  readonly position?: number;
  readonly status: PageStatus;
}

export interface SavePageOptions {
  /** The page to update; a new page when absent. */
  readonly id?: number;
  /** More writes that stand or fall with this save (an import record), run in its transaction. */
  readonly alongside?: (trx: Db, pageId: number) => Promise<void>;
}

function validate(input: PageInput): { title: string; slug: string; position: number } {
  const title = input.title.trim();
  const slug = input.slug.trim();
  const position = input.position ?? 0;
  const fields: Record<string, Phrase> = {};
  if (title === '') fields.title = messages.titleRequired;
  else if (title.length > 200) fields.title = messages.titleTooLong;
  else if (hasControlCharacters(title, 'line')) fields.title = messages.controlCharacters;
  if (!isValidSlug(slug)) fields.slug = messages.slugInvalid;
  if (input.bodyHtml.length > maxBodyLength) fields.bodyHtml = messages.bodyTooLong;
  else if (hasControlCharacters(input.bodyHtml, 'lines')) fields.bodyHtml = messages.controlCharacters;
  if (!Number.isInteger(position) || position < 0 || position > 100_000) fields.position = messages.position;
  if (input.status !== 'published' && input.status !== 'draft') fields.status = messages.status;
  if (Object.keys(fields).length > 0) throw new ValidationError(messages.hasErrors, fields);
  return { title, slug, position };
}

/** The parent's path, after making sure the page would not end up under itself or too deep. */
async function parentPathFor(db: Db, parentId: number | null, pageId: number | undefined): Promise<string | undefined> {
  if (parentId === null) return undefined;
  const parent = await findPageRowById(db, parentId);
  if (!parent) throw new ValidationError(messages.parentMissing, { parentId: messages.parentMissing });
  const ancestors = await findPagesByPaths(db, pathPrefixes(parent.path));
  if (pageId !== undefined && ancestors.some((ancestor) => ancestor.id === pageId))
    throw new ValidationError(messages.parentLoop, { parentId: messages.parentLoop });
  return parent.path;
}

/** "a/b/c" → ["a", "a/b", "a/b/c"]: the paths of a page and every page above it. */
function pathPrefixes(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}

/**
 * Creates or updates a page. Its path follows from its parent's and its slug; sub-pages follow a
 * changed path. Throws ValidationError with a message per field.
 *
 * @example await savePage(deps, { parentId: null, slug: 'about', title: 'About us', bodyHtml: '<p>Who we are.</p>', status: 'published' })
 */
export async function savePage(deps: PageDeps, input: PageInput, options: SavePageOptions = {}): Promise<Page> {
  const checked = validate(input);
  const now = deps.clock.now();
  const saved = await deps.db
    .transaction()
    .execute(async (trx) => {
      const existing = options.id === undefined ? undefined : await findPageRowById(trx, options.id);
      if (options.id !== undefined && !existing) throw new NotFoundError(messages.notFound);
      const parentPath = await parentPathFor(trx, input.parentId, options.id);
      const path = parentPath === undefined ? checked.slug : `${parentPath}/${checked.slug}`;
      if (path.split('/').length > maxPageDepth) throw new ValidationError(messages.tooDeep(maxPageDepth), { parentId: messages.tooDeep(maxPageDepth) });
      // A page moved deeper takes its sub-pages with it; the deepest of them must still fit.
      if (existing && path.split('/').length > existing.path.split('/').length) {
        const room = maxPageDepth - path.split('/').length;
        if ((await countLevelsBelow(trx, existing.id, room + 1)) > room)
          throw new ValidationError(messages.tooDeepWithSubPages(maxPageDepth), { parentId: messages.tooDeepWithSubPages(maxPageDepth) });
      }
      if (await isPathTaken(trx, path, options.id)) throw new ValidationError(messages.slugTaken, { slug: messages.slugTaken });
      const row: PageRowInput = {
        parentId: input.parentId,
        slug: checked.slug,
        path,
        title: checked.title,
        // Stored already clean, and cleaned again when shown: the allow-list is the only way in.
        bodyHtml: String(sanitizeStoredHtml(input.bodyHtml)),
        position: checked.position,
        status: input.status,
      };
      const id = existing ? existing.id : await insertPage(trx, row, now);
      if (existing) {
        const before = await listPathsFrom(trx, existing.id, existing.path);
        await updatePageRow(trx, existing.id, row, now);
        if (existing.path !== path) {
          await movePathsBelow(trx, existing.id, path);
          await keepOldAddresses(trx, before, now);
        }
      }
      // An address a page left earlier belongs to the page that holds it now.
      await forgetOldPath(trx, path);
      await options.alongside?.(trx, id);
      return (await findPageRowById(trx, id))!;
    })
    .catch((error: unknown) => {
      // Two saves racing for one address: the loser hears what a person would.
      throw isUniqueViolation(error) ? new ValidationError(messages.slugTaken, { slug: messages.slugTaken }, { cause: error }) : error;
    });
  deps.changes.announce([pagesChanged]);
  return saved;
}

export async function findPageById(db: Db, id: number): Promise<Page | undefined> {
  return findPageRowById(db, id);
}

/** Like findPageById, for a page that must exist (the newsroom's editor): throws NotFoundError. */
export async function getPage(db: Db, id: number): Promise<Page> {
  const page = await findPageRowById(db, id);
  if (!page) throw new NotFoundError(messages.notFound);
  return page;
}

/** Every page in tree order, with its depth, the titles above it and whether readers can see it. */
export async function listPageTree(db: Db): Promise<PageTreeEntry[]> {
  return arrangePageTree(await listPageSummaries(db));
}

/** What deleting a page does to its sub-pages: each moves up to its parent, to the address shown. */
export interface PageDeletionPlan {
  readonly page: Page;
  readonly movingUp: readonly { readonly title: string; readonly from: string; readonly to: string }[];
  /** Why the page cannot be deleted yet: a sub-page's new address is taken. Absent when it can. */
  readonly refusal?: Phrase;
}

export async function planPageDeletion(db: Db, id: number): Promise<PageDeletionPlan> {
  const page = await getPage(db, id);
  const children = await listChildPages(db, page.id, { publishedOnly: false });
  const parentPath = parentPathOf(page.path);
  const movingUp = children.map((child) => ({ title: child.title, from: child.path, to: movedUpPath(child, parentPath) }));
  const occupants = await findPagesByPaths(
    db,
    movingUp.map((move) => move.to),
  );
  const taken = new Set(occupants.filter((other) => other.id !== page.id).map((other) => other.path));
  const clashes = movingUp.filter((move) => taken.has(move.to)).map((move) => move.title);
  return { page, movingUp, ...(clashes.length > 0 ? { refusal: messages.childrenClash(clashes) } : {}) };
}

/** "about/team" → "about"; undefined for a top-level page. */
function parentPathOf(path: string): string | undefined {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : undefined;
}

function movedUpPath(child: PageLink, parentPath: string | undefined): string {
  const slug = child.path.slice(child.path.lastIndexOf('/') + 1);
  return parentPath === undefined ? slug : `${parentPath}/${slug}`;
}

/**
 * Deletes a page for good. Its sub-pages move up to its parent (or the top level), taking their own
 * sub-pages along; refused with ConflictError when one of them would take an address already in use.
 */
export async function deletePage(deps: PageDeps, id: number): Promise<PageDeletionPlan> {
  const plan = await deps.db
    .transaction()
    .execute(async (trx) => {
      const planned = await planPageDeletion(trx, id);
      if (planned.refusal) throw new ConflictError(planned.refusal);
      const children = await listChildPages(trx, planned.page.id, { publishedOnly: false });
      const before = await listPathsFrom(trx, planned.page.id, planned.page.path);
      before.delete(planned.page.id);
      await reparentChildren(trx, planned.page.id, planned.page.parentId);
      // The page's row goes before its children take their new paths: one of them may take its very address.
      await deletePageRow(trx, planned.page.id);
      const parentPath = parentPathOf(planned.page.path);
      for (const child of children) {
        const path = movedUpPath(child, parentPath);
        await setPagePath(trx, child.id, path);
        await movePathsBelow(trx, child.id, path);
        await forgetOldPath(trx, path);
      }
      await keepOldAddresses(trx, before, deps.clock.now());
      return planned;
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? new ConflictError(messages.changedMeanwhile, { cause: error }) : error;
    });
  deps.changes.announce([pagesChanged]);
  return plan;
}

/** After a move: each page whose path changed keeps answering at the one it had (`before`, by id). */
async function keepOldAddresses(db: Db, before: ReadonlyMap<number, string>, now: Date): Promise<void> {
  const after = await Promise.all([...before].map(async ([pageId, oldPath]) => ({ pageId, oldPath, page: await findPageRowById(db, pageId) })));
  await rememberOldPaths(
    db,
    after.filter(({ oldPath, page }) => page && page.path !== oldPath),
    now,
  );
}

/** Where a page that has moved answers now, for an address it answered at before; undefined if none (or not public). */
export async function findMovedPageUrl(db: Db, oldPath: string): Promise<string | undefined> {
  const pageId = await findPageIdByOldPath(db, oldPath);
  return pageId === undefined ? undefined : publicPageUrl(db, pageId);
}

/**
 * The page readers see at this path, with the pages above it (top first), or undefined when it or
 * any page above it is a draft or missing.
 */
export async function findPublicPage(db: Db, path: string): Promise<{ page: Page; ancestors: Page[] } | undefined> {
  const prefixes = pathPrefixes(path);
  const found = new Map((await findPagesByPaths(db, prefixes)).map((page) => [page.path, page]));
  const chain = prefixes.map((prefix) => found.get(prefix));
  if (chain.some((page) => page?.status !== 'published')) return undefined;
  const pages = chain as Page[];
  return { page: pages.at(-1)!, ancestors: pages.slice(0, -1) };
}

/** Where readers find this page now, or undefined when they cannot see it (a draft, or under one). */
export async function publicPageUrl(db: Db, id: number): Promise<string | undefined> {
  const page = await findPageRowById(db, id);
  return page && (await findPublicPage(db, page.path)) ? pageUrl(page.path) : undefined;
}
