import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { type CommentSectionRequest, type CommentView, commentViewAddress } from '../comments/index.ts';
import { GoneError, NotFoundError } from '../errors.ts';
import { type ContentTag, contentTags } from '../platform/content-changes.ts';
import { pageCacheRoute, sendPage, servePage } from '../platform/page-cache.ts';
import { oneOf, rowId, slugParams } from '../platform/route-schemas.ts';
import { absoluteUrl, articleUrl, homeUrl, sectionUrl } from '../platform/urls.ts';
import { renderDocument } from '../render/safe-html.ts';
import { siteChrome, siteWordsOf } from '../settings/index.ts';
import { type ArticleDocumentDeps, commentSectionArticle, renderArticleDocument } from './article-document.tsx';
import { newsMediaOrganization, webSiteJsonLd } from './article-json-ld.ts';
import { tagsOfSummaries, toStoryTeaser } from './article-teaser.ts';
import { type KeptHomeStoryIds, listHomeStories } from './home-stories.queries.ts';
import { lookUpArticle } from './articles.reader.ts';
import { feedLinks, feedTitle } from './feed-links.ts';
import { HomePage } from './home-page.tsx';
import { publisherOf } from './publisher.ts';

const ArticleParams = slugParams('sectionSlug', 'slug');

/** The comment view an article address may ask for: its order, its page, the comment being answered. */
const ArticleQuery = Type.Object({
  comments: Type.Optional(oneOf(['oldest', 'newest'])),
  'comments-page': Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  replyto: Type.Optional(rowId),
});
type ArticleQuery = Static<typeof ArticleQuery>;

export interface ArticleRoutesOptions extends ArticleDocumentDeps {
  /** The home page's sections, in navigation order; given by the sections capability. */
  readonly listSections: () => Promise<readonly { id: number; slug: string; name: string }[]>;
  /** Home's ids kept between renders; without it they are read at each one. */
  readonly homeStoryIds?: KeptHomeStoryIds;
}

export const articleRoutes: FastifyPluginAsync<ArticleRoutesOptions> = async (app, deps) => {
  const { db, site, pages } = deps;

  app.get('/', pageCacheRoute, async (request, reply) =>
    servePage(request, reply, pages, homeUrl(), async () => {
      const now = site.clock.now();
      const settings = site.settings.current();
      const words = siteWordsOf(settings);
      const sections = await deps.listSections();
      // An editor's pinned story leads; otherwise the newest does.
      const { lead, bySection } = await listHomeStories(db, {
        sectionIds: sections.map((section) => section.id),
        now,
        perSection: 4,
        ...(deps.summaries ? { summaries: deps.summaries } : {}),
        ...(deps.homeStoryIds ? { kept: deps.homeStoryIds } : {}),
      });
      const latest = sections.map((section) => bySection.get(section.id) ?? []);
      const html = renderDocument(
        <HomePage
          data={{
            site: siteChrome(site, homeUrl(), now),
            head: {
              title: settings.name,
              description: settings.description,
              canonicalUrl: absoluteUrl(site.publicUrl, homeUrl()),
              ogType: 'website',
              feeds: feedLinks({ kind: 'site' }, feedTitle(settings.name)),
              jsonLd: [
                webSiteJsonLd({ name: settings.name, description: settings.description, publicUrl: site.publicUrl }),
                { '@context': 'https://schema.org', ...newsMediaOrganization(publisherOf(deps)) },
              ],
            },
            lead: lead ? toStoryTeaser(lead, words) : null,
            sections: sections
              .map((section, index) => ({
                name: section.name,
                url: sectionUrl(section),
                stories: (latest[index] ?? []).map((summary) => toStoryTeaser(summary, words)),
              }))
              .filter((section) => section.stories.length > 0),
          }}
        />,
      );
      const tags: ContentTag[] = [
        contentTags.settings,
        contentTags.scope({ kind: 'all' }),
        ...sections.flatMap((section) => [contentTags.section(section.id), contentTags.scope({ kind: 'section', sectionId: section.id })]),
        ...tagsOfSummaries([...(lead ? [lead] : []), ...latest.flat()]),
      ];
      return { html, tags };
    }),
  );

  app.get<{ Params: Static<typeof ArticleParams>; Querystring: ArticleQuery }>(
    '/:sectionSlug/:slug',
    { ...pageCacheRoute, schema: { params: ArticleParams, querystring: ArticleQuery } },
    async (request, reply) => {
      const { sectionSlug, slug } = request.params;
      const { comments } = deps;
      const asked = commentViewOf(request.query);
      // Each view of the comments (order, page, reply form) is cached apart, under its canonical address only.
      const address = (path: string, view: CommentView) => (comments ? commentViewAddress(path, view, comments.policy().order) : path);
      // Built like the canonical address (a Korean slug percent-encoded), so the two compare as they should.
      const askedAddress = address(articleUrl({ slug, section: { slug: sectionSlug } }), asked);
      const ownCommentIds = comments ? comments.ownCommentIds(request.headers.cookie) : [];
      // A browser that posted comments may have some still pending here: it must be asked before the cache answers.
      const cached = ownCommentIds.length > 0 ? undefined : pages.get(askedAddress);
      if (cached) return sendPage(request, reply, cached, 'HIT');
      const now = site.clock.now();
      // With a comment section, the page shows the count it keeps, so the lookup need not count the comments.
      const found = await lookUpArticle(db, sectionSlug, slug, now, { countComments: !comments });
      if (found.kind === 'moved') return reply.redirect(found.location, 301);
      if (found.kind === 'missing') throw new NotFoundError('There is no article at this address.');
      if (found.kind === 'gone') throw new GoneError('The newsroom has taken this article down. It is no longer available.');
      const { article } = found;
      const pendingOwn = comments && ownCommentIds.length > 0 ? await comments.pendingOwnIds(article.id, ownCommentIds) : [];
      const commentRequest: CommentSectionRequest = { ...asked, ownCommentIds: pendingOwn };
      // Checked before anything is rendered: a page past the last, or a reply to a comment not open to
      // replies here, is sent to the view that exists, so made-up addresses cost no render and no entry.
      // Temporary, as the canonical view moves with the comments.
      const canonical = comments
        ? address(articleUrl(article), await comments.canonicalView(commentSectionArticle(article), commentRequest, now))
        : articleUrl(article);
      if (canonical !== askedAddress) return reply.redirect(canonical, 302);
      if (pendingOwn.length > 0) {
        const built = await renderArticleDocument(article, deps, now, commentRequest);
        return reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(built.html);
      }
      return servePage(request, reply, pages, canonical, () => renderArticleDocument(article, deps, now, asked));
    },
  );
};

function commentViewOf(query: ArticleQuery): CommentView {
  return {
    ...(query.comments ? { order: query.comments } : {}),
    ...(query['comments-page'] ? { page: query['comments-page'] } : {}),
    ...(query.replyto ? { replyTo: query.replyto } : {}),
  };
}
