import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { lookUpArticle, type PublishedArticle, type ReaderDeps } from '../articles/index.ts';
import { absoluteUrl, articleUrl, commentsFeedUrl, type FeedFormat, feedFormats } from '../platform/urls.ts';
import { commentTextHtml, listNewestApprovedComments, type PublicComment } from '../comments/index.ts';
import { NotFoundError } from '../errors.ts';
import { languageOfWords, type Translator, translatorFor } from '../i18n/index.ts';
import { contentTags } from '../platform/content-changes.ts';
import { pageCacheRoute, servePage } from '../platform/page-cache.ts';
import { slugParams } from '../platform/route-schemas.ts';
import { siteLogo } from '../settings/index.ts';
import { type FeedChannel, renderFeed } from './feed-builder.ts';
import { type FeedEntry, permanentId } from './feed-entry.ts';

// For the error page; the feed's own words are its article's comment section's (`translatorFor`).
const messages = {
  noArticle: 'There is no article at this address.',
};

/** How many of the newest approved comments a feed carries. */
const commentFeedLimit = 50;

/** Only what readers see on the page: name, time and text (as the page shows it), never an email or IP address. */
function toCommentEntry(comment: PublicComment, article: PublishedArticle, publicUrl: string, words: Translator): FeedEntry {
  const url = `${absoluteUrl(publicUrl, articleUrl(article))}#comment-${comment.id}`;
  return {
    id: permanentId(publicUrl, 'comment', comment.id),
    url,
    title: words.text('feed.commentBy', { name: comment.authorName }),
    summary: comment.body,
    contentHtml: commentTextHtml(comment.body),
    authors: [{ name: comment.authorName, url: comment.authorWebsite || url }],
    categories: [],
    photo: null,
    published: comment.createdAt,
    updated: comment.createdAt,
  };
}

/** Each article's approved comments as RSS, Atom and JSON Feed, beside the article. */
const ArticleParams = slugParams('sectionSlug', 'slug');

export const commentFeedRoutes: FastifyPluginAsync<ReaderDeps> = async (app, deps) => {
  const { db, site, pages } = deps;
  for (const format of feedFormats) {
    const file = commentsFeedUrl({ slug: ':slug', section: { slug: ':sectionSlug' } }, format);
    app.get<{ Params: Static<typeof ArticleParams> }>(file, { ...pageCacheRoute, schema: { params: ArticleParams } }, async (request, reply) => {
      const now = site.clock.now();
      const found = await lookUpArticle(db, request.params.sectionSlug, request.params.slug, now);
      if (found.kind === 'moved') return reply.redirect(`${found.location}/${file.split('/').pop()}`, 301);
      if (found.kind !== 'found') throw new NotFoundError(messages.noArticle);
      const { article } = found;
      return servePage(request, reply, pages, commentsFeedUrl(article, format), async () => {
        const settings = site.settings.current();
        const words = translatorFor(article.language, settings);
        const comments = await listNewestApprovedComments(db, article.id, commentFeedLimit);
        const pageUrl = absoluteUrl(site.publicUrl, articleUrl(article));
        const channel: FeedChannel = {
          id: permanentId(site.publicUrl, 'comments', article.id),
          title: words.text('feed.commentsTitle', { headline: article.headline }),
          description: words.text('feed.commentsDescription', { headline: article.headline, siteName: settings.name }),
          language: languageOfWords(words, settings),
          words,
          pageUrl,
          feedUrls: Object.fromEntries(feedFormats.map((each: FeedFormat) => [each, absoluteUrl(site.publicUrl, commentsFeedUrl(article, each))])) as Record<
            FeedFormat,
            string
          >,
          publisher: { name: settings.name, url: absoluteUrl(site.publicUrl, '/') },
          logoUrl: absoluteUrl(site.publicUrl, siteLogo(site).url),
          iconUrl: absoluteUrl(site.publicUrl, site.assets.iconUrl),
        };
        return {
          ...(await renderFeed(
            format,
            channel,
            comments.map((comment) => toCommentEntry(comment, article, site.publicUrl, words)),
          )),
          lastModified: now,
          tags: [contentTags.settings, contentTags.article(article.id)],
        };
      });
    });
  }
};
