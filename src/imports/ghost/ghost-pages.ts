import { createHash } from 'node:crypto';
import { ValidationError } from '../../errors.ts';
import type { MediaItem } from '../../media/index.ts';
import { findPageById, type PageInput, publicPageUrl, savePage } from '../../pages/index.ts';
import { slugFrom } from '../../platform/slugs.ts';
import { type ImportPhrase, type ImportSentence, importPhrase } from '../import-phrases.ts';
import { findImportRecord, saveImportRecord } from '../import-records.queries.ts';
import { gazetteSlug } from '../taxonomy.ts';
import { convertWordPressContent } from '../wordpress/wordpress-content.ts';
import { photoResolver, reportUnmapped } from './ghost-articles.ts';
import { plainLine, prepareGhostHtml, withoutSiteToken } from './ghost-content.ts';
import type { GhostPost } from './ghost-export.ts';
import { dryRunPhoto } from './ghost-media.ts';
import { dryRunId, type GhostRun } from './ghost-run.ts';

/** Bumped when the conversion changes, so a re-run brings every page up to the new conversion. */
const conversionVersion = '1';

export interface PageContext extends GhostRun {
  readonly photos: ReadonlyMap<string, MediaItem | typeof dryRunPhoto>;
}

/** Why a Ghost page (a `posts` row that is not a post) is not imported, or undefined when it is. */
export function whyPageNotImported(page: GhostPost): ImportPhrase | undefined {
  if (page.type !== 'page') return importPhrase('imports.reason.ghostType', { type: plainLine(page.type, 30) });
  if (!page.html && (page.lexical || page.mobiledoc))
    return importPhrase('imports.reason.ghostNoHtmlPage', { document: page.lexical ? 'lexical' : 'mobiledoc' });
  if (!['published', 'scheduled', 'draft'].includes(page.status)) return importPhrase('imports.reason.ghostStatus', { status: plainLine(page.status, 30) });
  return undefined;
}

/** Gazette pages are published or drafts: no schedule, no paywall, so those come in as drafts, and are reported. */
function statusOf(page: GhostPost): { status: PageInput['status']; note?: ImportPhrase } {
  const visibility = page.visibility ?? 'public';
  if (page.status !== 'draft' && visibility !== 'public')
    return {
      status: 'draft',
      note: importPhrase('imports.reason.ghostMembers', { audience: visibility === 'members' ? 'members' : 'paid' }),
    };
  if (page.status === 'published') return { status: 'published' };
  if (page.status === 'scheduled') return { status: 'draft', note: importPhrase('imports.reason.ghostScheduledPage') };
  return { status: 'draft' };
}

function fingerprintOf(context: PageContext, page: GhostPost, bodyPaths: readonly string[]): string {
  const photo = (path: string) => {
    const item = context.photos.get(path);
    return item === undefined || item === dryRunPhoto ? null : item.id;
  };
  const what = [page.type, page.title, page.slug, page.status, page.visibility, page.html, page.updated_at, bodyPaths.map(photo)];
  return createHash('sha256').update(conversionVersion).update(JSON.stringify(what)).digest('hex').slice(0, 32);
}

/** Saves the page; when another page holds its address already (one made by hand), it takes `slug-<end of the Ghost id>`. */
async function saveWithFreeSlug(
  context: PageContext,
  page: GhostPost,
  input: PageInput,
  saved: { id: number | undefined; fingerprint: string },
  tell: (reason: ImportSentence) => void,
): Promise<number> {
  const save = (slug: string) =>
    savePage(
      context.deps,
      { ...input, slug },
      {
        ...(saved.id === undefined ? {} : { id: saved.id }),
        alongside: (trx, pageId) => saveImportRecord(trx, context.from, 'page', page.id, { localId: pageId, fingerprint: saved.fingerprint }, context.now),
      },
    );
  try {
    return (await save(input.slug)).id;
  } catch (error) {
    if (!(error instanceof ValidationError) || error.fields.slug === undefined || Object.keys(error.fields).length > 1) throw error;
    const slug = `${input.slug.slice(0, 100) || slugFrom(input.title)}-${slugFrom(page.id).slice(-8) || 'ghost'}`;
    tell(importPhrase('imports.reason.slugTaken', { slug }));
    return (await save(slug)).id;
  }
}

/** Imports one Ghost page as a top-level Gazette page (Ghost pages do not nest). */
async function importGhostPage(context: PageContext, page: GhostPost, bodyPaths: readonly string[]): Promise<void> {
  const { from, report, dryRun, lookups } = context;
  const title = plainLine(page.title, 200) || `Untitled (Ghost page ${plainLine(page.slug, 60)})`;
  const tell = (reason: ImportSentence, outcome: 'changed' | 'skipped' = 'changed') =>
    report.note({ kind: 'pages', sourceId: page.id, title, outcome, reason });
  const skipped = whyPageNotImported(page);
  if (skipped) return tell(skipped, 'skipped');
  reportUnmapped(report, page, context.site.metaOf(page));
  const fingerprint = fingerprintOf(context, page, bodyPaths);
  const known = await findImportRecord(context.deps.db, from, 'page', page.id);
  const existing = known && (await findPageById(context.deps.db, known.localId));
  if (existing && known?.fingerprint === fingerprint) {
    lookups.pageIds.set(page.id, existing.id);
    report.count('pages', 'unchanged');
    return;
  }
  const decided = statusOf(page);
  const prepared = prepareGhostHtml(page.html ?? '');
  // Links keep their old addresses: pages come in before the posts, and the redirects answer those addresses.
  const body = convertWordPressContent(prepared.html, { image: photoResolver(context.photos), link: () => undefined, reusableBlock: () => undefined });
  for (const card of prepared.cards)
    tell(importPhrase(card.outcome === 'left out' ? 'imports.reason.ghostCardLeftOut' : 'imports.reason.ghostCardText', { card: card.kind }));
  for (const url of body.report.missingImages) tell(importPhrase('imports.reason.imageNotImported', { url }));
  if (page.feature_image) tell(importPhrase('imports.reason.featuredOnPage', { url: plainLine(withoutSiteToken(page.feature_image), 200) }));
  if (page.custom_excerpt) report.unmapped('posts.custom_excerpt (on a page)');
  if (decided.note) tell(decided.note);
  const input: PageInput = { parentId: null, slug: gazetteSlug(page.slug, title), title, bodyHtml: body.html, position: 0, status: decided.status };
  if (dryRun) lookups.pageIds.set(page.id, existing?.id ?? dryRunId);
  else {
    try {
      lookups.pageIds.set(page.id, await saveWithFreeSlug(context, page, input, { id: existing?.id, fingerprint }, tell));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return tell(Object.values(error.fields)[0] ?? error.message, 'skipped');
    }
  }
  report.count('pages', existing ? 'updated' : 'created');
}

/**
 * Brings Ghost pages (`posts` rows of type page) in as top-level Gazette pages, with their slug, title
 * and body converted as posts' are; their old addresses are left to saveGhostRedirects, by `lookups.pageIds`.
 * Returns where each page readers can see now lives, by Ghost slug, so links in posts can go straight there.
 *
 * @example const pageUrls = await importGhostPages({ ...run, photos }, bodyPaths);
 */
export async function importGhostPages(context: PageContext, bodyPaths: ReadonlyMap<string, readonly string[]>): Promise<Map<string, string>> {
  const { site, progress, dryRun, deps, lookups } = context;
  progress.phase('pages', site.pages.length);
  const urls = new Map<string, string>();
  for (const page of site.pages) {
    await importGhostPage(context, page, bodyPaths.get(page.id) ?? []);
    const id = lookups.pageIds.get(page.id);
    const url = id === undefined || dryRun ? undefined : await publicPageUrl(deps.db, id);
    if (url) urls.set(page.slug, url);
    progress.advance();
  }
  return urls;
}
