import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { Clock } from '../platform/clock.ts';
import type { ContentChanges, ContentTag } from '../platform/content-changes.ts';
import { hasControlCharacters } from '../platform/control-characters.ts';
import { isValidSlug } from '../platform/slugs.ts';
import { pageUrl } from '../platform/urls.ts';
import { sanitizeStoredHtml } from '../render/sanitize.ts';
import type { PageStatus } from './page.table.ts';
import { findPageRowById, findPagesByPaths, insertPage, isPathTaken, movePathsBelow, type Page, type PageRowInput, updatePageRow } from './pages.queries.ts';

const messages = {
  titleRequired: 'Write a title.',
  titleTooLong: 'Keep the title under 200 characters.',
  slugInvalid: 'Use lower-case letters, digits and single hyphens in the slug, at most 120 characters.',
  slugTaken: 'Another page already has this address. Choose another slug or parent.',
  bodyTooLong: 'The page is too long to save (over 400,000 characters).',
  controlCharacters: 'This field contains invisible control characters; retype it or paste it as plain text.',
  position: 'The position is a whole number from 0 to 100,000.',
  status: 'A page is either published or a draft.',
  parentMissing: 'The parent page does not exist.',
  parentLoop: 'A page cannot sit under itself or under one of its own sub-pages.',
  tooDeep: (levels: number) => `Pages nest at most ${levels} levels deep.`,
  notFound: 'There is no such page.',
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
  const fields: Record<string, string> = {};
  if (title === '') fields.title = messages.titleRequired;
  else if (title.length > 200) fields.title = messages.titleTooLong;
  else if (hasControlCharacters(title, 'line')) fields.title = messages.controlCharacters;
  if (!isValidSlug(slug)) fields.slug = messages.slugInvalid;
  if (input.bodyHtml.length > maxBodyLength) fields.bodyHtml = messages.bodyTooLong;
  else if (hasControlCharacters(input.bodyHtml, 'lines')) fields.bodyHtml = messages.controlCharacters;
  if (!Number.isInteger(position) || position < 0 || position > 100_000) fields.position = messages.position;
  if (input.status !== 'published' && input.status !== 'draft') fields.status = messages.status;
  if (Object.keys(fields).length > 0) throw new ValidationError('The page has errors.', fields);
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
        await updatePageRow(trx, existing.id, row, now);
        if (existing.path !== path) await movePathsBelow(trx, existing.id, path);
      }
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
