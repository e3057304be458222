import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { type ArticleScope, feedTitle, listPublishedArticles, type ReaderDeps, tagsOfSummaries } from '../articles/index.ts';
import { absoluteUrl, authorUrl, type FeedFormat, feedFormats, type FeedSubject, feedUrl, homeUrl, sectionUrl, tagUrl } from '../platform/urls.ts';
import { findAuthorBySlug } from '../authors/index.ts';
import type { Db } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { type ContentTag, contentTags } from '../platform/content-changes.ts';
import { pageCacheRoute, sendPage, servePage } from '../platform/page-cache.ts';
import { slugParams } from '../platform/route-schemas.ts';
import { findSectionBySlug } from '../sections/index.ts';
import { siteLogo, siteWordsOf } from '../settings/index.ts';
import { findTagBySlug } from '../tags/index.ts';
import { type FeedChannel, renderFeed } from './feed-builder.ts';
import { permanentId, toFeedEntry } from './feed-entry.ts';

const messages = {
  noSection: 'There is no section at this address.',
  noTag: 'There is no topic at this address.',
  noAuthor: 'There is no author at this address.',
};

/** How many of the newest articles a feed carries. */
const feedItemLimit = 30;

/** What one feed lists, found from its address. */
interface FeedSource {
  readonly subject: FeedSubject;
  readonly scope: ArticleScope;
  /** The section, tag or author, whose name and description the feed takes; none for the whole site. */
  readonly entity?: { readonly id: number; readonly name: string; readonly description: string; readonly tag: ContentTag; readonly pageUrl: string };
}

function serveFeed(request: FastifyRequest, reply: FastifyReply, deps: ReaderDeps, format: FeedFormat, source: FeedSource) {
  const { db, site, pages } = deps;
  return servePage(request, reply, pages, feedUrl(source.subject, format), async () => {
    const now = site.clock.now();
    const settings = site.settings.current();
    const articles = await listPublishedArticles(db, { scope: source.scope, now, limit: feedItemLimit });
    const entity = source.entity;
    const words = siteWordsOf(settings);
    const channel: FeedChannel = {
      id: permanentId(site.publicUrl, 'feed', entity ? `${source.scope.kind}:${entity.id}` : 'site'),
      title: feedTitle(settings.name, entity?.name),
      description: entity ? entity.description || words.text('list.latestFrom', { name: entity.name, siteName: settings.name }) : settings.description,
      language: settings.language,
      words,
      pageUrl: absoluteUrl(site.publicUrl, entity?.pageUrl ?? homeUrl()),
      feedUrls: {
        rss: absoluteUrl(site.publicUrl, feedUrl(source.subject, 'rss')),
        atom: absoluteUrl(site.publicUrl, feedUrl(source.subject, 'atom')),
        json: absoluteUrl(site.publicUrl, feedUrl(source.subject, 'json')),
      },
      publisher: { name: settings.name, url: absoluteUrl(site.publicUrl, homeUrl()) },
      logoUrl: absoluteUrl(site.publicUrl, siteLogo(site).url),
      iconUrl: absoluteUrl(site.publicUrl, site.assets.iconUrl),
    };
    const entries = articles.map((article) => toFeedEntry(article, { publicUrl: site.publicUrl, content: settings.feedContent }));
    return {
      ...(await renderFeed(format, channel, entries)),
      // When it was built, not the newest article's time: withdrawing the newest would turn that back.
      lastModified: now,
      tags: [
        contentTags.settings,
        contentTags.scope(source.scope),
        ...(entity ? [entity.tag] : []),
        ...tagsOfSummaries(articles),
        ...articles.flatMap((article) => article.tags.map((tag) => contentTags.tag(tag.id))),
      ],
    };
  });
}

interface CollectionFeed {
  readonly kind: 'section' | 'tag' | 'author';
  /** Named as in the page route at the same position, e.g. /:sectionSlug. */
  readonly param: string;
  readonly notFound: string;
  readonly lookUp: (db: Db, slug: string) => Promise<Omit<FeedSource, 'subject'> | undefined>;
}

const collectionFeeds: readonly CollectionFeed[] = [
  {
    kind: 'section',
    param: 'sectionSlug',
    notFound: messages.noSection,
    lookUp: async (db, slug) => {
      const section = await findSectionBySlug(db, slug);
      return (
        section && {
          scope: { kind: 'section', sectionId: section.id },
          entity: { ...section, tag: contentTags.section(section.id), pageUrl: sectionUrl(section) },
        }
      );
    },
  },
  {
    kind: 'tag',
    param: 'tagSlug',
    notFound: messages.noTag,
    lookUp: async (db, slug) => {
      const tag = await findTagBySlug(db, slug);
      return tag && { scope: { kind: 'tag', tagId: tag.id }, entity: { ...tag, tag: contentTags.tag(tag.id), pageUrl: tagUrl(tag) } };
    },
  },
  {
    kind: 'author',
    param: 'authorSlug',
    notFound: messages.noAuthor,
    lookUp: async (db, slug) => {
      const author = await findAuthorBySlug(db, slug);
      return (
        author && {
          scope: { kind: 'author', authorId: author.id },
          entity: { id: author.id, name: author.name, description: author.bio, tag: contentTags.author(author.id), pageUrl: authorUrl(author) },
        }
      );
    },
  },
];

/**
 * RSS, Atom and JSON Feed for the site and for each section, tag and author, beside the pages
 * that list the same articles (see `feedUrl`).
 */
export const feedRoutes: FastifyPluginAsync<ReaderDeps> = async (app, deps) => {
  const { db, pages } = deps;
  for (const format of feedFormats) {
    app.get(feedUrl({ kind: 'site' }, format), pageCacheRoute, async (request, reply) =>
      serveFeed(request, reply, deps, format, { subject: { kind: 'site' }, scope: { kind: 'all' } }),
    );
    // /:sectionSlug/feed.xml beside the article route /:sectionSlug/:slug: find-my-way tries the
    // static segment first, and no article slug can contain a dot.
    for (const feed of collectionFeeds) {
      app.get<{ Params: Record<string, string> }>(
        feedUrl({ kind: feed.kind, slug: `:${feed.param}` }, format),
        { ...pageCacheRoute, schema: { params: slugParams(feed.param) } },
        async (request, reply) => {
          const subject = { kind: feed.kind, slug: request.params[feed.param]! };
          // A cached feed is current by construction: any change to what it shows dropped it.
          const cached = pages.get(feedUrl(subject, format));
          if (cached) return sendPage(request, reply, cached, 'HIT');
          const found = await feed.lookUp(db, subject.slug);
          if (!found) throw new NotFoundError(feed.notFound);
          return serveFeed(request, reply, deps, format, { subject, ...found });
        },
      );
    }
  }
};
