import { createHash } from 'node:crypto';
import { type Article, type ArticleDeps, getArticle, type ImportedState, pinArticle, saveImportedArticle } from '../../articles/index.ts';
import { articleUrl } from '../../platform/urls.ts';
import { createAuthor, findAuthorById, findAuthorBySlug } from '../../authors/index.ts';
import type { Db } from '../../db/database.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { toResponsiveImage, type MediaItem } from '../../media/index.ts';
import { slugFrom } from '../../platform/slugs.ts';
import { htmlToText } from '../../render/sanitize.ts';
import type { ImportDeps } from '../import-deps.ts';
import { type ImportPhrase, importPhrase, sentenceOfError } from '../import-phrases.ts';
import type { Progress } from '../import-progress.ts';
import { findImportRecord, type ImportOrigin, listImportRecords, saveImportRecord } from '../import-records.queries.ts';
import { ImportReport } from '../import-report.ts';
import { findImportedMedia } from '../imported-media.ts';
import { importWordPressComments } from './wordpress-comments.ts';
import { setArticleCommentsOpen } from '../../comments/index.ts';
import { type ContentResolvers, convertWordPressContent } from './wordpress-content.ts';
import { WordPressIndex } from './wordpress-index.ts';
import { importAttachment } from './wordpress-media.ts';
import { importWordPressPages, readWordPressPages } from './wordpress-pages.ts';
import { MissingUploadError } from '../upload-files.ts';
import { saveWordPressRedirects } from './wordpress-redirects.ts';
import { alreadyHere, cleanName, gazetteSlug, sectionForCategory, tagForName } from '../taxonomy.ts';
import { parseWxrGmtDate, readWxr } from './wxr-reader.ts';
import type { WxrItem } from './wxr-records.ts';

export interface WordPressImportOptions {
  /** A copy of wp-content/uploads; without it, photos are reported missing and articles come in without them. */
  readonly uploadsDir?: string;
  readonly dryRun?: boolean;
  readonly progress: Progress;
  /** Opens the export again for each pass (the file is read as a stream, never held whole). */
  readonly open: () => NodeJS.ReadableStream;
  /** The old site's permalink bases for category and tag archives, when not WordPress's defaults. */
  readonly categoryBases?: readonly string[];
  readonly tagBases?: readonly string[];
}

/** Bumped when the conversion changes, so a re-run brings every article up to the new conversion. */
const conversionVersion = '2';

function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(conversionVersion).update(JSON.stringify(value)).digest('hex').slice(0, 32);
}

/** What Gazette makes of a WordPress post status; undefined means not imported, with the reason. */
function stateOf(item: WxrItem, now: Date): { state: ImportedState; note?: ImportPhrase } | { skip: ImportPhrase } {
  const date = parseWxrGmtDate(item.postDateGmt) ?? null;
  const updatedAt = parseWxrGmtDate(item.modifiedGmt) ?? date ?? now;
  switch (item.status) {
    case 'publish':
      return { state: { status: 'published', publishedAt: date ?? now, updatedAt, inReview: false } };
    case 'future':
      return date && date > now
        ? { state: { status: 'scheduled', publishedAt: date, updatedAt, inReview: false } }
        : { state: { status: 'published', publishedAt: date ?? now, updatedAt, inReview: false }, note: importPhrase('imports.reason.scheduledPast') };
    case 'draft':
      return { state: { status: 'draft', publishedAt: null, updatedAt, inReview: false } };
    case 'pending':
      return { state: { status: 'draft', publishedAt: null, updatedAt, inReview: true } };
    case 'private':
      return { state: { status: 'draft', publishedAt: null, updatedAt, inReview: false }, note: importPhrase('imports.reason.wordpressPrivate') };
    case 'trash':
      return { skip: importPhrase('imports.reason.wordpressTrash') };
    default:
      return { skip: importPhrase('imports.reason.wordpressStatus', { status: item.status.slice(0, 30) }) };
  }
}

/** Fields WordPress and its plugins keep that Gazette has no use for and no one needs told about. */
const ignoredMeta =
  /^(_edit_lock|_edit_last|_pingme|_encloseme|_oembed_.*|_wp_old_slug|_wp_old_date|_thumbnail_id|_wp_desired_post_slug|_wp_trash_meta_.*|_wp_page_template|dateline|correction|correction_date)$/;

interface Lookups {
  readonly authorIds: Map<string, number>;
  readonly sectionIds: Map<string, number>;
  readonly tagIds: Map<string, number>;
  readonly media: Map<number, MediaItem>;
  readonly articleIds: Map<string, number>;
  /** Where each published page lives now, by WordPress id. */
  pageUrls: ReadonlyMap<number, string>;
  /** What a dry run would have imported, by WordPress id (a real run finds it in the maps above). */
  readonly wouldImport: { readonly postIds: Set<number>; readonly attachmentIds: Set<number> };
}

export async function importWordPress(deps: ImportDeps, options: WordPressImportOptions): Promise<ImportReport> {
  const { progress } = options;
  const dryRun = options.dryRun ?? false;
  const report = new ImportReport(dryRun);
  const now = deps.clock.now();

  progress.phase('reading');
  const index = await WordPressIndex.read(options.open(), () => progress.advance());
  const from: ImportOrigin = { source: 'wordpress', origin: index.origin };
  const lookups: Lookups = {
    authorIds: new Map(),
    sectionIds: new Map(),
    tagIds: new Map(),
    media: new Map(),
    articleIds: await listImportRecords(deps.db, from, 'article'),
    pageUrls: new Map(),
    wouldImport: { postIds: new Set(), attachmentIds: new Set() },
  };

  progress.phase('authors', index.authors.length);
  for (const author of index.authors) {
    const name = cleanName(author.displayName || author.login) || author.login;
    const slug = gazetteSlug(slugFrom(author.login), name);
    // A profile deleted in the newsroom since the last run is made again, not pointed at.
    const recorded = (await findImportRecord(deps.db, from, 'author', String(author.id)))?.localId;
    const stillThere = recorded !== undefined && (await findAuthorById(deps.db, recorded)) ? recorded : undefined;
    const existing = stillThere ?? (await findAuthorBySlug(deps.db, slug))?.id;
    if (existing !== undefined) {
      lookups.authorIds.set(author.login, existing);
      report.count('authors', 'unchanged');
    } else if (!dryRun) {
      const created = await createAuthor(deps.db, { name: name.slice(0, 100), slug });
      await saveImportRecord(deps.db, from, 'author', String(author.id), { localId: created.id, fingerprint: '' }, now);
      lookups.authorIds.set(author.login, created.id);
      report.count('authors', 'created');
    } else report.count('authors', 'created');
    progress.advance();
  }

  progress.phase('sections-and-tags', index.taxonomy.categories.length + index.taxonomy.tags.length);
  let position = 0;
  for (const category of index.taxonomy.categories) {
    const top = index.taxonomy.topLevelOf(category.slug) === category.slug;
    if (dryRun) report.count(top ? 'sections' : 'tags', (await alreadyHere(deps.db, category, top)) ? 'unchanged' : 'created');
    else if (!top) await importTag(category, lookups, deps.db, report);
    else {
      const section = await sectionForCategory(deps.db, category, Math.min(++position * 10, 999));
      lookups.sectionIds.set(category.slug, section.id);
      if (section.note) report.note({ kind: 'sections', sourceId: category.slug, title: cleanName(category.name), outcome: 'changed', reason: section.note });
      report.count('sections', section.existed ? 'unchanged' : 'created');
    }
    progress.advance();
  }
  for (const tag of index.taxonomy.tags) {
    if (dryRun) report.count('tags', (await alreadyHere(deps.db, tag, false)) ? 'unchanged' : 'created');
    else await importTag(tag, lookups, deps.db, report);
    progress.advance();
  }

  progress.phase('photos', index.attachments.size);
  for (const attachment of index.attachments.values()) {
    try {
      if (!options.uploadsDir) throw new MissingUploadError(importPhrase('imports.upload.noUploads'));
      if (dryRun) {
        report.count('photos', (await findImportedMedia(deps.db, from, String(attachment.postId))) ? 'unchanged' : 'created');
        lookups.wouldImport.attachmentIds.add(attachment.postId);
      } else {
        const known = await findImportedMedia(deps.db, from, String(attachment.postId));
        const item = known ?? (await importAttachment({ db: deps.db, files: deps.files, now }, options.uploadsDir, attachment));
        if (!known) await saveImportRecord(deps.db, from, 'media', String(attachment.postId), { localId: item.id, fingerprint: '' }, now);
        lookups.media.set(attachment.postId, item);
        report.count('photos', known ? 'unchanged' : 'created');
      }
    } catch (error) {
      if (!(error instanceof Error) || (error.name !== 'UploadRefusedError' && !(error instanceof MissingUploadError))) throw error;
      report.note({
        kind: 'photos',
        sourceId: String(attachment.postId),
        title: attachment.uploadPath ?? attachment.url,
        outcome: 'skipped',
        reason: sentenceOfError(error),
      });
    }
    progress.advance();
  }

  // Before the posts, so their links to pages can go straight to the pages' new addresses.
  lookups.pageUrls = await importWordPressPages(
    deps,
    { index, from, report, dryRun, now, progress, image: imageResolver({ index, lookups, dryRun }) },
    await readWordPressPages(options.open()),
  );

  const posts = [...index.posts.values()].filter((post) => post.type === 'post');
  progress.phase('articles', posts.length);
  const laterLinks: number[] = [];
  for await (const record of readWxr(options.open())) {
    if (record.kind !== 'item') continue;
    if (record.postType !== 'post') {
      if (
        !['page', 'attachment', 'wp_block', 'nav_menu_item', 'revision', 'customize_changeset', 'wp_global_styles', 'wp_navigation'].includes(record.postType)
      ) {
        report.note({
          kind: record.postType,
          sourceId: String(record.postId),
          title: record.title,
          outcome: 'skipped',
          reason: importPhrase('imports.reason.wordpressType', { type: record.postType }),
        });
      }
      continue;
    }
    const linksAhead = await importPost(deps, { index, from, lookups, report, dryRun, now }, record);
    if (linksAhead) laterLinks.push(record.postId);
    progress.advance();
  }

  if (laterLinks.length > 0 && !dryRun) {
    // Links to articles further down the file could only be made once those were in.
    progress.phase('links', laterLinks.length);
    const wanted = new Set(laterLinks);
    for await (const record of readWxr(options.open())) {
      if (record.kind === 'item' && wanted.has(record.postId)) {
        await importPost(deps, { index, from, lookups, report: new ImportReport(false), dryRun, now, force: true }, record);
        progress.advance();
      }
    }
  }
  await saveWordPressRedirects(deps.db, {
    index,
    from,
    lookups,
    dryRun,
    wouldImport: lookups.wouldImport,
    now,
    report,
    ...(options.categoryBases ? { categoryBases: options.categoryBases } : {}),
    ...(options.tagBases ? { tagBases: options.tagBases } : {}),
  });
  progress.done();
  return report;
}

/** A WordPress tag, or a category under another, as a Gazette tag; a name Gazette refuses is reported, not fatal. */
async function importTag(term: { slug: string; name: string; description: string }, lookups: Lookups, db: Db, report: ImportReport): Promise<void> {
  const name = cleanName(term.name) || term.slug;
  try {
    const tag = await tagForName(db, name, term.description);
    lookups.tagIds.set(cleanName(term.name), tag.id);
    report.count('tags', tag.existed ? 'unchanged' : 'created');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    report.note({ kind: 'tags', sourceId: term.slug, title: name, outcome: 'skipped', reason: sentenceOfError(error) });
  }
}

interface PostContext {
  readonly index: WordPressIndex;
  readonly from: ImportOrigin;
  readonly lookups: Lookups;
  readonly report: ImportReport;
  readonly dryRun: boolean;
  readonly now: Date;
  /** Save even when the post is as last imported (the pass that fills in links to later articles). */
  readonly force?: boolean;
}

/** A link to another post is written as a placeholder first, then resolved once its article's address is known. */
interface PostLink {
  readonly postId: number;
  readonly url: string;
}

/** A photo in a post or page, as the library now holds it. */
function imageResolver({ index, lookups, dryRun }: Pick<PostContext, 'index' | 'lookups' | 'dryRun'>): ContentResolvers['image'] {
  return (ref) => {
    const attachment = index.attachmentFor(ref);
    const item = attachment && lookups.media.get(attachment.postId);
    if (!item) return dryRun && attachment ? { storageKey: 'dry-run', src: '/media/dry-run/800.jpg', width: 800, height: 600, alt: attachment.alt } : undefined;
    const { storageKey, width, height, alt, caption, credit } = item;
    // The caption shows where the body gives none (a gallery's photos); the credit goes with the photo everywhere.
    return { storageKey, src: toResponsiveImage(item).fallbackSrc, width, height, alt, ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) };
  };
}

function contentResolvers(context: PostContext, links: Map<string, PostLink>): ContentResolvers {
  const { index } = context;
  return {
    image: imageResolver(context),
    link(url) {
      const key = index.keyOf(url);
      const postId = key === undefined ? undefined : index.postIdsByPath.get(key);
      if (postId === undefined) return undefined;
      const page = context.lookups.pageUrls.get(postId);
      if (page) return page;
      const placeholder = `/wordpress-link-${links.size + 1}`;
      links.set(placeholder, { postId, url });
      return placeholder;
    },
    reusableBlock: (id) => index.reusableBlocks.get(id),
  };
}

/**
 * Puts each linked article's address in place of its placeholder. A link to an article not imported
 * yet keeps its old address for now and makes `ahead` true, so the last pass comes back to it.
 */
async function resolveLinks(db: Db, context: PostContext, html: string, links: ReadonlyMap<string, PostLink>): Promise<{ html: string; ahead: boolean }> {
  let ahead = false;
  const addresses = new Map<string, string>();
  for (const [placeholder, link] of links) {
    const articleId = context.lookups.articleIds.get(String(link.postId));
    const article = articleId === undefined || context.dryRun ? undefined : await findArticle(db, articleId);
    if (articleId === undefined && context.index.posts.get(link.postId)?.type === 'post') ahead = true;
    addresses.set(placeholder, article && article.status !== 'draft' ? articleUrl(article) : link.url);
  }
  const resolved = html.replace(/href="(\/wordpress-link-\d+)"/g, (whole, placeholder: string) => {
    const address = addresses.get(placeholder);
    return address === undefined ? whole : `href="${escapeAttribute(address)}"`;
  });
  return { html: resolved, ahead };
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

async function findArticle(db: Db, id: number): Promise<Article | undefined> {
  try {
    return await getArticle(db, id);
  } catch (error) {
    // Deleted in the newsroom since it was imported: the link keeps its old address. Anything else is a real failure.
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

function postFingerprint(item: WxrItem): string {
  const { comments: _comments, modified: _modified, modifiedGmt: _modifiedGmt, pubDate: _pubDate, ...rest } = item;
  return fingerprintOf(rest);
}

/** Imports one post and its comments; true when it links to articles not imported yet. */
async function importPost(deps: ImportDeps, context: PostContext, item: WxrItem): Promise<boolean> {
  const { index, from, lookups, report, dryRun, now } = context;
  const title = htmlToText(item.title).slice(0, 200);
  const decided = stateOf(item, now);
  if ('skip' in decided) {
    report.note({ kind: 'articles', sourceId: String(item.postId), title, outcome: 'skipped', reason: decided.skip });
    return false;
  }
  const known = await findImportRecord(deps.db, from, 'article', String(item.postId));
  const fingerprint = postFingerprint(item);
  const unchanged = known !== undefined && known.fingerprint === fingerprint && !context.force;
  let linksAhead = false;
  if (unchanged) {
    report.count('articles', 'unchanged');
  } else {
    const links = new Map<string, PostLink>();
    const converted = convertWordPressContent(item.content, contentResolvers(context, links));
    const body = await resolveLinks(deps.db, context, converted.html, links);
    linksAhead = body.ahead;
    for (const name of converted.report.unknownShortcodes)
      report.note({
        kind: 'articles',
        sourceId: String(item.postId),
        title,
        outcome: 'changed',
        reason: importPhrase('imports.reason.unknownShortcode', { name }),
      });
    for (const name of converted.report.unknownBlocks)
      report.note({
        kind: 'articles',
        sourceId: String(item.postId),
        title,
        outcome: 'changed',
        reason: importPhrase('imports.reason.unknownBlock', { name }),
      });
    for (const url of converted.report.missingImages)
      report.note({
        kind: 'articles',
        sourceId: String(item.postId),
        title,
        outcome: 'changed',
        reason: importPhrase('imports.reason.imageNotFound', { url }),
      });
    for (const id of converted.report.missingReusableBlocks)
      report.note({
        kind: 'articles',
        sourceId: String(item.postId),
        title,
        outcome: 'changed',
        reason: importPhrase('imports.reason.reusableBlockMissing', { id: String(id) }),
      });
    if (decided.note) report.note({ kind: 'articles', sourceId: String(item.postId), title, outcome: 'changed', reason: decided.note });
    for (const key of Object.keys(item.meta)) if (!ignoredMeta.test(key) && !key.startsWith('_')) report.unmapped(`custom field ${key}`);
    const placement = index.taxonomy.placementOf(item.terms);
    const thumbnailId = Number(item.meta._thumbnail_id?.[0]);
    const featured = Number.isInteger(thumbnailId) ? lookups.media.get(thumbnailId) : undefined;
    // A photo not found this time is looked for again when the import is run with the photos.
    const photosMissing = converted.report.missingImages.length > 0 || (index.attachments.has(thumbnailId) && !featured);
    const corrections = (item.meta.correction ?? []).map((text, n) => ({
      text: htmlToText(text).slice(0, 2000),
      at: parseCorrectionDate(item.meta.correction_date?.[n]) ?? decided.state.publishedAt ?? now,
    }));
    const input = {
      headline: title || `Untitled (WordPress post ${item.postId})`,
      standfirst: htmlToText(item.excerpt).slice(0, 600),
      // WordPress themes print the dateline as typed ("CAIRO —"); Gazette adds its own dash.
      dateline: htmlToText(item.meta.dateline?.[0] ?? '')
        .replace(/\s*[—–-]+\s*$/u, '')
        .slice(0, 60),
      bodyHtml: body.html,
      slug: item.postName,
      sectionId: (placement.sectionSlug && lookups.sectionIds.get(placement.sectionSlug)) || null,
      authorIds: [lookups.authorIds.get(item.creator)].filter((id): id is number => id !== undefined),
      tagIds: [...new Set(placement.tagNames.map((name) => lookups.tagIds.get(name)).filter((id): id is number => id !== undefined))],
      featuredMediaId: featured?.id ?? null,
    };
    if (!title)
      report.note({
        kind: 'articles',
        sourceId: String(item.postId),
        title: '(no title)',
        outcome: 'changed',
        reason: importPhrase('imports.reason.wordpressNoTitle'),
      });
    if (!dryRun) {
      const article: Article = await saveImportedArticle(articleDeps(deps), known?.localId, input, decided.state, {
        corrections,
        record: (trx: Db, articleId: number, complete: boolean) =>
          saveImportRecord(
            trx,
            from,
            'article',
            String(item.postId),
            { localId: articleId, fingerprint: complete && !linksAhead && !photosMissing ? fingerprint : '' },
            now,
          ),
      });
      lookups.articleIds.set(String(item.postId), article.id);
      // WordPress's "Allow comments" box, as the post had it.
      await setArticleCommentsOpen(deps.db, article.id, item.commentStatus !== 'closed');
      // WordPress's sticky posts lead its home page; here the last one pinned leads.
      if (item.isSticky && !known) await pinArticle(articleDeps(deps), article.id, true);
    } else lookups.wouldImport.postIds.add(item.postId);
    if (!context.force) report.count('articles', known ? 'updated' : 'created');
  }
  const articleId = lookups.articleIds.get(String(item.postId));
  if (!context.force) await importWordPressComments(deps.db, { from, report, dryRun, now, articleId }, item);
  return linksAhead;
}

function articleDeps(deps: ImportDeps): ArticleDeps {
  return { db: deps.db, clock: deps.clock, changes: deps.changes };
}

function parseCorrectionDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value.replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
