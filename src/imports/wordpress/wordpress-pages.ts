import { createHash } from 'node:crypto';
import { ValidationError } from '../../errors.ts';
import { findPageById, type PageInput, publicPageUrl, savePage } from '../../pages/index.ts';
import { slugFrom } from '../../platform/slugs.ts';
import { htmlToText } from '../../render/sanitize.ts';
import type { ImportDeps } from '../import-deps.ts';
import { type ImportPhrase, type ImportSentence, importPhrase } from '../import-phrases.ts';
import type { Progress } from '../import-progress.ts';
import { findImportRecord, type ImportOrigin, saveImportRecord } from '../import-records.queries.ts';
import type { ImportReport } from '../import-report.ts';
import { findRedirect, saveRedirect } from '../redirects.queries.ts';
import { gazetteSlug } from '../taxonomy.ts';
import { type ContentResolvers, convertWordPressContent } from './wordpress-content.ts';
import type { WordPressIndex } from './wordpress-index.ts';
import { readWxr } from './wxr-reader.ts';
import type { WxrItem } from './wxr-records.ts';

/** Bumped when the conversion changes, so a re-run brings every page up to the new conversion. */
const conversionVersion = '1';

export interface PageImportContext {
  readonly index: WordPressIndex;
  readonly from: ImportOrigin;
  readonly report: ImportReport;
  readonly dryRun: boolean;
  readonly now: Date;
  readonly progress: Progress;
  /** Photos in the body, resolved the way the posts' are. */
  readonly image: ContentResolvers['image'];
}

/** What a WordPress page status becomes here; pages have no schedule or review, so those come in as drafts. */
function statusOf(item: WxrItem): { status: PageInput['status']; note?: ImportPhrase } | { skip: ImportPhrase } {
  switch (item.status) {
    case 'publish':
      return { status: 'published' };
    case 'draft':
    case 'pending':
      return { status: 'draft' };
    case 'private':
      return { status: 'draft', note: importPhrase('imports.reason.wordpressPrivate') };
    case 'future':
      return { status: 'draft', note: importPhrase('imports.reason.wordpressScheduledPage') };
    case 'trash':
      return { skip: importPhrase('imports.reason.wordpressTrash') };
    default:
      return { skip: importPhrase('imports.reason.wordpressStatus', { status: item.status.slice(0, 30) }) };
  }
}

/** The export's pages, read in one more pass over the file: a site has few, and parents must come first. */
export async function readWordPressPages(input: NodeJS.ReadableStream): Promise<WxrItem[]> {
  const pages: WxrItem[] = [];
  for await (const record of readWxr(input)) if (record.kind === 'item' && record.postType === 'page') pages.push(record);
  return pages;
}

interface OrderedPage {
  readonly item: WxrItem;
  /** The WordPress id of its parent page, or null at the top. */
  readonly parentId: number | null;
  readonly note?: ImportPhrase;
}

/** Parents before children, whatever the file's order; siblings by WordPress's menu order. A parent loop is cut. */
function inParentOrder(items: readonly WxrItem[]): OrderedPage[] {
  const byId = new Map(items.map((item) => [item.postId, item]));
  const parentOf = (item: WxrItem) => (item.postParent !== item.postId && byId.has(item.postParent) ? item.postParent : null);
  const depthOf = (item: WxrItem): number | undefined => {
    const seen = new Set([item.postId]);
    let depth = 0;
    for (let parent = parentOf(item); parent !== null; parent = parentOf(byId.get(parent)!)) {
      if (seen.has(parent)) return undefined;
      seen.add(parent);
      depth++;
    }
    return depth;
  };
  return items
    .map((item) => {
      const depth = depthOf(item);
      return depth === undefined
        ? { item, parentId: null, depth: 0, note: importPhrase('imports.reason.pageLoop') }
        : { item, parentId: parentOf(item), depth };
    })
    .sort((a, b) => a.depth - b.depth || a.item.menuOrder - b.item.menuOrder || a.item.postId - b.item.postId)
    .map(({ depth: _depth, ...page }) => page);
}

/**
 * Brings WordPress pages in as Gazette pages, keeping their nesting, and points every old address of
 * each at it. Returns where each published page now lives, by WordPress id, so links in posts can follow.
 */
export async function importWordPressPages(deps: ImportDeps, context: PageImportContext, items: readonly WxrItem[]): Promise<Map<number, string>> {
  const { report, dryRun, from } = context;
  const localIds = new Map<number, number>();
  const urls = new Map<number, string>();
  const wanted = items.filter((item) => {
    const decided = statusOf(item);
    if ('skip' in decided)
      report.note({ kind: 'pages', sourceId: String(item.postId), title: htmlToText(item.title), outcome: 'skipped', reason: decided.skip });
    return !('skip' in decided);
  });
  context.progress.phase('pages', wanted.length);
  for (const { item, parentId, note } of inParentOrder(wanted)) {
    const title = htmlToText(item.title).slice(0, 200) || `Untitled (WordPress page ${item.postId})`;
    const tell = (reason: ImportSentence, outcome: 'changed' | 'skipped' = 'changed') =>
      report.note({ kind: 'pages', sourceId: String(item.postId), title, outcome, reason });
    const decided = statusOf(item) as { status: PageInput['status']; note?: ImportPhrase };
    const localParentId = parentId === null ? null : localIds.get(parentId);
    if (note) tell(note);
    if (parentId !== null && localParentId === undefined && !dryRun) tell(importPhrase('imports.reason.pageParentMissing'));
    if (decided.note) tell(decided.note);
    const known = await findImportRecord(deps.db, from, 'page', String(item.postId));
    const existing = known && (await findPageById(deps.db, known.localId));
    const body = convertWordPressContent(item.content, {
      image: context.image,
      link: (url) => linkTo(context, urls, url),
      reusableBlock: (id) => context.index.reusableBlocks.get(id),
    });
    const input: PageInput = {
      parentId: localParentId ?? null,
      slug: gazetteSlug(item.postName, title),
      title,
      bodyHtml: body.html,
      position: Math.min(Math.max(item.menuOrder, 0), 100_000),
      status: decided.status,
    };
    const fingerprint = createHash('sha256')
      .update(conversionVersion)
      .update(JSON.stringify([item, input]))
      .digest('hex')
      .slice(0, 32);
    for (const name of body.report.unknownShortcodes) tell(importPhrase('imports.reason.unknownShortcode', { name }));
    for (const url of body.report.missingImages) tell(importPhrase('imports.reason.imageNotFound', { url }));
    let pageId = existing?.id;
    if (dryRun) report.count('pages', 'created');
    else if (existing && known?.fingerprint === fingerprint) report.count('pages', 'unchanged');
    else {
      try {
        pageId = (await saveWithFreeSlug(deps, input, item, existing?.id, fingerprint, context, tell)).id;
        report.count('pages', existing ? 'updated' : 'created');
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        tell(Object.values(error.fields)[0] ?? error.message, 'skipped');
      }
    }
    if (dryRun) {
      // Nothing is saved, but the report counts the old addresses the import would point here.
      for (const key of context.index.oldAddressesOf(item))
        if (key !== '/') report.count('redirects', (await findRedirect(deps.db, key)) ? 'unchanged' : 'created');
    } else if (pageId !== undefined) {
      localIds.set(item.postId, pageId);
      const url = await publicPageUrl(deps.db, pageId);
      if (url) urls.set(item.postId, url);
      for (const key of context.index.oldAddressesOf(item)) {
        if (key === '/') continue;
        report.count('redirects', await saveRedirect(deps.db, key, { targetKind: 'page', targetId: pageId }, context.now));
      }
    }
    context.progress.advance();
  }
  return urls;
}

/** Saves the page; when another page holds its address already (one made by hand), it takes `slug-<WordPress id>`. */
async function saveWithFreeSlug(
  deps: ImportDeps,
  input: PageInput,
  item: WxrItem,
  id: number | undefined,
  fingerprint: string,
  context: PageImportContext,
  tell: (reason: ImportSentence) => void,
) {
  const save = (slug: string) =>
    savePage(
      deps,
      { ...input, slug },
      {
        ...(id === undefined ? {} : { id }),
        alongside: (trx, pageId) => saveImportRecord(trx, context.from, 'page', String(item.postId), { localId: pageId, fingerprint }, context.now),
      },
    );
  try {
    return await save(input.slug);
  } catch (error) {
    if (!(error instanceof ValidationError) || error.fields.slug === undefined || Object.keys(error.fields).length > 1) throw error;
    const slug = `${input.slug.slice(0, 100) || slugFrom(input.title)}-${item.postId}`;
    tell(importPhrase('imports.reason.slugTaken', { slug }));
    return save(slug);
  }
}

/** A link to another page of the old site goes to its new address when that is known; posts' links are left to their redirects. */
function linkTo(context: PageImportContext, urls: ReadonlyMap<number, string>, url: string): string | undefined {
  const key = context.index.keyOf(url);
  const postId = key === undefined ? undefined : context.index.postIdsByPath.get(key);
  if (key === undefined || postId === undefined) return undefined;
  // Not imported yet (a post, or a page further down): its old address on this site, which answers 301.
  return urls.get(postId) ?? encodeURI(key);
}
