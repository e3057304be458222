import type { CommentSectionRequest, CommentSections } from '../comments/index.ts';
import { languageOfWords, type Translator, translatorFor } from '../i18n/index.ts';
import { shareableImage, toResponsiveImage } from '../media/index.ts';
import { type ContentTag, contentTags } from '../platform/content-changes.ts';
import { absoluteUrl, articleUrl, authorUrl, commentsFeedUrl, homeUrl, oembedUrl, sectionUrl, tagUrl } from '../platform/urls.ts';
import { formatDateTime } from '../render/dates.ts';
import type { PageHead } from '../render/document.tsx';
import { languageAttributes } from '../render/language-tags.ts';
import { renderDocument, type SafeHtml } from '../render/safe-html.ts';
import { htmlToText, sanitizeStoredHtml } from '../render/sanitize.ts';
import { siteChrome } from '../settings/index.ts';
import { type ArticleImage, isPublished, type PublishedArticle } from './article.ts';
import { newsArticleJsonLd } from './article-json-ld.ts';
import { articleKinds } from './article-kinds.ts';
import { ArticlePage, type ArticleView } from './article-page.tsx';
import { tagsOfSummaries, toStoryTeaser } from './article-teaser.ts';
import { findArticleById } from './articles.queries.ts';
import { loadRelatedArticles, type RelatedPicks } from './articles.reader.ts';
import { breadcrumbListJsonLd } from './collection-json-ld.ts';
import { hasPlayableEmbed, renderEmbedPlaceholders } from './embed-placeholders.tsx';
import { inlinePhotoKeys, renderInlinePhotos } from './inline-photos.tsx';
import { findImagesByStorageKeys } from './inline-photos.queries.ts';
import { publisherOf } from './publisher.ts';
import type { ReaderDeps } from './reader-deps.ts';

/** What the article page is built from: the reader site's parts, and the comment section when there is one. */
export interface ArticleDocumentDeps extends ReaderDeps {
  /** The comment section under each article; given by the comments capability. */
  readonly comments?: CommentSections;
  /** Related stories kept between renders of the published page; a preview picks them afresh. */
  readonly relatedPicks?: RelatedPicks;
}

/** What a newsroom preview changes on the reader page; the published page passes none of it. */
export interface ArticleDocumentOptions {
  /** The preview's banner, first in the page. */
  readonly previewBanner?: SafeHtml;
  /** False for a draft: its publication time (standing in as "now") is not shown as a date. */
  readonly showPublicationTime?: boolean;
}

/** Shown only when an edit comes well after publication; fixing a typo a minute later is not news. */
const updateThresholdMs = 10 * 60 * 1000;

function describe(article: PublishedArticle): string {
  const text = article.seoDescription || article.standfirst || htmlToText(article.bodyHtml);
  return text.length > 200 ? `${text.slice(0, 197).trimEnd()}…` : text;
}

function articleView(
  article: PublishedArticle,
  words: Translator,
  inlineImages: ReadonlyMap<string, ArticleImage>,
  languages: { readonly site: string; readonly words: string },
  showPublicationTime: boolean,
): ArticleView {
  const updated = showPublicationTime && article.updatedAt.getTime() - article.publishedAt.getTime() > updateThresholdMs;
  const kindLabel = articleKinds[article.kind].label;
  return {
    section: article.section ? { label: article.section.name, url: sectionUrl(article.section) } : null,
    headline: article.headline,
    standfirst: article.standfirst,
    authors: article.authors.map((author) => ({ label: author.name, url: authorUrl(author) })),
    dateline: article.dateline,
    published: showPublicationTime ? { iso: article.publishedAt.toISOString(), label: formatDateTime(article.publishedAt, words) } : null,
    updated: updated ? { iso: article.updatedAt.toISOString(), label: formatDateTime(article.updatedAt, words) } : null,
    photo: article.image ? { image: toResponsiveImage(article.image), caption: article.image.caption, credit: article.image.credit } : null,
    body: renderEmbedPlaceholders(renderInlinePhotos(sanitizeStoredHtml(article.bodyHtml), inlineImages, words), words),
    tags: article.tags.map((tag) => ({ label: tag.name, url: tagUrl(tag) })),
    kindLabel: kindLabel ? words.text(kindLabel) : '',
    sponsored: article.kind === 'sponsored',
    commentCount: article.commentCount,
    corrections: article.corrections.map((correction) => ({
      kind: correction.kind,
      iso: correction.createdAt.toISOString(),
      label: formatDateTime(correction.createdAt, words),
      text: correction.text,
    })),
    language: languageAttributes(article.language, languages.site),
    wordsLanguage: languageAttributes(languages.words, article.language ?? languages.site),
  };
}

function articleHead(article: PublishedArticle, deps: ReaderDeps, words: Translator): PageHead {
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
    oembedUrl: absoluteUrl(publicUrl, oembedUrl(absoluteUrl(publicUrl, articleUrl(article)))),
    ogType: 'article',
    feeds: [
      { title: words.text('feed.commentsTitle', { headline: article.headline }), href: commentsFeedUrl(article, 'rss'), type: 'application/rss+xml' },
      {
        title: `${words.text('feed.commentsTitle', { headline: article.headline })} (Atom)`,
        href: commentsFeedUrl(article, 'atom'),
        type: 'application/atom+xml',
      },
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

export function commentSectionArticle(article: PublishedArticle) {
  return { id: article.id, path: articleUrl(article), publishedAt: article.publishedAt, commentsOpen: article.commentsOpen };
}

/**
 * The article page as readers get it, with the content tags it shows. The newsroom's preview
 * renders drafts through this same function, so a preview never differs from the published page.
 */
export async function renderArticleDocument(
  article: PublishedArticle,
  deps: ArticleDocumentDeps,
  now: Date,
  commentRequest: CommentSectionRequest = {},
  options: ArticleDocumentOptions = {},
): Promise<{ html: string; tags: ContentTag[]; expiresAt?: Date }> {
  const { db, site } = deps;
  const settings = site.settings.current();
  const words = translatorFor(article.language, settings);
  const languages = { site: settings.language, words: languageOfWords(words, settings) };
  const related = await loadRelatedArticles(db, article, now, 3, deps.relatedPicks, deps.summaries);
  const inlineImages = await findImagesByStorageKeys(db, inlinePhotoKeys(article.bodyHtml));
  const comments = deps.comments ? await deps.comments.load(commentSectionArticle(article), commentRequest, now, words) : undefined;
  // The section's count of approved comments, kept between requests, is the one the header shows.
  const counted = comments ? { ...article, commentCount: comments.view.count } : article;
  const view = articleView(counted, words, inlineImages, languages, options.showPublicationTime ?? true);
  const head = articleHead(counted, deps, words);
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
            comments && articleJsonLd
              ? { ...articleJsonLd, commentCount: comments.view.count, ...(comments.jsonLd.length > 0 ? { comment: comments.jsonLd } : {}) }
              : articleJsonLd,
            ...otherJsonLd,
          ].filter((item): item is object => item !== undefined),
        },
        words,
        wordsAround: languageAttributes(languages.words, languages.site),
        article: view,
        related: related.summaries.map((summary) => toStoryTeaser(summary, words, { site: languages.site, around: languages.words })),
        ...(comments ? { comments: comments.view } : {}),
        ...(options.previewBanner ? { previewBanner: options.previewBanner } : {}),
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

/** The published article page with a comment section in a given state (a refused comment form); undefined when it is not published. */
export async function renderArticlePageById(deps: ArticleDocumentDeps, articleId: number, commentRequest: CommentSectionRequest): Promise<string | undefined> {
  const now = deps.site.clock.now();
  const article = await findArticleById(deps.db, articleId);
  if (!article || !isPublished(article, now)) return undefined;
  return (await renderArticleDocument(article, deps, now, commentRequest)).html;
}
