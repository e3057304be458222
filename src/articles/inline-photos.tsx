import type { Translator } from '../i18n/index.ts';
import { toResponsiveImage } from '../media/index.ts';
import { elementsNamed, parseFragment, removeElement, replaceElement, serializeFragment } from '../render/html-tree.ts';
import { Figure } from '../render/picture.tsx';
import { type SafeHtml, trustAsHtml } from '../render/safe-html.ts';
import { readInlinePhoto } from '../render/stored-figures.ts';
import type { ArticleImage } from './article.ts';

/** Inline photos are drawn in the text column: full width on phones, the column's width beyond. */
const inlineSizes = '(min-width: 42rem) 40rem, 100vw';

function inlinePhotoFigures(html: string) {
  return html.includes('class="inline-photo"') ? elementsNamed(parseFragment(html), 'figure').filter((figure) => figure.attribs.class === 'inline-photo') : [];
}

/** Storage keys of the library images an article's body shows, in order, each once. */
export function inlinePhotoKeys(html: string): string[] {
  return [...new Set(inlinePhotoFigures(html).flatMap((figure) => readInlinePhoto(figure)?.storageKey ?? []))];
}

/**
 * Turns each stored inline photo (sanitised HTML) into the same responsive, captioned <picture> as
 * the featured photo. Sizes and variants come from the library; the caption, credit and alt text the
 * writer chose for this article win, and empty alt text falls back to the library's. A photo no
 * longer in the library is left out rather than shown broken. The credit reads in the words around the text.
 */
export function renderInlinePhotos(body: SafeHtml, images: ReadonlyMap<string, ArticleImage>, words: Translator): SafeHtml {
  const html = String(body);
  if (!html.includes('class="inline-photo"')) return body;
  const tree = parseFragment(html);
  for (const figure of elementsNamed(tree, 'figure').filter((node) => node.attribs.class === 'inline-photo')) {
    const stored = readInlinePhoto(figure);
    const image = stored ? images.get(stored.storageKey) : undefined;
    if (!stored || !image) {
      removeElement(figure);
      continue;
    }
    const photo = { image: toResponsiveImage({ ...image, alt: stored.alt || image.alt }), caption: stored.caption, credit: stored.credit };
    const [rendered] = parseFragment(String(<Figure photo={photo} options={{ sizes: inlineSizes }} words={words} />)).children;
    if (rendered) replaceElement(figure, rendered);
  }
  return trustAsHtml(serializeFragment(tree));
}
