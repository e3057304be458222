import type { FastifyReply, FastifyRequest } from 'fastify';
import { toResponsiveImage } from '../media/index.ts';
import { type ContentTag, contentTags } from '../platform/content-changes.ts';
import { servePage } from '../platform/page-cache.ts';
import { CollectionPage } from '../render/collection-page.tsx';
import type { PageHead } from '../render/document.tsx';
import { renderDocument } from '../render/safe-html.ts';
import type { Translator } from '../i18n/index.ts';
import { siteChrome, siteWordsOf } from '../settings/index.ts';
import type { ArticleScope } from './article.ts';
import { tagsOfSummaries, toStoryTeaser } from './article-teaser.ts';
import { type ArticleListPage, loadArticleListPage } from './articles.reader.ts';
import { collectionPageJsonLd, profilePageJsonLd, type SiteIdentity } from './collection-json-ld.ts';
import { feedLinks, feedTitle } from './feed-links.ts';
import { type CollectionDeps, storiesPerPage } from './reader-deps.ts';
import { absoluteUrl, articleUrl, type FeedSubject } from '../platform/urls.ts';

/** A section, tag or author: what its page says about it. */
export interface Collection {
  readonly scope: ArticleScope;
  /** The page's URL for page N. */
  readonly url: (page: number) => string;
  /** What kind of collection, in the page's words ("Section"), or a name of its own (an author's job title). */
  readonly eyebrow: (words: Translator) => string;
  readonly heading: string;
  readonly description: string;
  readonly ogType: PageHead['ogType'];
  /** The entity itself, so renaming it drops its pages. */
  readonly entityTag: ContentTag;
  /** Whose feeds the page head offers, besides the whole site's. */
  readonly feed?: FeedSubject;
  /** An author's photo, shown beside their name. */
  readonly portrait?: { readonly storageKey: string; readonly width: number; readonly height: number; readonly alt: string };
}

/** CollectionPage for a section or topic, ProfilePage for an author. */
function collectionJsonLd(collection: Collection, list: ArticleListPage, url: string, description: string, site: SiteIdentity): object {
  if (collection.scope.kind === 'author') return profilePageJsonLd({ name: collection.heading, description: collection.description, url }, site);
  return collectionPageJsonLd(
    {
      name: collection.heading,
      description,
      url,
      firstPosition: (list.page - 1) * storiesPerPage + 1,
      stories: list.summaries.map((summary) => ({ url: absoluteUrl(site.publicUrl, articleUrl(summary)), headline: summary.headline })),
    },
    site,
  );
}

/** Serves page N of a collection's published articles, from the page cache when it can. */
export function serveCollectionPage(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: CollectionDeps,
  collection: Collection,
  page: number,
): Promise<FastifyReply> {
  const { db, site, pages } = deps;
  const path = collection.url(page);
  return servePage(request, reply, pages, path, async () => {
    const now = site.clock.now();
    const settings = site.settings.current();
    const words = siteWordsOf(settings);
    const list = await loadArticleListPage(db, deps.counts, collection.scope, page, storiesPerPage, now, deps.summaries);
    const title = page > 1 ? words.text('list.pageTitle', { heading: collection.heading, page }) : collection.heading;
    const description = collection.description || words.text('list.latestFrom', { name: collection.heading, siteName: settings.name });
    const canonicalUrl = absoluteUrl(site.publicUrl, path);
    const html = renderDocument(
      <CollectionPage
        data={{
          site: siteChrome(site, collection.url(1), now),
          head: {
            title,
            description,
            canonicalUrl,
            ogType: collection.ogType,
            feeds: [
              ...(collection.feed ? feedLinks(collection.feed, feedTitle(settings.name, collection.heading)) : []),
              ...feedLinks({ kind: 'site' }, feedTitle(settings.name)),
            ],
            jsonLd: [collectionJsonLd(collection, list, canonicalUrl, description, { name: settings.name, publicUrl: site.publicUrl })],
          },
          eyebrow: collection.eyebrow(words),
          heading: collection.heading,
          introduction: collection.description,
          ...(collection.portrait ? { portrait: toResponsiveImage(collection.portrait) } : {}),
          stories: list.summaries.map((summary) => toStoryTeaser(summary, words)),
          pages: {
            page: list.page,
            pageCount: list.pageCount,
            previousUrl: list.page > 1 ? collection.url(list.page - 1) : null,
            nextUrl: list.page < list.pageCount ? collection.url(list.page + 1) : null,
          },
        }}
      />,
    );
    return {
      html,
      tags: [contentTags.settings, collection.entityTag, contentTags.scope(collection.scope), ...tagsOfSummaries(list.summaries)],
    };
  });
}
