import { createHash } from 'node:crypto';
import { type Article, type ImportedState, getArticle, saveImportedArticle } from '../../articles/index.ts';
import type { Db } from '../../db/database.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { type MediaItem, toResponsiveImage } from '../../media/index.ts';
import { articleUrl } from '../../platform/urls.ts';
import { type ImportPhrase, type ImportSentence, importPhrase } from '../import-phrases.ts';
import { findImportRecord, saveImportRecord } from '../import-records.queries.ts';
import type { ImportReport } from '../import-report.ts';
import { redirectKey } from '../redirects.ts';
import { type ContentResolvers, convertWordPressContent } from '../wordpress/wordpress-content.ts';
import { ghostImagePath, plainLine, prepareGhostHtml, withoutSiteToken } from './ghost-content.ts';
import { type GhostPost, type GhostPostMeta, isSet, parseGhostDate } from './ghost-export.ts';
import { dryRunPhoto } from './ghost-media.ts';
import { dryRunId, type GhostRun } from './ghost-run.ts';

/** Bumped when the conversion changes, so a re-run brings every article up to the new conversion. */
const conversionVersion = '1';

export interface ArticleContext extends GhostRun {
  readonly photos: ReadonlyMap<string, MediaItem | typeof dryRunPhoto>;
  /** The posts this run imports, so a link to one not imported yet is known to come back to. */
  readonly importable: ReadonlySet<string>;
  /** Save even when the post is as last imported (the pass that fills in links to later articles). */
  readonly force?: boolean;
  /** Where each imported page readers can see lives now, by its Ghost slug (pages come in first). */
  readonly pageUrls: ReadonlyMap<string, string>;
}

/** Why a post is not imported, or undefined when it is. */
export function whyNotImported(post: GhostPost): ImportPhrase | undefined {
  if (!post.html && (post.lexical || post.mobiledoc))
    return importPhrase('imports.reason.ghostNoHtmlPost', { document: post.lexical ? 'lexical' : 'mobiledoc' });
  if (!['published', 'scheduled', 'draft', 'sent'].includes(post.status))
    return importPhrase('imports.reason.ghostStatus', { status: plainLine(post.status, 30) });
  return undefined;
}

/** Where the article stands in Gazette, and what a person should be told about it. */
function stateOf(context: ArticleContext, post: GhostPost): { state: ImportedState; note?: ImportPhrase } {
  const { now } = context;
  const date = parseGhostDate(post.published_at);
  const updatedAt = parseGhostDate(post.updated_at) ?? date ?? now;
  const draft = (note?: ImportPhrase) => ({ state: { status: 'draft' as const, publishedAt: null, updatedAt, inReview: false }, ...(note ? { note } : {}) });
  const sentOnly = post.status === 'sent' || isSet(context.site.metaOf(post)?.email_only);
  if (sentOnly) return draft(importPhrase('imports.reason.ghostNewsletter'));
  if (post.status === 'draft') return draft();
  const visibility = post.visibility ?? 'public';
  if (visibility !== 'public') return draft(importPhrase('imports.reason.ghostMembers', { audience: visibility === 'members' ? 'members' : 'paid' }));
  if (post.status === 'scheduled' && date && date > now) return { state: { status: 'scheduled', publishedAt: date, updatedAt, inReview: false } };
  const note = post.status === 'scheduled' ? importPhrase('imports.reason.scheduledPast') : date ? undefined : importPhrase('imports.reason.ghostNoDate');
  return { state: { status: 'published', publishedAt: date ?? now, updatedAt, inReview: false }, ...(note ? { note } : {}) };
}

/** The photos a post shows, by path: its featured photo and those in its text. */
function photoPathsOf(post: GhostPost, bodyPaths: readonly string[]): string[] {
  const feature = post.feature_image ? ghostImagePath(post.feature_image) : undefined;
  return [...new Set([...(feature ? [feature] : []), ...bodyPaths])];
}

function fingerprintOf(context: ArticleContext, post: GhostPost, photoPaths: readonly string[]): string {
  const { site, lookups, photos } = context;
  const meta = site.metaOf(post);
  const placement = site.placementOf(post);
  const photo = (path: string) => {
    const item = photos.get(path);
    return item === undefined || item === dryRunPhoto ? null : item.id;
  };
  const what = {
    post: [post.title, post.slug, post.status, post.visibility, post.html, post.feature_image, post.custom_excerpt, post.published_at, post.updated_at],
    meta: [meta?.feature_image_alt, meta?.feature_image_caption, meta?.meta_title, meta?.meta_description, meta?.email_only],
    section: placement.section && lookups.sectionIds.get(placement.section.id),
    tags: placement.tags.map((tag) => lookups.tagIds.get(tag.id)),
    authors: site.authorsOf(post).map((user) => lookups.authorIds.get(user.id)),
    photos: photoPaths.map(photo),
    // A linked page published or moved since the last run changes the link.
    pages: [...context.pageUrls].filter(([slug]) => post.html?.includes(`/${slug}/`)),
  };
  return createHash('sha256').update(conversionVersion).update(JSON.stringify(what)).digest('hex').slice(0, 32);
}

/** A link to another post is written as a placeholder first, then resolved once its article's address is known. */
interface PostLink {
  readonly postId: string;
  readonly url: string;
}

/** A photo of the old site in a post's or page's text, as the library now holds it. */
export function photoResolver(photos: ArticleContext['photos']): ContentResolvers['image'] {
  return (reference) => {
    const path = reference.url === undefined ? undefined : ghostImagePath(reference.url);
    const item = path === undefined ? undefined : photos.get(path);
    if (item === undefined) return undefined;
    if (item === dryRunPhoto) return { storageKey: 'dry-run', src: '/media/dry-run/800.jpg', width: 800, height: 600, alt: '' };
    const { storageKey, width, height, alt, credit } = item;
    return { storageKey, src: toResponsiveImage(item).fallbackSrc, width, height, alt, ...(credit ? { credit } : {}) };
  };
}

function contentResolvers(context: ArticleContext, links: Map<string, PostLink>): ContentResolvers {
  return {
    image: photoResolver(context.photos),
    link(url) {
      // Ghost's own links are site-relative once __GHOST_URL__ is gone; its permalinks are /:slug/ (and /:slug/amp/).
      const key = url.startsWith('/') && !url.startsWith('//') ? redirectKey(url) : undefined;
      const slug = key === undefined ? undefined : /^\/([^/]+)(?:\/amp)?$/.exec(key)?.[1];
      const postId = slug === undefined ? undefined : context.site.articleIdsBySlug.get(slug);
      // A page not public here keeps its old address, which answers once the page is published.
      if (postId === undefined) return slug === undefined ? undefined : context.pageUrls.get(slug);
      const placeholder = `/ghost-link-${links.size + 1}`;
      links.set(placeholder, { postId, url });
      return placeholder;
    },
    reusableBlock: () => undefined,
  };
}

async function findArticle(db: Db, id: number): Promise<Article | undefined> {
  try {
    return await getArticle(db, id);
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/**
 * Puts each linked article's address in place of its placeholder. A link to an article not imported
 * yet keeps its old address for now and makes `ahead` true, so the last pass comes back to it.
 */
async function resolveLinks(context: ArticleContext, html: string, links: ReadonlyMap<string, PostLink>): Promise<{ html: string; ahead: boolean }> {
  let ahead = false;
  const addresses = new Map<string, string>();
  for (const [placeholder, link] of links) {
    const articleId = context.lookups.articleIds.get(link.postId);
    const article = articleId === undefined || context.dryRun ? undefined : await findArticle(context.deps.db, articleId);
    if (articleId === undefined && context.importable.has(link.postId)) ahead = true;
    addresses.set(placeholder, article && article.status !== 'draft' ? articleUrl(article) : link.url);
  }
  const resolved = html.replace(/href="(\/ghost-link-\d+)"/g, (whole, placeholder: string) => {
    const address = addresses.get(placeholder);
    return address === undefined ? whole : `href="${address.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`;
  });
  return { html: resolved, ahead };
}

/** Ghost fields with no place in Gazette, by name, when the post (or page) uses them. */
export function reportUnmapped(report: ImportReport, post: GhostPost, meta: GhostPostMeta | undefined): void {
  if (isSet(post.featured)) report.unmapped('posts.featured (a featured post)');
  for (const field of ['codeinjection_head', 'codeinjection_foot', 'custom_template', 'canonical_url'] as const)
    if (post[field]) report.unmapped(`posts.${field}`);
  for (const field of ['og_image', 'og_title', 'og_description', 'twitter_image', 'twitter_title', 'twitter_description'] as const)
    if (meta?.[field]) report.unmapped(`posts_meta.${field}`);
}

function ids(values: readonly (number | undefined)[]): number[] {
  return [...new Set(values.filter((id): id is number => id !== undefined))];
}

/** Imports one post (type post) as an article; true when it links to articles not imported yet. */
export async function importGhostArticle(context: ArticleContext, post: GhostPost, bodyPaths: readonly string[]): Promise<boolean> {
  const { site, from, lookups, report, dryRun, now } = context;
  const title = plainLine(post.title, 200);
  const note = (outcome: 'skipped' | 'changed', reason: ImportSentence) =>
    report.note({ kind: 'articles', sourceId: post.id, title: title || post.slug, outcome, reason });
  const skipped = whyNotImported(post);
  if (skipped) {
    note('skipped', skipped);
    return false;
  }
  reportUnmapped(report, post, site.metaOf(post));
  const photoPaths = photoPathsOf(post, bodyPaths);
  const fingerprint = fingerprintOf(context, post, photoPaths);
  const known = await findImportRecord(context.deps.db, from, 'article', post.id);
  if (known !== undefined && known.fingerprint === fingerprint && !context.force) {
    lookups.articleIds.set(post.id, known.localId);
    report.count('articles', 'unchanged');
    return false;
  }
  const decided = stateOf(context, post);
  const prepared = prepareGhostHtml(post.html ?? '');
  const links = new Map<string, PostLink>();
  const converted = convertWordPressContent(prepared.html, contentResolvers(context, links));
  const body = await resolveLinks(context, converted.html, links);
  for (const card of prepared.cards)
    note('changed', importPhrase(card.outcome === 'left out' ? 'imports.reason.ghostCardLeftOut' : 'imports.reason.ghostCardText', { card: card.kind }));
  for (const url of converted.report.missingImages) note('changed', importPhrase('imports.reason.imageNotImported', { url }));
  if (decided.note) note('changed', decided.note);
  const meta = site.metaOf(post);
  const featurePath = post.feature_image ? ghostImagePath(post.feature_image) : undefined;
  const featured = featurePath === undefined ? undefined : context.photos.get(featurePath);
  if (post.feature_image && !featured)
    note('changed', importPhrase('imports.reason.featuredNotImported', { url: plainLine(withoutSiteToken(post.feature_image), 200) }));

  const placement = site.placementOf(post);
  const input = {
    headline: title || `Untitled (Ghost post ${post.slug})`,
    standfirst: plainLine(post.custom_excerpt, 600),
    bodyHtml: body.html,
    slug: post.slug,
    sectionId: (placement.section && lookups.sectionIds.get(placement.section.id)) ?? null,
    authorIds: ids(site.authorsOf(post).map((user) => lookups.authorIds.get(user.id))),
    tagIds: ids(placement.tags.map((tag) => lookups.tagIds.get(tag.id))),
    featuredMediaId: featured === undefined || featured === dryRunPhoto ? null : featured.id,
    seoTitle: plainLine(meta?.meta_title, 120) || null,
    seoDescription: plainLine(meta?.meta_description, 320) || null,
  };
  if (dryRun) lookups.articleIds.set(post.id, known?.localId ?? dryRunId);
  else {
    try {
      const article = await saveImportedArticle(context.deps, known?.localId, input, decided.state, {
        record: (trx: Db, articleId: number, complete: boolean) =>
          saveImportRecord(trx, from, 'article', post.id, { localId: articleId, fingerprint: complete && !body.ahead ? fingerprint : '' }, now),
      });
      lookups.articleIds.set(post.id, article.id);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      note('skipped', Object.values(error.fields).join(' ') || error.message);
      return false;
    }
  }
  if (!context.force) report.count('articles', known ? 'updated' : 'created');
  return body.ahead;
}
