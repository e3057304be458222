import type { PublishedArticle } from './article.ts';
import { absoluteUrl, articleUrl, authorUrl, homeUrl } from '../platform/urls.ts';
import { shareableImage } from '../media/index.ts';

/** The oEmbed 1.0 answer for one article: a "rich" card other tools show when its link is pasted. */
export interface OEmbedCard {
  readonly version: '1.0';
  readonly type: 'rich';
  readonly title: string;
  readonly provider_name: string;
  readonly provider_url: string;
  readonly author_name?: string;
  readonly author_url?: string;
  readonly cache_age: number;
  readonly thumbnail_url?: string;
  readonly thumbnail_width?: number;
  readonly thumbnail_height?: number;
  readonly html: string;
  readonly width: number;
  readonly height: number;
}

const cardWidth = 600;
const cardHeight = 200;

/** The card as HTML for the consuming page: a quotation that links back, no script and no frame. */
function CardHtml({ article, url, siteName }: { article: PublishedArticle; url: string; siteName: string }) {
  return (
    <blockquote class="gazette-embed" cite={url}>
      <p>
        <a href={url}>{article.headline}</a>
      </p>
      {article.standfirst ? <p>{article.standfirst}</p> : null}
      <p>— {siteName}</p>
    </blockquote>
  );
}

/**
 * What `/oembed` answers for `article`, sized to fit the consumer's `maxwidth`/`maxheight` when
 * given (the spec's rule); the site's name is the provider, its bylines the authors.
 */
export function oembedCard(
  article: PublishedArticle,
  site: { readonly publicUrl: string; readonly siteName: string },
  limits: { readonly maxwidth?: number; readonly maxheight?: number },
): OEmbedCard {
  const url = absoluteUrl(site.publicUrl, articleUrl(article));
  const image = article.socialImage ?? article.image;
  const thumbnail = image ? shareableImage(image) : undefined;
  const [firstAuthor] = article.authors;
  return {
    version: '1.0',
    type: 'rich',
    title: article.headline,
    provider_name: site.siteName,
    provider_url: absoluteUrl(site.publicUrl, homeUrl()),
    ...(firstAuthor
      ? { author_name: article.authors.map((author) => author.name).join(', '), author_url: absoluteUrl(site.publicUrl, authorUrl(firstAuthor)) }
      : {}),
    cache_age: 3600,
    ...(thumbnail ? { thumbnail_url: absoluteUrl(site.publicUrl, thumbnail.path), thumbnail_width: thumbnail.width, thumbnail_height: thumbnail.height } : {}),
    html: String(<CardHtml article={article} url={url} siteName={site.siteName} />),
    width: Math.min(limits.maxwidth ?? cardWidth, cardWidth),
    height: Math.min(limits.maxheight ?? cardHeight, cardHeight),
  };
}
