import type { FastifyPluginAsync } from 'fastify';
import { type CommentSectionRequest, type CommentSections, type CommentView, commentViewAddress } from '../comments/index.ts';
import { GoneError, NotFoundError } from '../errors.ts';
import { shareableImage, toResponsiveImage } from '../media/index.ts';
import { type ContentTag, contentTags } from '../platform/content-changes.ts';
import { sendPage, servePage } from '../platform/page-cache.ts';
import { slugParamsSchema } from '../platform/route-schemas.ts';
import { type DateStyle, formatDateTime } from '../render/dates.ts';
import type { PageHead } from '../render/document.tsx';
import { sanitizeStoredHtml, htmlToText } from '../render/sanitize.ts';
import { renderDocument } from '../render/safe-html.ts';
import { dateStyleOf, type PolicyKey, policyKeys, siteChrome, siteLogo } from '../settings/index.ts';
import type { ArticleImage, PublishedArticle } from './article.ts';
import { articleKinds } from './article-kinds.ts';
import { newsArticleJsonLd, newsMediaOrganization, type PolicyProperty, type Publisher, webSiteJsonLd } from './article-json-ld.ts';
import { breadcrumbListJsonLd } from './collection-json-ld.ts';
import { feedLinks, feedTitle } from './feed-links.ts';
import { ArticlePage, type ArticleView } from './article-page.tsx';
import { hasPlayableEmbed, renderEmbedPlaceholders } from './embed-placeholders.tsx';
import { inlinePhotoKeys, renderInlinePhotos } from './inline-photos.tsx';
import { findImagesByStorageKeys } from './inline-photos.queries.ts';
import { tagsOfSummaries, toStoryTeaser } from './article-teaser.ts';
import { lookUpArticle, loadRelatedArticles } from './articles.reader.ts';
import { HomePage } from './home-page.tsx';
import { findArticleById, listPublishedSummaries } from './articles.queries.ts';
import type { ReaderDeps } from './reader-deps.ts';
import { absoluteUrl, articleUrl, commentsFeedUrl, authorUrl, homeUrl, policyUrl, sectionUrl, tagUrl } from './urls.ts';

export interface ArticleRoutesOptions extends ReaderDeps {
  /** The home page's sections, in navigation order; given by the sections capability. */
  readonly listSections: () => Promise<readonly { id: number; slug: string; name: string }[]>;
  /** The comment section under each article; given by the comments capability. */
  readonly comments?: CommentSections;
}

/** Shown only when an edit comes well after publication; fixing a typo a minute later is not news. */
const updateThresholdMs = 10 * 60 * 1000;

function describe(article: PublishedArticle): string {
  const text = article.seoDescription || article.standfirst || htmlToText(article.bodyHtml);
  return text.length > 200 ? `${text.slice(0, 197).trimEnd()}…` : text;
}

const policyProperties: Readonly<Record<PolicyKey, PolicyProperty>> = {
  corrections: 'correctionsPolicy',
  ethics: 'ethicsPolicy',
  ownership: 'ownershipFundingInfo',
  masthead: 'masthead',
  feedback: 'actionableFeedbackPolicy',
};

/** The newsroom as publisher, with the standards it has published in its settings. */
function publisherOf(deps: ReaderDeps): Publisher {
  const settings = deps.site.settings.current();
  return {
    name: settings.name,
    publicUrl: deps.site.publicUrl,
    logo: siteLogo(deps.site),
    policies: Object.fromEntries(
      policyKeys.filter((key) => settings.policies[key].trim() !== '').map((key) => [policyProperties[key], policyUrl(key)]),
    ),
  };
}

function articleView(article: PublishedArticle, dateStyle: DateStyle, inlineImages: ReadonlyMap<string, ArticleImage>): ArticleView {
  const updated = article.updatedAt.getTime() - article.publishedAt.getTime() > updateThresholdMs;
  return {
    section: article.section ? { label: article.section.name, url: sectionUrl(article.section) } : null,
    headline: article.headline,
    standfirst: article.standfirst,
    authors: article.authors.map((author) => ({ label: author.name, url: authorUrl(author) })),
    dateline: article.dateline,
    published: { iso: article.publishedAt.toISOString(), label: formatDateTime(article.publishedAt, dateStyle) },
    updated: updated ? { iso: article.updatedAt.toISOString(), label: formatDateTime(article.updatedAt, dateStyle) } : null,
    photo: article.image
      ? { image: toResponsiveImage(article.image), caption: article.image.caption, credit: article.image.credit }
      : null,
    body: renderEmbedPlaceholders(renderInlinePhotos(sanitizeStoredHtml(article.bodyHtml), inlineImages)),
    tags: article.tags.map((tag) => ({ label: tag.name, url: tagUrl(tag) })),
    kindLabel: articleKinds[article.kind].label,
    sponsored: article.kind === 'sponsored',
    commentCount: article.commentCount,
    corrections: article.corrections.map((correction) => ({
      kind: correction.kind === 'correction' ? 'Correction' : 'Update',
      iso: correction.createdAt.toISOString(),
      label: formatDateTime(correction.createdAt, dateStyle),
      text: correction.text,
    })),
  };
}

function articleHead(article: PublishedArticle, deps: ReaderDeps): PageHead {
  const { publicUrl } = deps.site;
  const settings = deps.site.settings.current();
  const description = describe(article);
  // Social networks get the social image when the newsroom chose one, else the featured photo.
  const shared = article.socialImage ?? article.image;
  const image = shared ? shareableImage(shared) : undefined;
  return {
    title: article.seoTitle || article.headline,
    description,
    canonicalUrl: absoluteUrl(publicUrl, articleUrl(article)),
    ogType: 'article',
    feeds: [
      { title: `Comments on “${article.headline}”`, href: commentsFeedUrl(article, 'rss'), type: 'application/rss+xml' },
      { title: `Comments on “${article.headline}” (Atom)`, href: commentsFeedUrl(article, 'atom'), type: 'application/atom+xml' },
    ],
    ...(image && shared ? { image: { url: absoluteUrl(publicUrl, image.path), width: image.width, height: image.height, alt: shared.alt } } : {}),
    openGraphExtras: [
      ['article:published_time', article.publishedAt.toISOString()],
      ['article:modified_time', article.updatedAt.toISOString()],
      ...(article.section ? [['article:section', article.section.name] as const] : []),
      ...article.tags.map((tag) => ['article:tag', tag.name] as const),
    ],
    jsonLd: [
      newsArticleJsonLd(article, publisherOf(deps), description),
      breadcrumbListJsonLd([
        { name: settings.name, url: absoluteUrl(publicUrl, homeUrl()) },
        ...(article.section ? [{ name: article.section.name, url: absoluteUrl(publicUrl, sectionUrl(article.section)) }] : []),
        { name: article.headline, url: absoluteUrl(publicUrl, articleUrl(article)) },
      ]),
    ],
  };
}

function commentSectionArticle(article: PublishedArticle) {
  return { id: article.id, path: articleUrl(article), publishedAt: article.publishedAt, commentsOpen: article.commentsOpen };
}

/**
 * The article page as readers get it, with the content tags it shows. The newsroom's preview
 * renders drafts through this same function, so a preview never differs from the published page.
 */
export async function renderArticleDocument(
  article: PublishedArticle,
  deps: ReaderDeps & { readonly comments?: CommentSections },
  now: Date,
  commentRequest: CommentSectionRequest = {},
): Promise<{ html: string; tags: ContentTag[]; expiresAt?: Date }> {
  const { db, site } = deps;
  const dateStyle = dateStyleOf(site.settings.current());
  const related = await loadRelatedArticles(db, article, now, 3);
  const inlineImages = await findImagesByStorageKeys(db, inlinePhotoKeys(article.bodyHtml));
  const view = articleView(article, dateStyle, inlineImages);
  const head = articleHead(article, deps);
  const comments = deps.comments ? await deps.comments.load(commentSectionArticle(article), commentRequest, now, dateStyle) : undefined;
  const scripts = [...(hasPlayableEmbed(view.body) ? [site.assets.embedsScriptUrl] : []), ...(comments?.view.form ? [site.assets.commentsScriptUrl] : [])];
  const [articleJsonLd, ...otherJsonLd] = head.jsonLd ?? [];
  const html = renderDocument(
    <ArticlePage
      data={{
        site: siteChrome(site, articleUrl(article), now),
        head: {
          ...head,
          scripts,
          jsonLd: [
            comments && articleJsonLd ? { ...articleJsonLd, commentCount: comments.view.count, ...(comments.jsonLd.length > 0 ? { comment: comments.jsonLd } : {}) } : articleJsonLd,
            ...otherJsonLd,
          ].filter((item): item is object => item !== undefined),
        },
        article: view,
        related: related.summaries.map((summary) => toStoryTeaser(summary, dateStyle)),
        ...(comments ? { comments: comments.view } : {}),
      }}
    />,
  );
  const tags: ContentTag[] = [
    contentTags.settings,
    ...tagsOfSummaries([article]),
    ...article.tags.map((tag) => contentTags.tag(tag.id)),
    ...[...inlineImages.values()].map((image) => contentTags.media(image.id)),
    ...related.scopes.map(contentTags.scope),
    ...tagsOfSummaries(related.summaries),
  ];
  return { html, tags, ...(comments?.freshUntil ? { expiresAt: comments.freshUntil } : {}) };
}

export const articleRoutes: FastifyPluginAsync<ArticleRoutesOptions> = async (app, deps) => {
  const { db, site, pages } = deps;

  app.get('/', async (request, reply) =>
    servePage(request, reply, pages, homeUrl(), async () => {
      const now = site.clock.now();
      const settings = site.settings.current();
      const dateStyle = dateStyleOf(settings);
      const [lead] = await listPublishedSummaries(db, { scope: { kind: 'all' }, now, limit: 1 });
      const sections = await deps.listSections();
      const latest = await Promise.all(
        sections.map((section) =>
          listPublishedSummaries(db, { scope: { kind: 'section', sectionId: section.id }, now, limit: 4, excludeIds: lead ? [lead.id] : [] }),
        ),
      );
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
            lead: lead ? toStoryTeaser(lead, dateStyle) : null,
            sections: sections
              .map((section, index) => ({
                name: section.name,
                url: sectionUrl(section),
                stories: (latest[index] ?? []).map((summary) => toStoryTeaser(summary, dateStyle)),
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

  app.get<{ Params: { sectionSlug: string; slug: string }; Querystring: ArticleQuery }>(
    '/:sectionSlug/:slug',
    { schema: { params: slugParamsSchema('sectionSlug', 'slug'), querystring: articleQuerySchema } },
    async (request, reply) => {
      const { sectionSlug, slug } = request.params;
      const { comments } = deps;
      const asked = commentViewOf(request.query);
      // Each view of the comments (order, page, reply form) is cached apart, under its canonical address only.
      const address = (path: string, view: CommentView) => (comments ? commentViewAddress(path, view, comments.policy().order) : path);
      const askedAddress = address(`/${sectionSlug}/${slug}`, asked);
      const ownCommentIds = comments ? comments.ownCommentIds(request.headers.cookie) : [];
      // A browser that posted comments may have some still pending here: it must be asked before the cache answers.
      const cached = ownCommentIds.length > 0 ? undefined : pages.get(askedAddress);
      if (cached) return sendPage(request, reply, cached);
      const now = site.clock.now();
      const found = await lookUpArticle(db, sectionSlug, slug, now);
      if (found.kind === 'moved') return reply.redirect(found.location, 301);
      if (found.kind === 'missing') throw new NotFoundError('There is no article at this address.');
      if (found.kind === 'gone') throw new GoneError('The newsroom has taken this article down. It is no longer available.');
      const { article } = found;
      const pendingOwn = comments && ownCommentIds.length > 0 ? await comments.pendingOwnIds(article.id, ownCommentIds) : [];
      const commentRequest: CommentSectionRequest = { ...asked, ownCommentIds: pendingOwn };
      // Checked before anything is rendered: a page past the last, or a reply to a comment not open to
      // replies here, is sent to the view that exists, so made-up addresses cost no render and no entry.
      // Temporary, as the canonical view moves with the comments.
      const canonical = comments ? address(articleUrl(article), await comments.canonicalView(commentSectionArticle(article), commentRequest, now)) : articleUrl(article);
      if (canonical !== askedAddress) return reply.redirect(canonical, 302);
      if (pendingOwn.length > 0) {
        const built = await renderArticleDocument(article, deps, now, commentRequest);
        return reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(built.html);
      }
      return servePage(request, reply, pages, canonical, () => renderArticleDocument(article, deps, now, asked));
    },
  );
};

interface ArticleQuery {
  readonly comments?: 'oldest' | 'newest';
  readonly 'comments-page'?: number;
  readonly replyto?: number;
}

const articleQuerySchema = {
  type: 'object',
  properties: {
    comments: { type: 'string', enum: ['oldest', 'newest'] },
    'comments-page': { type: 'integer', minimum: 1, maximum: 100000 },
    replyto: { type: 'integer', minimum: 1, maximum: 2147483647 },
  },
} as const;

function commentViewOf(query: ArticleQuery): CommentView {
  return {
    ...(query.comments ? { order: query.comments } : {}),
    ...(query['comments-page'] ? { page: query['comments-page'] } : {}),
    ...(query.replyto ? { replyTo: query.replyto } : {}),
  };
}

/** The published article page with a comment section in a given state (a refused comment form); undefined when it is not published. */
export async function renderArticlePageById(
  deps: ArticleRoutesOptions,
  articleId: number,
  commentRequest: CommentSectionRequest,
): Promise<string | undefined> {
  const now = deps.site.clock.now();
  const article = await findArticleById(deps.db, articleId);
  if (!article || article.status !== 'published' || article.trashedAt !== null || article.publishedAt === null || article.publishedAt > now) return undefined;
  return (await renderArticleDocument(article as PublishedArticle, deps, now, commentRequest)).html;
}
