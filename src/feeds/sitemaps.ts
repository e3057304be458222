import { type ArticleIndexEntry, listArticleIndexEntries, listPublicationTimes, listPublishedCollections } from '../articles/index.ts';
import { absoluteUrl, articleUrl, authorUrl, homeUrl, sectionUrl, type SitemapFile, sitemapUrl, tagUrl } from '../platform/urls.ts';
import type { Db } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { shareableImage } from '../media/index.ts';
import { type ContentTag, contentTags } from '../platform/content-changes.ts';
import type { BuiltPage } from '../platform/page-cache.ts';
import type { SiteContext } from '../settings/index.ts';
import { renderSitemapIndex, renderUrlset, sitemapContentType, type SitemapEntry } from './sitemap-documents.ts';
import {
  entriesPerSitemap,
  monthRange,
  newest,
  newsLanguage,
  newsSitemapExpiry,
  newsWindowMs,
  type PlannedSitemap,
  planArticleSitemaps,
  splitIntoParts,
} from './sitemap-plan.ts';
import { laterOf } from '../render/dates.ts';

const messages = {
  noSuchSitemap: 'There is no sitemap at this address.',
};

export interface SitemapDeps {
  readonly db: Db;
  readonly site: SiteContext;
}

type CollectionKind = 'sections' | 'tags' | 'authors';

const collectionKinds = {
  sections: { kind: 'section', url: sectionUrl, tag: contentTags.section },
  tags: { kind: 'tag', url: tagUrl, tag: contentTags.tag },
  authors: { kind: 'author', url: authorUrl, tag: contentTags.author },
} as const;

/** Every list a publication or withdrawal can change announces this scope. */
const anyArticle = contentTags.scope({ kind: 'all' });

function tagsOfEntries(entries: readonly ArticleIndexEntry[]): ContentTag[] {
  return entries.flatMap((entry) => [
    contentTags.article(entry.id),
    ...(entry.section ? [contentTags.section(entry.section.id)] : []),
    ...(entry.image ? [contentTags.media(entry.image.id)] : []),
  ]);
}

function articleEntry(entry: ArticleIndexEntry, publicUrl: string): SitemapEntry {
  const image = entry.image ? shareableImage(entry.image) : undefined;
  return {
    url: absoluteUrl(publicUrl, articleUrl(entry)),
    lastModified: laterOf(entry.updatedAt, entry.publishedAt),
    ...(image && entry.image ? { image: { url: absoluteUrl(publicUrl, image.path), caption: entry.image.caption } } : {}),
  };
}

/** Sections (after the front page), tags or authors that have published articles, split into parts. */
async function loadCollectionParts(deps: SitemapDeps, kind: CollectionKind, now: Date) {
  const { url, tag } = collectionKinds[kind];
  const collections = await listPublishedCollections(deps.db, collectionKinds[kind].kind, now);
  const entries: SitemapEntry[] = [
    ...(kind === 'sections' ? [{ url: absoluteUrl(deps.site.publicUrl, homeUrl()) }] : []),
    ...collections.map((collection) => ({ url: absoluteUrl(deps.site.publicUrl, url(collection)), lastModified: collection.lastModified })),
  ];
  return { parts: entries.length > 0 ? splitIntoParts(entries, entriesPerSitemap.collections) : [], tags: collections.map((c) => tag(c.id)) };
}

/** Everything published in the last 48 hours, in parts; it all goes stale when the oldest turns 48 hours old. */
async function loadNewsParts(deps: SitemapDeps, now: Date) {
  const entries = await listArticleIndexEntries(deps.db, { now, from: new Date(now.getTime() - newsWindowMs) });
  return { entries, parts: splitIntoParts(entries, entriesPerSitemap.news), expiresAt: newsSitemapExpiry(entries.map((e) => e.publishedAt)) };
}

/** /sitemap.xml: the news sitemap, the section, tag and author sitemaps, then each month's articles. */
export async function buildSitemapIndex(deps: SitemapDeps, now: Date): Promise<BuiltPage> {
  const news = await loadNewsParts(deps, now);
  const planned: PlannedSitemap[] = news.parts.map((part, index) => ({
    file: { kind: 'news', part: index + 1 },
    lastModified: newest(part.map((entry) => entry.updatedAt)),
  }));
  for (const kind of ['sections', 'tags', 'authors'] as const) {
    const { parts } = await loadCollectionParts(deps, kind, now);
    for (const [index, part] of parts.entries()) {
      planned.push({ file: { kind, part: index + 1 }, lastModified: newest(part.flatMap((entry) => entry.lastModified ?? [])) });
    }
  }
  planned.push(...planArticleSitemaps(await listPublicationTimes(deps.db, now), entriesPerSitemap.articles));
  const body = await renderSitemapIndex(planned.map(({ file, lastModified }) => ({ url: absoluteUrl(deps.site.publicUrl, sitemapUrl(file)), lastModified })));
  return { body, contentType: sitemapContentType, tags: [anyArticle], lastModified: now, expiresAt: news.expiresAt };
}

async function buildNewsSitemap(deps: SitemapDeps, part: number, now: Date): Promise<BuiltPage> {
  const news = await loadNewsParts(deps, now);
  const entries = news.parts[part - 1];
  if (!entries) throw new NotFoundError(messages.noSuchSitemap);
  const settings = deps.site.settings.current();
  const body = await renderUrlset(
    entries.map((entry) => ({
      url: absoluteUrl(deps.site.publicUrl, articleUrl(entry)),
      news: { publicationName: settings.name, language: newsLanguage(settings.language), publishedAt: entry.publishedAt, title: entry.headline },
    })),
    { news: true },
  );
  const tags = [anyArticle, contentTags.settings, ...tagsOfEntries(news.entries)];
  return { body, contentType: sitemapContentType, tags, lastModified: now, expiresAt: news.expiresAt };
}

async function buildArticleSitemap(deps: SitemapDeps, file: Extract<SitemapFile, { kind: 'articles' }>, now: Date): Promise<BuiltPage> {
  const perFile = entriesPerSitemap.articles;
  const entries = await listArticleIndexEntries(deps.db, {
    now,
    ...monthRange(file.year, file.month),
    page: { limit: perFile, offset: (file.part - 1) * perFile },
  });
  if (entries.length === 0) throw new NotFoundError(messages.noSuchSitemap);
  const body = await renderUrlset(
    entries.map((entry) => articleEntry(entry, deps.site.publicUrl)),
    { image: true },
  );
  return { body, contentType: sitemapContentType, tags: [anyArticle, ...tagsOfEntries(entries)], lastModified: now };
}

/** One file under /sitemaps/; a file the index would not name is a 404. */
export async function buildSitemapFile(deps: SitemapDeps, file: Exclude<SitemapFile, { kind: 'index' }>, now: Date): Promise<BuiltPage> {
  if (file.kind === 'news') return buildNewsSitemap(deps, file.part, now);
  if (file.kind === 'articles') return buildArticleSitemap(deps, file, now);
  const { parts, tags } = await loadCollectionParts(deps, file.kind, now);
  const entries = parts[file.part - 1];
  if (!entries) throw new NotFoundError(messages.noSuchSitemap);
  return { body: await renderUrlset(entries), contentType: sitemapContentType, tags: [anyArticle, ...tags], lastModified: now };
}
