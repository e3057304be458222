import { descriptionLimits } from '../../media/index.ts';
import { htmlToText } from '../../render/sanitize.ts';
import type { ImportDeps } from '../import-deps.ts';
import { importPhrase } from '../import-phrases.ts';
import type { Progress } from '../import-progress.ts';
import { ImportReport } from '../import-report.ts';
import { findImageReferences } from '../wordpress/wordpress-content.ts';
import { type ArticleContext, importGhostArticle, whyNotImported } from './ghost-articles.ts';
import { importGhostAuthors } from './ghost-authors.ts';
import { ghostImagePath, plainLine, prepareGhostHtml } from './ghost-content.ts';
import { readGhostExport } from './ghost-export.ts';
import { importGhostPages, whyPageNotImported } from './ghost-pages.ts';
import { dryRunPhoto, importGhostPhotos, type WantedPhoto } from './ghost-media.ts';
import { saveGhostRedirects } from './ghost-redirects.ts';
import { dryRunId, type GhostRun } from './ghost-run.ts';
import { GhostSite } from './ghost-site.ts';
import { importGhostTaxonomy } from './ghost-taxonomy.ts';
import { eventLoopTurns } from '../../platform/event-loop-turns.ts';

export interface GhostImportOptions {
  /** Opens the export (Settings › Labs › Export). It is read once, whole, into memory: see maxExportBytes. */
  readonly open: () => NodeJS.ReadableStream;
  /** A copy of the site's content/images folder; without it, photos are reported missing and articles come in without them. */
  readonly imagesDir?: string;
  readonly dryRun?: boolean;
  readonly progress: Progress;
}

/** Tables of Ghost's own machinery (roles, memberships, newsletters, themes): nothing a reader saw, so not reported. */
const machineryTables = new Set([
  'roles',
  'roles_users',
  'permissions',
  'permissions_roles',
  'permissions_users',
  'custom_theme_settings',
  'newsletters',
  'products',
  'benefits',
  'products_benefits',
  'posts_products',
  'offers',
  'offer_redemptions',
  'stripe_products',
  'stripe_prices',
  'mobiledoc_revisions',
  'post_revisions',
]);

/**
 * Imports a Ghost 5 site from its JSON export: staff on bylines become authors, each post's primary
 * public tag its section and its other public tags its tags, posts articles and pages top-level pages
 * (their HTML through the same conversion and allow-list as WordPress's), photos library photos, and
 * Ghost's addresses 301s. Re-running updates what changed and duplicates nothing; a dry run
 * writes nothing and gives the same report.
 *
 * @throws GhostExportError when the file is not a Ghost 5+ export (its message says why, for a person).
 * @example
 * const report = await importGhost(deps, { open: () => createReadStream('site.ghost.json'), imagesDir: 'content/images', progress: silentProgress });
 * console.log(report.toText());
 */
export async function importGhost(deps: ImportDeps, options: GhostImportOptions): Promise<ImportReport> {
  const { progress } = options;
  const dryRun = options.dryRun ?? false;
  const report = new ImportReport(dryRun);
  const now = deps.clock.now();

  progress.phase('reading');
  const site = new GhostSite(await readGhostExport(options.open()));
  const from = { source: 'ghost', origin: site.origin } as const;
  const run: GhostRun = {
    deps,
    site,
    from,
    lookups: { authorIds: new Map(), sectionIds: new Map(), tagIds: new Map(), articleIds: new Map(), pageIds: new Map() },
    report,
    dryRun,
    now,
    progress,
  };
  reportExport(site, report);

  const bodyPaths = new Map([...site.articles, ...site.pages].map((post) => [post.id, bodyPhotoPaths(post.html ?? '')]));
  const photos = await importGhostPhotos({ ...run, files: deps.files, db: deps.db, imagesDir: options.imagesDir }, wantedPhotos(site, bodyPaths));
  await importGhostAuthors(run, photos);
  await importGhostTaxonomy(run);
  // Before the posts, so their links to pages can go straight to the pages' new addresses.
  const pageUrls = await importGhostPages({ ...run, photos }, bodyPaths);

  progress.phase('articles', site.articles.length);
  const importable = new Set(site.articles.filter((post) => whyNotImported(post) === undefined).map((post) => post.id));
  const articles: ArticleContext = { ...run, photos, importable, pageUrls };
  const linksAhead = [];
  const turn = eventLoopTurns();
  for (const post of site.articles) {
    if (await importGhostArticle(articles, post, bodyPaths.get(post.id) ?? [])) linksAhead.push(post);
    progress.advance();
    await turn();
  }
  if (linksAhead.length > 0 && !dryRun) {
    // Links to articles later in the export could only be made once those were in.
    progress.phase('links', linksAhead.length);
    for (const post of linksAhead) {
      await importGhostArticle({ ...articles, report: new ImportReport(false), force: true }, post, bodyPaths.get(post.id) ?? []);
      progress.advance();
    }
  }

  progress.phase('old-addresses');
  const mediaIds = new Map([...photos].map(([path, item]) => [path, item === dryRunPhoto ? dryRunId : item.id] as const));
  await saveGhostRedirects(deps.db, { site, lookups: { ...run.lookups, mediaIds }, dryRun, now, report });
  progress.done();
  return report;
}

/** What the export holds that the import leaves aside: rows not shaped as Ghost writes them, other tables. */
function reportExport(site: GhostSite, report: ImportReport): void {
  for (const row of site.file.rejected)
    report.note({
      kind: row.table,
      sourceId: row.sourceId,
      title: row.sourceId,
      outcome: 'skipped',
      reason: importPhrase('imports.reason.ghostRejectedRow', { detail: row.reason }),
    });
  for (const [table, rows] of site.file.otherTables) if (!machineryTables.has(table)) report.unmapped(`table ${table} (${rows.toLocaleString('en')} rows)`);
}

function bodyPhotoPaths(html: string): string[] {
  return findImageReferences(prepareGhostHtml(html).html).flatMap((reference) => (reference.url ? (ghostImagePath(reference.url) ?? []) : []));
}

/** The photos to import, each once: featured photos first, so the alt text and caption the newsroom gave them describe them in the library. */
function wantedPhotos(site: GhostSite, bodyPaths: ReadonlyMap<string, readonly string[]>): WantedPhoto[] {
  const wanted = new Map<string, WantedPhoto>();
  const want = (path: string | undefined, alt = '', caption = '') => {
    if (path !== undefined && !wanted.has(path)) wanted.set(path, { path, alt, caption });
  };
  const articles = site.articles.filter((post) => whyNotImported(post) === undefined);
  for (const post of articles) {
    const meta = site.metaOf(post);
    // Ghost keeps the caption as HTML (a link to the photographer, say); the library keeps text.
    const caption = htmlToText(meta?.feature_image_caption ?? '').slice(0, descriptionLimits.caption);
    want(post.feature_image ? ghostImagePath(post.feature_image) : undefined, plainLine(meta?.feature_image_alt, descriptionLimits.alt), caption);
  }
  for (const post of articles) for (const path of bodyPaths.get(post.id) ?? []) want(path);
  for (const page of site.pages.filter((page) => whyPageNotImported(page) === undefined)) for (const path of bodyPaths.get(page.id) ?? []) want(path);
  for (const user of site.bylineUsers().authors) want(user.profile_image ? ghostImagePath(user.profile_image) : undefined);
  return [...wanted.values()];
}
