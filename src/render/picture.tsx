import type { Translator } from '../i18n/index.ts';

/** One image in every size and format the browser may choose from. */
export interface ResponsiveImage {
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  /** Best format first, e.g. AVIF then WebP; each a srcset string. */
  readonly sources: readonly { readonly type: string; readonly srcset: string }[];
  /** The JPEG every browser understands. */
  readonly fallbackSrc: string;
  readonly fallbackSrcset: string;
}

export interface PictureOptions {
  /** The `sizes` attribute: how wide the image is drawn at each viewport width. */
  readonly sizes: string;
  /** The page's main image loads first and is never lazy; the rest wait until near the viewport. */
  readonly priority?: boolean;
  readonly class?: string;
}

export function Picture({ image, options }: { image: ResponsiveImage; options: PictureOptions }) {
  return (
    <picture class={options.class}>
      {image.sources.map((source) => (
        <source type={source.type} srcset={source.srcset} sizes={options.sizes} />
      ))}
      <img
        src={image.fallbackSrc}
        srcset={image.fallbackSrcset}
        sizes={options.sizes}
        width={image.width}
        height={image.height}
        alt={image.alt}
        decoding="async"
        loading={options.priority ? undefined : 'lazy'}
        fetchpriority={options.priority ? 'high' : undefined}
      />
    </picture>
  );
}

export interface CaptionedImage {
  readonly image: ResponsiveImage;
  readonly caption: string;
  readonly credit: string;
}

/** A photo with its caption and, styled apart, its credit ("Photo: AFP") in the words of the page around it. */
export function Figure({ photo, options, words }: { photo: CaptionedImage; options: PictureOptions; words: Translator }) {
  const hasCaption = photo.caption !== '' || photo.credit !== '';
  return (
    <figure class="figure">
      <Picture image={photo.image} options={options} />
      {hasCaption ? (
        <figcaption class="figure__caption">
          {photo.caption ? <span class="figure__text">{photo.caption}</span> : null}{' '}
          {photo.credit ? <span class="figure__credit">{words.text('story.photoCredit', { credit: photo.credit })}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
