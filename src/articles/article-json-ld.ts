import { shareableImage } from '../media/index.ts';
import { articleKinds } from './article-kinds.ts';
import type { PublishedArticle } from './article.ts';
import { absoluteUrl, articleUrl, authorUrl, homeUrl, searchUrl } from '../platform/urls.ts';
import { laterOf } from '../render/dates.ts';

export interface Publisher {
  readonly name: string;
  readonly publicUrl: string;
  readonly logo: { readonly url: string; readonly width: number; readonly height: number };
  /** Site paths of the standards the newsroom has published, by schema.org property. */
  readonly policies?: Readonly<Partial<Record<PolicyProperty, string>>>;
}

/** schema.org's NewsMediaOrganization properties for a newsroom's published standards. */
export type PolicyProperty = 'correctionsPolicy' | 'ethicsPolicy' | 'ownershipFundingInfo' | 'masthead' | 'actionableFeedbackPolicy';

/** The newsroom as an organisation, with links to its published standards (trust signals for search engines). */
export function newsMediaOrganization(publisher: Publisher): object {
  return {
    '@type': 'NewsMediaOrganization',
    name: publisher.name,
    url: absoluteUrl(publisher.publicUrl, homeUrl()),
    logo: {
      '@type': 'ImageObject',
      url: absoluteUrl(publisher.publicUrl, publisher.logo.url),
      width: publisher.logo.width,
      height: publisher.logo.height,
    },
    ...Object.fromEntries(Object.entries(publisher.policies ?? {}).map(([property, path]) => [property, absoluteUrl(publisher.publicUrl, path)])),
  };
}

/** schema.org NewsArticle, as search engines read it for top stories and rich results. */
export function newsArticleJsonLd(article: PublishedArticle, publisher: Publisher, description: string): object {
  const url = absoluteUrl(publisher.publicUrl, articleUrl(article));
  const image = article.image ? shareableImage(article.image) : undefined;
  return {
    '@context': 'https://schema.org',
    // NewsArticle first, for search engines that read only it; the specific type says what kind of work this is.
    '@type': ['NewsArticle', articleKinds[article.kind].schemaType],
    headline: article.headline,
    description,
    ...(article.language ? { inLanguage: article.language } : {}),
    ...(image
      ? {
          image: [
            {
              '@type': 'ImageObject',
              url: absoluteUrl(publisher.publicUrl, image.path),
              width: image.width,
              height: image.height,
              ...(article.image?.caption ? { caption: article.image.caption } : {}),
              ...(article.image?.credit ? { creditText: article.image.credit } : {}),
            },
          ],
        }
      : {}),
    datePublished: article.publishedAt.toISOString(),
    dateModified: laterOf(article.updatedAt, article.publishedAt).toISOString(),
    ...(article.corrections.some((note) => note.kind === 'correction')
      ? {
          correction: article.corrections
            .filter((note) => note.kind === 'correction')
            .map((note) => ({ '@type': 'CorrectionComment', text: note.text, datePublished: note.createdAt.toISOString() })),
        }
      : {}),
    author: article.authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: absoluteUrl(publisher.publicUrl, authorUrl(author)),
      ...(author.jobTitle ? { jobTitle: author.jobTitle } : {}),
    })),
    publisher: newsMediaOrganization(publisher),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    ...(article.section ? { articleSection: article.section.name } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags.map((tag) => tag.name).join(', ') } : {}),
    ...(article.dateline ? { dateline: article.dateline } : {}),
  };
}

/** schema.org WebSite with a SearchAction, so search engines can offer a search box for the site. */
export function webSiteJsonLd(site: { readonly name: string; readonly description: string; readonly publicUrl: string }): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.name,
    description: site.description,
    url: absoluteUrl(site.publicUrl, homeUrl()),
    potentialAction: {
      '@type': 'SearchAction',
      // Built by hand: the braces are a placeholder for the search engine, not part of a real query.
      target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(site.publicUrl, searchUrl())}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}
