import { shareableImage } from '../media/index.ts';
import type { PublishedArticle } from './article.ts';
import { absoluteUrl, articleUrl, authorUrl, homeUrl } from './urls.ts';

export interface Publisher {
  readonly name: string;
  readonly publicUrl: string;
  readonly logo: { readonly url: string; readonly width: number; readonly height: number };
}

/** schema.org NewsArticle, as search engines read it for top stories and rich results. */
export function newsArticleJsonLd(article: PublishedArticle, publisher: Publisher, description: string): object {
  const url = absoluteUrl(publisher.publicUrl, articleUrl(article));
  const image = article.image ? shareableImage(article.image) : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description,
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
    dateModified: (article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt).toISOString(),
    author: article.authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: absoluteUrl(publisher.publicUrl, authorUrl(author)),
      ...(author.jobTitle ? { jobTitle: author.jobTitle } : {}),
    })),
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: publisher.name,
      url: absoluteUrl(publisher.publicUrl, homeUrl()),
      logo: {
        '@type': 'ImageObject',
        url: absoluteUrl(publisher.publicUrl, publisher.logo.url),
        width: publisher.logo.width,
        height: publisher.logo.height,
      },
    },
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    ...(article.section ? { articleSection: article.section.name } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags.map((tag) => tag.name).join(', ') } : {}),
    ...(article.dateline ? { dateline: article.dateline } : {}),
  };
}
