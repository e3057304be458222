import { type Static, type TSchema, Type } from '@sinclair/typebox';
import type { Article, ArticleSummary } from '../articles/index.ts';
import { fitsFormat, mediaVariantUrl, widthsFor } from '../media/index.ts';
import { absoluteUrl, articleUrl, authorUrl, sectionUrl, tagUrl } from '../platform/urls.ts';
import { sanitizeStoredHtml } from '../render/sanitize.ts';

// What the API says an article is: the schema is the answer's type and the OpenAPI document's.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const dateTime = Type.String({ format: 'date-time' });

export const SectionJson = Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String(), url: Type.String() }, { $id: 'SectionRef' });
export const TagJson = Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String(), url: Type.String() }, { $id: 'TagRef' });
export const BylineJson = Type.Object(
  { id: Type.Integer(), slug: Type.String(), name: Type.String(), jobTitle: Type.String(), url: Type.String() },
  { $id: 'Byline' },
);

export const ImageJson = Type.Object(
  {
    id: Type.Integer(),
    width: Type.Integer(),
    height: Type.Integer(),
    alt: Type.String(),
    caption: Type.String(),
    credit: Type.String(),
    variants: Type.Array(Type.Object({ url: Type.String(), width: Type.Integer(), type: Type.String({ examples: ['image/avif'] }) }), {
      description: 'Every size and format the site serves, smallest first within each format.',
    }),
  },
  { $id: 'Image' },
);

export const CorrectionJson = Type.Object(
  { id: Type.Integer(), kind: Type.Union([Type.Literal('correction'), Type.Literal('update')]), text: Type.String(), createdAt: dateTime },
  { $id: 'Correction' },
);

const articleProperties = {
  id: Type.Integer(),
  url: Type.String({ description: 'The canonical address of its page.' }),
  headline: Type.String(),
  standfirst: Type.String(),
  dateline: Type.String(),
  language: Type.String({ description: 'BCP 47, e.g. "en", "ko", "ar".' }),
  kind: Type.String({ examples: ['news', 'opinion', 'analysis'] }),
  section: nullable(Type.Ref(SectionJson)),
  tags: Type.Array(Type.Ref(TagJson)),
  bylines: Type.Array(Type.Ref(BylineJson)),
  publishedAt: nullable(dateTime),
  updatedAt: dateTime,
  bodyHtml: Type.String({ description: 'Sanitised HTML, through the same allow-list as the page.' }),
  featuredImage: nullable(Type.Ref(ImageJson)),
  corrections: Type.Array(Type.Ref(CorrectionJson)),
  commentCount: Type.Integer({ minimum: 0 }),
};

/** A published article as readers see it. Never an email, an IP address or an unpublished draft. */
export const ArticleJson = Type.Object(articleProperties, { $id: 'Article' });
export type ArticleJson = Static<typeof ArticleJson>;

/** A list's entry: what a teaser shows, without the body. */
export const ArticleSummaryJson = Type.Object(
  {
    id: Type.Integer(),
    url: Type.String(),
    headline: Type.String(),
    standfirst: Type.String(),
    language: Type.String(),
    section: nullable(Type.Ref(SectionJson)),
    bylines: Type.Array(Type.Ref(BylineJson)),
    publishedAt: dateTime,
    updatedAt: dateTime,
    featuredImage: nullable(Type.Ref(ImageJson)),
    commentCount: Type.Integer({ minimum: 0 }),
  },
  { $id: 'ArticleSummary' },
);
export type ArticleSummaryJson = Static<typeof ArticleSummaryJson>;

/**
 * An entry of the Content API's article list: `id` always, and the fields asked for with `fields=`,
 * by default those of an ArticleSummary. The fields are an Article's.
 */
export const ArticleListEntryJson = Type.Object(
  { ...Type.Partial(Type.Object(articleProperties)).properties, id: Type.Integer() },
  {
    $id: 'ArticleListEntry',
    description: "`id`, and the fields named in `fields=` (any of an Article's); without `fields=`, an ArticleSummary's.",
  },
);
export type ArticleListEntryJson = Static<typeof ArticleListEntryJson>;

/** Schemas the others point to by `$id`; added to the API's context once. */
export const sharedArticleSchemas: readonly TSchema[] = [
  SectionJson,
  TagJson,
  BylineJson,
  ImageJson,
  CorrectionJson,
  ArticleJson,
  ArticleSummaryJson,
  ArticleListEntryJson,
];

/** Where the site lives and what language an article without its own is in. */
export interface JsonContext {
  readonly publicUrl: string;
  readonly siteLanguage: string;
}

const variantTypes = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg' } as const;

/** A photo with every variant the site serves, as absolute URLs. */
export function imageJson(image: NonNullable<Article['image']>, context: JsonContext): Static<typeof ImageJson> {
  const widths = widthsFor(image.width);
  const variants = (['avif', 'webp', 'jpg'] as const).flatMap((format) =>
    widths
      .filter((width) => fitsFormat(image, width, format))
      .map((width) => ({ url: absoluteUrl(context.publicUrl, mediaVariantUrl(image.storageKey, width, format)), width, type: variantTypes[format] })),
  );
  const { id, width, height, alt, caption, credit } = image;
  return { id, width, height, alt, caption, credit, variants };
}

function refsOf(article: Pick<ArticleSummary, 'section' | 'authors'>, context: JsonContext) {
  const url = (path: string) => absoluteUrl(context.publicUrl, path);
  return {
    section: article.section ? { ...pick(article.section), url: url(sectionUrl(article.section)) } : null,
    bylines: article.authors.map(({ id, slug, name, jobTitle }) => ({ id, slug, name, jobTitle, url: url(authorUrl({ slug })) })),
  };
}

function pick({ id, slug, name }: { id: number; slug: string; name: string }) {
  return { id, slug, name };
}

export function articleJson(article: Article, context: JsonContext): ArticleJson {
  return {
    id: article.id,
    url: absoluteUrl(context.publicUrl, articleUrl(article)),
    headline: article.headline,
    standfirst: article.standfirst,
    dateline: article.dateline,
    language: article.language ?? context.siteLanguage,
    kind: article.kind,
    ...refsOf(article, context),
    tags: article.tags.map((tag) => ({ ...pick(tag), url: absoluteUrl(context.publicUrl, tagUrl(tag)) })),
    publishedAt: article.publishedAt?.toISOString() ?? null,
    updatedAt: article.updatedAt.toISOString(),
    bodyHtml: String(sanitizeStoredHtml(article.bodyHtml)),
    featuredImage: article.image ? imageJson(article.image, context) : null,
    corrections: article.corrections.map((correction) => ({ ...correction, createdAt: correction.createdAt.toISOString() })),
    commentCount: article.commentCount,
  };
}

export function articleSummaryJson(article: ArticleSummary, context: JsonContext): ArticleSummaryJson {
  return {
    id: article.id,
    url: absoluteUrl(context.publicUrl, articleUrl(article)),
    headline: article.headline,
    standfirst: article.standfirst,
    language: article.language ?? context.siteLanguage,
    ...refsOf(article, context),
    publishedAt: article.publishedAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
    featuredImage: article.image ? imageJson(article.image, context) : null,
    commentCount: article.commentCount,
  };
}
